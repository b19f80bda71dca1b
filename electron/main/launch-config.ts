import path from 'node:path';
import { sharedLedgerUrlOrThrow } from '../core/shared-ledger/shared-ledger-url';
import { checkProviderUrl } from '../core/provider/provider-url';
import { DEFAULT_TIMING, type SaleTiming } from '../core/sales/timing';

/**
 * Which environment switches the Electron app honours (design §5). The data dir, the API URLs and
 * the timing knobs (the same ones the browser host reads) are test-only switches: honoured only in
 * an unpackaged build (`!app.isPackaged`, i.e. development and the tests), ignored (and logged) in
 * a shipped build whatever NODE_ENV says. Any Windows user can set an environment variable without
 * admin rights; if NODE_ENV=test reopened the switches, ONECLICKDZ_API_URL=http://anything would
 * carry the shop's saved key away in `X-Access-Token`. Even unpackaged, a provider URL must pass
 * `checkProviderUrl` (https, or http to loopback only). The API key is an explicit credential and
 * is always honoured. Pure, so it is unit-tested without Electron.
 */
export interface LaunchConfig {
  dataDir: string;
  /** True when POS_DATA_DIR replaced the default (main.ts then moves Electron's userData too). */
  dataDirOverridden: boolean;
  apiUrl: string | undefined;
  /** POS_TRAINING_API_URL: training mode against a simulator the tests control (test-only). */
  trainingApiUrl: string | undefined;
  /** POS_TIMING: JSON of the sale engine's waits in ms (test-only). */
  timing: Partial<SaleTiming>;
  /** POS_TRAINING_HANDLING_MS: how long the built-in simulator takes per order (test-only). */
  trainingHandlingMs: number | undefined;
  envApiKey: string | null;
  /** POS_DATABASE_URL: the shop's PostgreSQL server shared by several counters. */
  sharedLedgerUrl: string | null;
  /** Names of switches that were set but ignored, to log once at start-up. */
  ignored: string[];
}

export interface LaunchInputs {
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
  /** `app.getPath('userData')` */
  userDataPath: string;
}

function parseTiming(raw: string): Partial<SaleTiming> | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Partial<Record<keyof SaleTiming, number>> = {};
  for (const [key, ms] of Object.entries(value)) {
    if (!Object.hasOwn(DEFAULT_TIMING, key)) return null;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) return null;
    out[key as keyof SaleTiming] = ms;
  }
  return out;
}

export function resolveLaunchConfig({ env, isPackaged, userDataPath }: LaunchInputs): LaunchConfig {
  // NODE_ENV is deliberately not read: it is not a trust boundary (see above).
  const testSwitches = !isPackaged;
  const ignored: string[] = [];

  const dataDirEnv = env.POS_DATA_DIR?.trim();
  let dataDir = userDataPath;
  let dataDirOverridden = false;
  if (dataDirEnv) {
    if (testSwitches) {
      dataDir = path.resolve(dataDirEnv);
      dataDirOverridden = true;
    } else ignored.push('POS_DATA_DIR');
  }

  const testUrl = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    const checked = testSwitches ? checkProviderUrl(raw) : null;
    if (!checked?.ok) ignored.push(name);
    return checked?.ok ? checked.url : undefined;
  };
  const apiUrl = testUrl('ONECLICKDZ_API_URL');
  const trainingApiUrl = testUrl('POS_TRAINING_API_URL');

  let timing: Partial<SaleTiming> = {};
  const timingEnv = env.POS_TIMING?.trim();
  if (timingEnv) {
    const parsed = testSwitches ? parseTiming(timingEnv) : null;
    if (parsed) timing = parsed;
    else ignored.push('POS_TIMING');
  }

  let trainingHandlingMs: number | undefined;
  const handlingEnv = env.POS_TRAINING_HANDLING_MS?.trim();
  if (handlingEnv) {
    const ms = Number(handlingEnv);
    if (testSwitches && Number.isFinite(ms) && ms >= 0) trainingHandlingMs = ms;
    else ignored.push('POS_TRAINING_HANDLING_MS');
  }

  const envApiKey = env.ONECLICKDZ_API_KEY?.trim() || null;
  // A production setting, like the key: the shop's shared ledger (several counters). A malformed
  // URL is ignored and named, never half-used.
  let sharedLedgerUrl: string | null = null;
  try {
    sharedLedgerUrl = sharedLedgerUrlOrThrow('POS_DATABASE_URL', env.POS_DATABASE_URL);
  } catch {
    ignored.push('POS_DATABASE_URL');
  }
  return { dataDir, dataDirOverridden, apiUrl, trainingApiUrl, timing, trainingHandlingMs, envApiKey, sharedLedgerUrl, ignored };
}
