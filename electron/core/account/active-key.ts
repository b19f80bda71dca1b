import { accountSchema, type Account, type ConnectionState, type SaleState } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { CatalogService } from '../catalog/catalog-service';
import { CatalogWarmer } from '../catalog/catalog-warmer';
import type { Ledger } from '../ledger/ledger';
import type { LoadTrainingProvider, Logger, SecretStore } from '../platform/ports';
import { OneClickDzClient } from '../provider/client';
import { isApiError } from '../provider/errors';
import { fingerprint, KeySession } from '../provider/key-session';
import type { RequestGate } from '../provider/request-gate';
import type { Transport } from '../provider/transport';
import { SaleEngine } from '../sales/sale-engine';
import type { ProductLines } from '../product-lines/registry';
import type { SaleMoves } from '../sales/sale-moves';
import type { SenderGuard } from '../sales/sender-guard';
import type { SaleTiming } from '../sales/timing';
import type { SettingsService } from '../settings/settings-service';

/** States whose sales would be stranded if the key changed under them. */
const BLOCKS_KEY_CHANGE: readonly SaleState[] = ['QUEUED', 'SENDING', 'PLACED', 'UNKNOWN', 'EXPIRED', 'AWAITING_OWNER'];

export interface ActiveKeyDeps {
  ledger: Ledger;
  /** The product lines the sale engine drives sales through. */
  lines: ProductLines;
  settings: SettingsService;
  catalog: CatalogService;
  moves: SaleMoves;
  secretStore: SecretStore;
  apiUrl: string;
  envApiKey: string | null;
  transport?: Transport;
  trainingHandlingMs?: number;
  trainingApiUrl?: string;
  loadTraining?: LoadTrainingProvider;
  timing: SaleTiming;
  /** One request budget for the till, whichever key is in use (the provider counts per key and IP). */
  gate: RequestGate;
  logger: Logger;
  now: () => number;
  /** The engine's view of the provider changed (online, offline, key refused). */
  onConnection: (state: ConnectionState) => void;
  /** A sale reached a final state. */
  onFinal: () => void;
  /** Whether the till can sell may have changed (validation answered, key switched). */
  statusChanged: () => void;
  /** The key is about to change: what was known of the old account no longer holds. */
  onKeyChange: () => void;
  /** The shop's rules when tills share a key (sales/sender-guard.ts); absent, a till alone. */
  guard?: SenderGuard;
}

/**
 * The key the till sells with now: its KeySession (which key, which client, the training
 * simulator), the sale engine bound to it and the catalogue warmer. Setting or clearing the key
 * closes all three and opens them again; it is refused while sales of the current key are pending.
 */
export class ActiveKey {
  private current!: KeySession;
  private currentEngine!: SaleEngine;
  private warmer: CatalogWarmer | null = null;

  constructor(private readonly d: ActiveKeyDeps) {}

  session(): KeySession {
    return this.current;
  }

  engine(): SaleEngine {
    return this.currentEngine;
  }

  /** The catalogue was (re)read: make sure the background warmer is pricing it (catalog-warmer.ts). */
  warmCatalog(): void {
    this.warmer?.kick();
  }

  async open(): Promise<void> {
    const d = this.d;
    this.current = await KeySession.open(
      {
        apiUrl: d.apiUrl,
        envApiKey: d.envApiKey,
        secretStore: d.secretStore,
        transport: d.transport,
        trainingHandlingMs: d.trainingHandlingMs,
        trainingApiUrl: d.trainingApiUrl,
        loadTraining: d.loadTraining,
        timeouts: d.timing,
        gate: d.gate,
      },
      (keyId) => this.cachedAccount(keyId),
    );
    this.currentEngine = new SaleEngine({
      ledger: d.ledger,
      client: () => this.current.client,
      now: d.now,
      random: Math.random,
      timing: d.timing,
      logger: d.logger,
      moves: d.moves,
      onConnection: d.onConnection,
      onFinal: () => d.onFinal(),
      currentType: (productId, typeId, line) => d.catalog.currentType(productId, typeId, d.timing.costFreshMs, line),
      lines: d.lines,
      guard: d.guard,
    });
    const engine = this.currentEngine;
    this.warmer = new CatalogWarmer({
      catalog: d.catalog,
      now: d.now,
      timing: d.timing,
      requestsPerMinute: () => d.settings.get().apiRequestsPerMinute,
      favourites: () => d.settings.get().favourites,
      connection: () => engine.connectionState,
      noteReachable: (reachable) => engine.noteReachable(reachable),
      logger: d.logger,
    });
    this.currentEngine.recover();
    await this.validateWithin(3000);
    this.currentEngine.start();
    this.warmer.kick();
  }

  async setKey(key: string): Promise<void> {
    this.assertNoPendingSales();
    const probe = new OneClickDzClient({ baseUrl: this.d.apiUrl, apiKey: key, transport: this.d.transport, getRetries: 0 });
    const account = await probe.validate();
    this.d.ledger.kvSet(`account:${fingerprint(key)}`, JSON.stringify(account));
    this.d.secretStore.set(key);
    await this.reopen();
  }

  async clearKey(): Promise<void> {
    this.assertNoPendingSales();
    this.d.secretStore.clear();
    await this.reopen();
  }

  async close(): Promise<void> {
    await this.warmer?.close();
    this.warmer = null;
    await this.currentEngine.close();
    await this.current.close();
  }

  private assertNoPendingSales(): void {
    const pending = this.d.ledger.countByStates(BLOCKS_KEY_CHANGE);
    if (pending > 0) {
      throw new AppError('INVALID_STATE', `${pending} sale(s) still pending with the current key; finish or cancel them first`, { pending });
    }
  }

  private async reopen(): Promise<void> {
    this.d.onKeyChange();
    await this.close();
    await this.open();
    this.d.statusChanged();
  }

  /** Start-up should not hang on a slow network: validation carries on in the background. */
  private async validateWithin(ms: number): Promise<void> {
    const session = this.current;
    const work = session
      .validate()
      .then((account) => {
        if (account && session.mode !== 'training') this.d.ledger.kvSet(`account:${session.keyId}`, JSON.stringify(account));
        this.currentEngine.noteReachable(true);
      })
      .catch((e) => {
        if (isApiError(e) && e.kind === 'unsent') this.currentEngine.noteReachable(false);
        this.d.logger.warn('key validation failed', { code: isApiError(e) ? e.code : 'INTERNAL' });
      })
      .finally(() => {
        if (this.current === session) this.d.statusChanged();
      });
    await Promise.race([work, new Promise((r) => setTimeout(r, ms).unref())]);
  }

  private cachedAccount(keyId: string): Account | null {
    const raw = this.d.ledger.kvGet(`account:${keyId}`);
    if (!raw) return null;
    try {
      return accountSchema.safeParse(JSON.parse(raw)).data ?? null;
    } catch {
      return null;
    }
  }
}
