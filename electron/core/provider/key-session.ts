import { createHash } from 'node:crypto';
import type { Account, Mode } from '../../../shared/domain';
import { OneClickDzClient } from './client';
import { isApiError } from './errors';
import type { Transport } from './transport';
import type { RequestGate } from './request-gate';
import type { LoadTrainingProvider, SecretStore } from '../platform/ports';

export type KeySource = 'none' | 'environment' | 'saved';

export interface SessionOptions {
  apiUrl: string;
  envApiKey: string | null;
  secretStore: SecretStore;
  transport?: Transport;
  trainingHandlingMs?: number;
  /** Test-only: run training mode against this simulator instead of a built-in one. */
  trainingApiUrl?: string;
  /** The simulator the host hands over for training mode (platform/ports.ts); loaded only when training. */
  loadTraining?: LoadTrainingProvider;
  timeouts: { readTimeoutMs: number; orderTimeoutMs: number };
  gate: RequestGate;
}

/**
 * Which key the till sells with, and the client bound to it. With no key configured the till runs
 * in training mode against the simulator the host provides, so a new cashier can practise without money.
 */
export class KeySession {
  private constructor(
    readonly mode: Mode,
    readonly source: KeySource,
    readonly client: OneClickDzClient,
    readonly keyId: string,
    private readonly simulator: { close(): Promise<void> } | null,
    public account: Account | null,
  ) {}

  static async open(opts: SessionOptions, cachedAccount: (keyId: string) => Account | null): Promise<KeySession> {
    const envKey = opts.envApiKey?.trim() || null;
    const saved = envKey ? null : opts.secretStore.get();
    const key = envKey ?? saved;
    if (!key) {
      if (!opts.loadTraining) throw new Error('No key is configured and this till has no training simulator');
      const training = await opts.loadTraining();
      const sim = opts.trainingApiUrl ? null : await training.start({ handlingMs: opts.trainingHandlingMs ?? 3000 });
      const client = new OneClickDzClient({
        baseUrl: opts.trainingApiUrl ?? (sim as { url: string }).url,
        apiKey: training.apiKey,
        transport: opts.transport,
        timeoutMs: opts.timeouts.readTimeoutMs,
        orderTimeoutMs: opts.timeouts.orderTimeoutMs,
        gate: opts.gate,
      });
      return new KeySession('training', 'none', client, 'training', sim, null);
    }
    const client = new OneClickDzClient({
      baseUrl: opts.apiUrl,
      apiKey: key,
      transport: opts.transport,
      timeoutMs: opts.timeouts.readTimeoutMs,
      orderTimeoutMs: opts.timeouts.orderTimeoutMs,
      gate: opts.gate,
    });
    const keyId = fingerprint(key);
    const account = cachedAccount(keyId);
    const mode: Mode = account?.keyType === 'PRODUCTION' ? 'production' : 'sandbox';
    return new KeySession(mode, envKey ? 'environment' : 'saved', client, keyId, null, account);
  }

  /** Asks the provider who this key belongs to; a network failure keeps the cached answer. */
  async validate(): Promise<Account | null> {
    try {
      const a = await this.client.validate();
      this.account = { username: a.username, keyType: a.keyType, scope: a.scope };
      return this.account;
    } catch (e) {
      if (isApiError(e) && e.kind === 'auth') this.account = null;
      throw e;
    }
  }

  get effectiveMode(): Mode {
    if (this.mode === 'training') return 'training';
    return this.account?.keyType === 'PRODUCTION' ? 'production' : 'sandbox';
  }

  async close(): Promise<void> {
    await this.simulator?.close();
  }
}

/** A short, non-reversible name for a key, so sales can say which key they belong to. */
export function fingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
