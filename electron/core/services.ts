import type { EventName, EventPayload } from '../../shared/contract';
import { accountSchema, PENDING_STATES, type Account, type AppStatus, type Balance, type SaleState } from '../../shared/domain';
import { AppError } from '../../shared/result';
import { OneClickDzClient } from './api/client';
import { RateGate } from './api/rate-gate';
import { isApiError } from './api/errors';
import type { Transport } from './api/transport';
import { CatalogService } from './catalog/catalog-service';
import { CatalogWarmer } from './catalog/catalog-warmer';
import { fingerprint, KeySession } from './key-session';
import type { Ledger, SaleRow } from './ledger/ledger';
import type { CodeCipher } from './ledger/code-cipher';
import type { BackupDialogs, EventListener, LoadTrainingProvider, Logger, ReceiptPrinter, SecretStore } from './ports';
import { toSaleDto } from './sales/sale-dto';
import { maySeeSale } from './shop/sale-access';
import { maySeeCost, saleWithoutCost } from './shop/cost-visibility';
import { SaleEngine } from './sales/sale-engine';
import type { SaleTiming } from './sales/timing';
import type { SettingsService } from './settings/settings-service';
import { SessionManager } from './staff/session';
import { StaffRepo } from './staff/staff-repo';
import { ShiftService } from './shifts/shift-service';
import type { SessionState } from '../../shared/shop';

export interface ServicesOptions {
  dataDir: string;
  ledger: Ledger;
  cipher: CodeCipher;
  settings: SettingsService;
  secretStore: SecretStore;
  apiUrl: string;
  envApiKey: string | null;
  printer?: ReceiptPrinter;
  backupDialogs?: BackupDialogs;
  logger: Logger;
  timing: SaleTiming;
  version: string;
  transport?: Transport;
  trainingHandlingMs?: number;
  trainingApiUrl?: string;
  loadTraining?: LoadTrainingProvider;
  now?: () => number;
}

const BALANCE_FRESH_MS = 15_000;
/** States whose sales would be stranded if the key changed under them. */
const BLOCKS_KEY_CHANGE: readonly SaleState[] = ['QUEUED', 'SENDING', 'PLACED', 'UNKNOWN', 'EXPIRED', 'AWAITING_OWNER'];

/**
 * Everything the command handlers need, wired once. Owns the key session (which key, which
 * client, training simulator) and the sale engine bound to it, and publishes events.
 */
