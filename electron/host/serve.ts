import Conf from 'conf';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core';
import { createLogger } from '../core/platform/log';
import { FileSecretStore, plainKeyProtector } from '../core/platform/file-secrets';
import { readShopPassphraseFile } from '../core/shared-ledger/shop-passphrase-file';
import { createHttpAdapter } from './http-adapter';
import { readHostOptions } from './options';

/**
 * The browser host: the same core as the Electron app, with the built renderer and the contract
 * served on 127.0.0.1 behind a per-launch secret. Used where Electron cannot start, and by the
 * end-to-end tests.
 */
async function main(): Promise<void> {
  // Before anything is created: every file and directory the host makes (ledger, its WAL, keys,
  // settings, backups) is private to the user running it, whatever umask it was started with.
  if (process.platform !== 'win32') process.umask(0o077);
  const logger = createLogger();
  const opts = readHostOptions(process.argv.slice(2), process.env);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = [path.resolve(here, '../renderer'), path.resolve(process.cwd(), 'dist/renderer')].find((d) => fs.existsSync(path.join(d, 'index.html')));
  if (!rendererDir) logger.warn('the renderer is not built (npm run build): serving the contract only');

  const settingsBackend = new Conf<Record<string, unknown>>({
    projectName: 'oneclickdz-till',
    cwd: opts.dataDir,
    configName: 'settings',
    configFileMode: 0o600,
  });
  const core = await createCore({
    dataDir: opts.dataDir,
    apiUrl: opts.apiUrl,
    envApiKey: opts.apiKey,
    secretStore: new FileSecretStore(opts.dataDir),
    keyProtector: plainKeyProtector,
    settingsBackend,
    logger,
    version: process.env.npm_package_version ?? '0.1.0',
    timing: opts.timing,
    trainingHandlingMs: opts.trainingHandlingMs,
    trainingApiUrl: opts.trainingApiUrl,
    sharedLedgerUrl: opts.sharedLedgerUrl,
    shopPassphrase: readShopPassphraseFile(process.env),
    // The simulator is read only when the till trains (no key configured).
    trainingSimulator: async () => (await import('../../simulator/training')).trainingProvider,
  });
  const secret = randomBytes(24).toString('base64url');
  const server = createHttpAdapter({ core, rendererDir: rendererDir ?? path.resolve(here, '../renderer'), secret, logger });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/#secret=${secret}`;
  process.stdout.write(`Till ready. Open ${url}\nTILL_URL=${url}\n`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    server.closeAllConnections();
    server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}

main().catch((e) => {
  process.stderr.write(`The till could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
