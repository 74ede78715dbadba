/** The portfolio micro-frontend's build (the same for every micro-frontend: admin-shell/remote-vite-config.ts). */
import { remoteViteConfig } from '../admin-shell/remote-vite-config.js';

export default remoteViteConfig('portfolio', 5174);