export class TillServices {
  readonly ledger: Ledger;
  readonly settings: SettingsService;
  readonly catalog: CatalogService;
  readonly staff: StaffRepo;
  readonly session: SessionManager;
  readonly shifts: ShiftService;
  readonly dataDir: string;
  readonly cipher: CodeCipher;
  readonly printer: ReceiptPrinter | undefined;
  readonly backupDialogs: BackupDialogs | undefined;
  readonly now: () => number;
  private current!: KeySession;
  private currentEngine!: SaleEngine;
  private lastBalance: Balance | null = null;
  private lastBalanceAt = 0;
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly o: ServicesOptions) {
    this.ledger = o.ledger;
    this.settings = o.settings;
    this.printer = o.printer;
    this.backupDialogs = o.backupDialogs;
    this.now = o.now ?? Date.now;
    this.catalog = new CatalogService(o.ledger, () => this.current.client, this.now);
    this.staff = new StaffRepo(o.ledger);
    this.session = new SessionManager(
      this.staff,
      this.now,
      () => this.settings.get().idleLockMinutes * 60_000,
      () => this.sessionChanged(),
      (cashierId) => {
        this.o.logger.warn('cashier locked out after wrong PINs', { cashierId });
        this.sessionChanged();
      },
    );
    this.shifts = new ShiftService(o.ledger, this.now);
    this.dataDir = o.dataDir;
    this.gate = new RateGate(this.settings.get().apiRequestsPerMinute);
    this.cipher = o.cipher;
  }

  /** One request budget for the till, whichever key is in use (the provider counts per key and IP). */
  readonly gate: RateGate;
  private warmer: CatalogWarmer | null = null;

  /** The catalogue was (re)read: make sure the background warmer is pricing it (catalog-warmer.ts). */
  warmCatalog(): void {
    this.warmer?.kick();
  }

  sessionState(): SessionState {
    const who = this.session.active();
    const cashiers = this.staff.all().filter((c) => c.active).map((c) => ({ id: c.id, name: c.name, role: c.role, active: true }));
    return {
      needsSetup: this.session.needsSetup(),
      cashier: who ? { id: who.id, name: who.name, role: who.role, active: true } : null,
      cashiers,
      idleLockMinutes: this.settings.get().idleLockMinutes,
      // Only the owner learns of lockouts: never shown on the PIN screen.
      ...(who?.role === 'owner' ? { lockoutAlerts: this.session.lockoutAlerts() } : {}),
    };
  }

  sessionChanged(): SessionState {
    const state = this.sessionState();
    this.emit('session:changed', state);
    return state;
  }

  async start(): Promise<void> {
    await this.openSession();
  }

  keySession(): KeySession {
    return this.current;
  }

  engine(): SaleEngine {
    return this.currentEngine;
  }

  /**
   * Subscribes a renderer-facing listener (the IPC window, the HTTP event stream). What it hears is
   * tied to the person signed in at delivery: a sale reaches it only if they may see that sale
   * (the own-sales rule, shop/sale-access.ts), and nothing about sales while nobody is signed in.
   */
  onEvent(listener: EventListener): () => void {
    const filtered: EventListener = (name, payload) => {
      if (name === 'sales:changed' && !this.maySeeSaleNow((payload as EventPayload<'sales:changed'>).id)) return;
      // A sale's cost reaches the owner only (shop/cost-visibility.ts).
      if (name === 'sales:changed' && !maySeeCost(this.session.active())) {
        listener(name, saleWithoutCost(payload as EventPayload<'sales:changed'>) as EventPayload<typeof name>);
        return;
      }
      listener(name, payload);
    };
    this.listeners.add(filtered);
    return () => this.listeners.delete(filtered);
  }

  private maySeeSaleNow(saleId: number): boolean {
    const row = this.ledger.get(saleId);
    return row !== null && maySeeSale(this.session.active(), row);
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch (e) {
        this.o.logger.warn('event listener failed', { event: name, error: e instanceof Error ? e.name : 'unknown' });
      }
    }
  }

  status(): AppStatus {
    const s = this.current;
    const halted = s.client.haltedBy;
    let reason: string | null = null;
    if (halted) reason = halted.code;
    else if (s.mode !== 'training' && !s.account) reason = 'NOT_VALIDATED';
    else if (s.account?.scope === 'READ-ONLY') reason = 'API_READ_ONLY';
    return {
      mode: s.effectiveMode,
      keySource: s.source,
      keyStorageEncrypted: this.o.secretStore.encrypted,
      account: s.mode === 'training' ? null : s.account,
      connection: this.currentEngine.connectionState,
      canSell: reason === null,
      cannotSellReason: reason,
      printing: this.printer ? 'native' : 'browser',
      version: this.o.version,
    };
  }

  statusChanged(): void {
    this.emit('status:changed', this.status());
  }

  async balance(refresh: boolean): Promise<Balance> {
    if (!refresh && this.lastBalance && this.now() - this.lastBalanceAt < BALANCE_FRESH_MS) return this.lastBalance;
    const balanceC = await this.current.client.balance();
    const b: Balance = { balanceC, checkedAt: new Date(this.now()).toISOString(), low: balanceC < this.settings.get().lowBalanceThresholdC };
    this.lastBalance = b;
    this.lastBalanceAt = this.now();
    this.emit('balance:changed', b);
    return b;
  }

  private balanceTimer: NodeJS.Timeout | null = null;

  /**
   * After sales finish, one balance read for the lot: draining a queue must not spend a request
   * per sale on the balance.
   */
  refreshBalanceSoon(delayMs = 1000): void {
    if (this.balanceTimer) return;
    this.balanceTimer = setTimeout(() => {
      this.balanceTimer = null;
      this.balance(true).catch(() => undefined);
    }, delayMs);
    this.balanceTimer.unref();
  }

  transition(row: SaleRow, from: readonly SaleState[], to: SaleState, patch: Parameters<Ledger['transition']>[3], event: string): SaleRow {
    try {
      const next = this.ledger.transition(row.id, from, to, patch, event);
      this.saleChanged(next);
      return next;
    } catch (e) {
      const actual = this.ledger.get(row.id)?.state;
      throw new AppError('INVALID_STATE', 'The sale changed meanwhile; look at it again', { state: actual });
    }
  }

  saleChanged(row: SaleRow): void {
    this.emit('sales:changed', toSaleDto(row, this.ledger));
    this.emit('connection:changed', { state: this.currentEngine.connectionState, queued: this.ledger.countByStates(['QUEUED', 'EXPIRED']) });
  }

  async setApiKey(key: string): Promise<AppStatus> {
    this.assertNoPendingSales();
    const probe = new OneClickDzClient({ baseUrl: this.o.apiUrl, apiKey: key, transport: this.o.transport, getRetries: 0 });
    const account = await probe.validate();
    this.ledger.kvSet(`account:${fingerprint(key)}`, JSON.stringify(account));
    this.o.secretStore.set(key);
    await this.reopen();
    return this.status();
  }

  async clearApiKey(): Promise<AppStatus> {
    this.assertNoPendingSales();
    this.o.secretStore.clear();
    await this.reopen();
    return this.status();
  }

  async close(): Promise<void> {
    if (this.balanceTimer) clearTimeout(this.balanceTimer);
    this.balanceTimer = null;
    await this.warmer?.close();
    this.warmer = null;
    await this.currentEngine.close();
    await this.current.close();
  }

  private assertNoPendingSales(): void {
    const pending = this.ledger.countByStates(BLOCKS_KEY_CHANGE);
    if (pending > 0) {
      throw new AppError('INVALID_STATE', `${pending} sale(s) still pending with the current key; finish or cancel them first`, { pending });
    }
  }

  private async reopen(): Promise<void> {
    await this.close();
    this.lastBalance = null;
    await this.openSession();
    this.statusChanged();
  }

  private async openSession(): Promise<void> {
    this.current = await KeySession.open(
      { apiUrl: this.o.apiUrl, envApiKey: this.o.envApiKey, secretStore: this.o.secretStore, transport: this.o.transport, trainingHandlingMs: this.o.trainingHandlingMs, trainingApiUrl: this.o.trainingApiUrl, loadTraining: this.o.loadTraining, timeouts: this.o.timing, gate: this.gate },
      (keyId) => this.cachedAccount(keyId),
    );
    this.currentEngine = new SaleEngine({
      ledger: this.ledger,
      client: () => this.current.client,
      now: this.now,
      random: Math.random,
      timing: this.o.timing,
      logger: this.o.logger,
      onSaleChanged: (row) => this.saleChanged(row),
      onConnection: (state) => {
        this.emit('connection:changed', { state, queued: this.ledger.countByStates(['QUEUED', 'EXPIRED']) });
        this.statusChanged();
      },
      onFinal: () => this.refreshBalanceSoon(),
      currentType: (productId, typeId) => this.catalog.currentType(productId, typeId, this.o.timing.costFreshMs),
    });
    const engine = this.currentEngine;
    this.warmer = new CatalogWarmer({
      catalog: this.catalog,
      now: this.now,
      timing: this.o.timing,
      requestsPerMinute: () => this.settings.get().apiRequestsPerMinute,
      favourites: () => this.settings.get().favourites,
      connection: () => engine.connectionState,
      noteReachable: (reachable) => engine.noteReachable(reachable),
      logger: this.o.logger,
    });
    this.currentEngine.recover();
    await this.validateWithin(3000);
    this.currentEngine.start();
    this.warmer.kick();
  }

  /** Start-up should not hang on a slow network: validation carries on in the background. */
  private async validateWithin(ms: number): Promise<void> {
    const session = this.current;
    const work = session
      .validate()
      .then((account) => {
        if (account && session.mode !== 'training') this.ledger.kvSet(`account:${session.keyId}`, JSON.stringify(account));
        this.currentEngine.noteReachable(true);
      })
      .catch((e) => {
        if (isApiError(e) && e.kind === 'unsent') this.currentEngine.noteReachable(false);
        this.o.logger.warn('key validation failed', { code: isApiError(e) ? e.code : 'INTERNAL' });
      })
      .finally(() => {
        if (this.current === session) this.statusChanged();
      });
    await Promise.race([work, new Promise((r) => setTimeout(r, ms).unref())]);
  }

  private cachedAccount(keyId: string): Account | null {
    const raw = this.ledger.kvGet(`account:${keyId}`);
    if (!raw) return null;
    try {
      return accountSchema.safeParse(JSON.parse(raw)).data ?? null;
    } catch {
      return null;
    }
  }
}

export { PENDING_STATES };
