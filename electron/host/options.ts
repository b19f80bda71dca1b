import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { providerUrlOrThrow } from '../core/provider/provider-url';
import { sharedLedgerUrlOrThrow } from '../core/shared-ledger/shared-ledger-url';
import { DEFAULT_TIMING, type SaleTiming } from '../core/sales/timing';

export interface HostOptions {
  port: number;
  dataDir: string;
  apiUrl: string | undefined;
  apiKey: string | null;
  timing: Partial<SaleTiming>;
  trainingHandlingMs: number | undefined;
  trainingApiUrl: string | undefined;
  /** POS_DATABASE_URL: the shop's PostgreSQL server shared by several counters. */
  sharedLedgerUrl: string | null;
}

const timingSchema = z.object(Object.fromEntries(Object.keys(DEFAULT_TIMING).map((k) => [k, z.number().int().min(0).optional()]))).strict();

function defaultDataDir(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32') return path.join(env.APPDATA ?? os.homedir(), 'OneClickDZ Till');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'oneclickdz-till');
}

/** Reads `--port N` / POS_PORT and the documented environment variables; rejects bad values loudly. */
export function readHostOptions(argv: string[], env: NodeJS.ProcessEnv): HostOptions {
  const i = argv.indexOf('--port');
  const rawPort = i >= 0 ? argv[i + 1] : env.POS_PORT;
  const port = rawPort === undefined || rawPort === '' ? 5180 : Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${rawPort}`);
  let timing: Partial<SaleTiming> = {};
  if (env.POS_TIMING) {
    const parsed = timingSchema.safeParse(JSON.parse(env.POS_TIMING));
    if (!parsed.success) throw new Error('POS_TIMING must be a JSON object of millisecond waits');
    timing = parsed.data as Partial<SaleTiming>;
  }
  const handling = env.POS_TRAINING_HANDLING_MS ? Number(env.POS_TRAINING_HANDLING_MS) : undefined;
  const apiUrl = providerUrlOrThrow('ONECLICKDZ_API_URL', env.ONECLICKDZ_API_URL);
  return {
    port,
    dataDir: path.resolve(env.POS_DATA_DIR?.trim() || defaultDataDir(env)),
    apiUrl,
    apiKey: env.ONECLICKDZ_API_KEY?.trim() || null,
    timing,
    trainingApiUrl: providerUrlOrThrow('POS_TRAINING_API_URL', env.POS_TRAINING_API_URL),
    sharedLedgerUrl: sharedLedgerUrlOrThrow('POS_DATABASE_URL', env.POS_DATABASE_URL),
    trainingHandlingMs: handling !== undefined && Number.isFinite(handling) ? handling : undefined,
  };
}
