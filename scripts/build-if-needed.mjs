// Before `npm start` / `npm run serve`: on a fresh clone this installs the npm packages (without
// Electron's binary download) and builds, so `npm start` alone is enough to open the till.
import { ensureNode22, ensurePackages, run } from './ensure-env.mjs';

ensureNode22();
ensurePackages();
const status = run('npm', ['run', '--silent', 'build']);
if (status !== 0) process.exit(status);
