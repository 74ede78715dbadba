/**
 * The nav micro-frontend's build (the same for every micro-frontend, from
 * @ips/federation in packages/tooling; imported by path: Vite's config loader runs a workspace
 * package's TypeScript only when it is bundled, i.e. reached by a relative import).
 */
import { remoteViteConfig } from '../../packages/tooling/federation/remote-vite-config.js';

export default remoteViteConfig('nav', 5175);
