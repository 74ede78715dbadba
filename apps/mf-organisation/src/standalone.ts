// Running alone in development (`pnpm --filter @ips/mf-portfolio dev`): the asynchronous boundary.
import('./standalone-app.js');
