// The shell provides the shared modules itself (src/areas.tsx); the boundary keeps start-up lazy.
import('./bootstrap.js');
