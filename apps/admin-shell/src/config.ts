/** Run-time configuration (`/config.json`), so one build serves every environment. */
import type { RemoteConfig } from './remotes.js';

export type { RemoteConfig } from './remotes.js';
export { remotesFor } from './remotes.js';

export interface ShellConfig {
  apiUrl: string;
  issuer: string;
  clientId: string;
  remotes: RemoteConfig[];
}

export async function loadConfig(): Promise<ShellConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: ${res.status}`);
  return (await res.json()) as ShellConfig;
}
