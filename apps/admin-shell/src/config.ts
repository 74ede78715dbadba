/** Run-time configuration (`/config.json`), so one build serves every environment. */
export interface ShellConfig {
  apiUrl: string;
  issuer: string;
  clientId: string;
  remotes: { name: string; entry: string }[];
}

export async function loadConfig(): Promise<ShellConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: ${res.status}`);
  return (await res.json()) as ShellConfig;
}
