import fs from 'node:fs';
import path from 'node:path';
import type { CommandHandlers } from '../../shared/contract';
import { accountHandlers } from './account/account-handlers';
import { ActiveKey } from './account/active-key';
import { appStatusView } from './account/app-status';
import { BalanceReader } from './account/balance';
import { createReach } from './provider/reach';
import { applyStagedRestore } from './backup/backup';
import { backupHandlers } from './backup/backup-handlers';
import { catalogHandlers } from './catalog/catalog-handlers';
import { CatalogService } from './catalog/catalog-service';
import { guardHandlers } from './commands/access';
import { historyHandlers } from './history/history-handlers';
import { CodeCipher, loadOrCreateDataKey } from './ledger/code-cipher';
import { Ledger } from './ledger/ledger';
import { markDataDirInUse } from './platform/data-dir-in-use';
import { secureDataDir } from './platform/data-permissions';
import { EventBus } from './platform/event-bus';
import { createLogger } from './platform/log';
import type { BackupDialogs, KeyProtector, LoadTrainingProvider, Logger, ReceiptPrinter, SecretStore, SettingsBackend, TillCore } from './platform/ports';
import { giftCardLine } from './product-lines/gift-cards/gift-card-line';
import { mobileTopUpLine } from './product-lines/mobile-topups/mobile-line';
import { internetLine } from './product-lines/internet/internet-line';
import { internetHandlers } from './product-lines/internet/internet-handlers';
import type { ProductLine } from './product-lines/product-line';
import { ProductLines } from './product-lines/registry';
import { providerUrlOrThrow } from './provider/provider-url';
import { RateGate } from './provider/rate-gate';
import type { RequestGate } from './provider/request-gate';
import { ShopRateGate } from './shared-ledger/shop-rate-gate';
import type { Transport } from './provider/transport';
import { receiptHandlers } from './receipts/receipt-handlers';
import { reportHandlers } from './reports/report-handlers';
import { withBalanceCaps } from './sales/balance-cap';
import { heldSaleHandlers } from './sales/held-handlers';
import { reconcileDay, reconcileHandlers } from './reports/reconcile-day';
import { refundHandlers } from './sales/refund-handlers';
import { reviewHandlers } from './sales/review-handlers';
import { saleHandlers } from './sales/sale-handlers';
import { SaleMoves } from './sales/sale-moves';
import { singleTillGuard } from './sales/sender-guard';
import { DEFAULT_TIMING, type SaleTiming } from './sales/timing';
import { visibleEvents } from './sales/visible-events';
import { settingsHandlers } from './settings/settings-handlers';
import { SettingsService } from './settings/settings-service';
import { SharedLedger } from './shared-ledger/shared-ledger';
import { sharedLedgerUrlOrThrow } from './shared-ledger/shared-ledger-url';
import { readSavedLedgerUrl } from './shared-ledger/saved-ledger-url';
import { joinShopWide } from './shared-ledger/shop-wide';
import { signOutIfWithdrawn } from './shared-ledger/staff-sync';
import { tillHandlers } from './shared-ledger/till-handlers';
import { SharedSenderGuard } from './shared-ledger/shared-sender-guard';
import { ShopCodes } from './shared-ledger/shop-codes';
import { tillIdentity } from './shared-ledger/till-identity';
import { shopViewHandlers } from './shop-views/shop-view-handlers';
import { shiftHandlers } from './shifts/shift-handlers';
import { ShiftService } from './shifts/shift-service';
import { SessionManager } from './staff/session';
import { sessionStateView } from './staff/session-state';
import { staffHandlers } from './staff/staff-handlers';
import { StaffRepo } from './staff/staff-repo';

export const DEFAULT_API_URL = 'https://api.oneclickdz.com';

export interface CoreOptions {
  dataDir: string;
  apiUrl?: string;
  envApiKey?: string | null;
  secretStore: SecretStore;
  keyProtector: KeyProtector;
  settingsBackend: SettingsBackend;
  printer?: ReceiptPrinter;
  /** Electron's save/open dialogs for backups; absent in the browser host. */
  backupDialogs?: BackupDialogs;
  logger?: Logger;
  version: string;
  /** Tests shrink the waits of a sale's life. */
  timing?: Partial<SaleTiming>;
  trainingHandlingMs?: number;
  /** Test-only: training mode against an external simulator the tests control. */
  trainingApiUrl?: string;
  /**
   * Training mode's simulator (simulator/training.ts), handed over by the host as a loader so the
   * core never imports it and a till with a key never loads it. Without one, a till with no key
   * cannot start.
   */
  trainingSimulator?: LoadTrainingProvider;
  transport?: Transport;
  /** Product lines sold beside the gift cards (product-lines/product-line.ts); tests add a toy one. */
  productLines?: readonly ProductLine[];
  /**
   * The shop's PostgreSQL server (POS_DATABASE_URL, or the owner's setting) shared by several
   * counters; without one the till keeps its ledger to itself, as a one-counter shop always did.
   */
  sharedLedgerUrl?: string | null;
  /**
   * The shop passphrase (shared-ledger/shop-key.ts), given once by the owner: it opens the shop key
   * on the server (or creates it from this till's data key when no till joined yet). Without it a
   * till that does not hold the shop key yet waits ('needs-shop-key').
   */
  shopPassphrase?: string | null;
  /** Tests shorten how often the shared-ledger pusher looks and retries. */
  sharedLedgerTiming?: { pushEveryMs?: number; retryMaxMs?: number; connectTimeoutMs?: number; syncEveryMs?: number };
}

/**
 * Builds the Electron-free core: the one place where the domains are wired together. Each domain's
 * services and command handlers get exactly what they use, named here; nothing is handed a bag
 * of everything. Order matters only where a service reads another at construction.
 */
export async function createCore(o: CoreOptions): Promise<TillCore> {
  // The key travels to this URL: https, or plain http to loopback only (provider/provider-url.ts).
  providerUrlOrThrow('apiUrl', o.apiUrl);
  providerUrlOrThrow('trainingApiUrl', o.trainingApiUrl);
  // POS_DATABASE_URL (the host's) wins; else the URL the owner saved on this till, if any.
  const envLedgerUrl = sharedLedgerUrlOrThrow('sharedLedgerUrl', o.sharedLedgerUrl);
  fs.mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  const logger = o.logger ?? createLogger();
  secureDataDir(o.dataDir, logger);
  const sharedLedgerUrl = envLedgerUrl ?? savedLedgerUrl(o.dataDir, o.keyProtector, logger);
  const dataKey = loadOrCreateDataKey(o.dataDir, o.keyProtector);
  const cipher = new CodeCipher(dataKey);
  if (applyStagedRestore(o.dataDir, o.settingsBackend, Date.now())) logger.info('ledger restored from a backup');
  const ledger = new Ledger(path.join(o.dataDir, 'ledger.sqlite'), cipher);
  // Tools that need the ledger to themselves (npm run ledger:to-postgres) refuse while this runs.
  const releaseDataDir = markDataDirInUse(o.dataDir);
  const till = tillIdentity(ledger);

  // What the till sells: every sale goes through its line's module, found here.
  // Everything the shop sells through OneClickDZ: gift cards, mobile top-ups, internet recharges.
  const lines = new ProductLines([giftCardLine, mobileTopUpLine, internetLine, ...(o.productLines ?? [])]);
  const now = Date.now;
  const timing: SaleTiming = { ...DEFAULT_TIMING, ...(o.timing ?? {}) };
  const bus = new EventBus(logger);
  const emit = bus.emit;
  const settings = new SettingsService(o.settingsBackend);
  // One request budget for the till, whichever key is in use (the provider counts per key and IP).
  const localGate = new RateGate(settings.get().apiRequestsPerMinute);

  // Staff and who is signed in.
  const staff = new StaffRepo(ledger);
  const session: SessionManager = new SessionManager(
    staff,
    now,
    () => settings.get().idleLockMinutes * 60_000,
    () => sessionState.changed(),
    (cashierId) => {
      logger.warn('cashier locked out after wrong PINs', { cashierId });
      sessionState.changed();
    },
  );
  const sessionState = sessionStateView({ session, staff, idleLockMinutes: () => settings.get().idleLockMinutes, emit });
  const shifts = new ShiftService(ledger, now);

  // Several counters: this till's ledger pushed to the shop's server (null for a one-counter shop).
  // Codes reach the server only under the shop key (shared-ledger/shop-codes.ts).
  const shopCodes = sharedLedgerUrl ? new ShopCodes({ dataDir: o.dataDir, protector: o.keyProtector, dataKey, passphrase: o.shopPassphrase, logger }) : null;
  const shared = sharedLedgerUrl
    ? new SharedLedger({
        url: sharedLedgerUrl,
        ledger,
        till,
        logger,
        onChange: () => status.changed(),
        prepareCodes: (pool) => shopCodes!.prepare(pool),
        ...(o.sharedLedgerTiming ?? {}),
      })
    : null;
  // Cashiers, shop-wide settings and the till's name, kept the same across the shop's tills.
  const shopWide = shared
    ? joinShopWide({
        shared,
        ledger,
        till,
        settings,
        logger,
        now,
        pullEveryMs: o.sharedLedgerTiming?.syncEveryMs,
        staffApplied: () => {
          signOutIfWithdrawn(session, staff);
          sessionState.changed();
        },
        settingsApplied: () => status.changed(),
      })
    : null;
  // One sender per key and one owner per provider order, across the shop's tills (sales/sender-guard.ts).
  const guard = shared ? new SharedSenderGuard(shared.pool, till.id, { joined: () => shared.isJoined }) : undefined;
  // Tills sharing a ledger share the provider's limit too: one request budget for the shop's key,
  // on its server (shared-ledger/shop-rate-gate.ts); a till alone keeps its local gate.
  const gate: RequestGate = shared
    ? new ShopRateGate({
        pool: shared.pool,
        joined: () => shared.isJoined,
        keyId: () => (keySession()?.mode === 'training' ? null : (keySession()?.keyId ?? null)),
        perMinute: () => settings.get().apiRequestsPerMinute,
        logger,
      })
    : localGate;

  // The provider account: the active key (its client and sale engine), status and balance.
  // They refer to one another only through these closures, read after start.
  const keySession = () => activeKey.session();
  const engine = () => activeKey.engine();
  const catalog = new CatalogService(ledger, () => keySession().client, now, lines);
  const moves = new SaleMoves({ ledger, emit, connection: () => engine().connectionState });
  const status = appStatusView({
    keySession,
    connection: () => engine().connectionState,
    keyStorageEncrypted: o.secretStore.encrypted,
    nativePrinting: o.printer !== undefined,
    version: o.version,
    till: () => ({ id: till.id, name: till.name, shared: shared?.reachability ?? 'off', unpushed: shared?.pending() ?? 0 }),
    emit,
  });
  const balance = new BalanceReader({ client: () => keySession().client, lowThresholdC: () => settings.get().lowBalanceThresholdC, now, emit });
  const activeKey: ActiveKey = new ActiveKey({
    ledger,
    lines,
    settings,
    catalog,
    moves,
    secretStore: o.secretStore,
    apiUrl: o.apiUrl ?? DEFAULT_API_URL,
    envApiKey: o.envApiKey ?? null,
    transport: o.transport,
    trainingHandlingMs: o.trainingHandlingMs,
    trainingApiUrl: o.trainingApiUrl,
    loadTraining: o.trainingSimulator,
    guard,
    timing,
    gate,
    logger,
    now,
    onConnection: (state) => {
      emit('connection:changed', { state, queued: moves.queued() });
      status.changed();
    },
    onFinal: () => balance.refreshSoon(),
    statusChanged: () => status.changed(),
    onKeyChange: () => {
      balance.close();
      balance.forget();
    },
  });
  await activeKey.open();

  const reach = createReach({ noteReachable: (reachable) => engine().noteReachable(reachable), statusChanged: () => status.changed() });
  const kickEngine = () => engine().kick();
  const training = () => keySession().effectiveMode === 'training';
  const reconcile = { ledger, lines, catalog, keySession, moves, kickEngine, guard };
  const codeAccess = { session, ledger, settings, now, lines };

  // Every contract command, by domain; typing `all` as CommandHandlers makes a missing one a
  // compile error. Inputs arrive already validated by the adapters (commands/dispatch.ts).
  const tillViews = {
    ...accountHandlers({ status, balance, activeKey, reach }),
    ...catalogHandlers({
      catalog,
      settings,
      balanceCaps: (product, balanceC) => withBalanceCaps(product, balanceC, ledger),
      reach,
      balanceC: async () => (await balance.read(false)).balanceC,
      warmCatalog: () => activeKey.warmCatalog(),
    }),
    ...internetHandlers({ client: () => keySession().client, reach }),
    ...saleHandlers({
      session,
      ledger,
      lines,
      catalog,
      settings,
      shifts,
      moves,
      status: status.status,
      keySession,
      freshBalanceC: async () => (await balance.read(true)).balanceC,
      reach,
      kickEngine,
      now,
    }),
    ...heldSaleHandlers({ ledger, settings, moves, kickEngine, now }),
    ...reviewHandlers({ ledger, lines, keySession, moves, guard: guard ?? singleTillGuard(ledger), kickEngine, now }),
    ...refundHandlers({ session, ledger, moves }),
    ...receiptHandlers({ ...codeAccess, printer: o.printer }),
    ...historyHandlers(codeAccess),
    ...reconcileHandlers(reconcile),
    ...settingsHandlers({
      settings,
      setRequestRate: (perMinute) => localGate.setRate(perMinute),
      statusChanged: () => {
        status.changed();
        shopWide?.settingsChanged();
      },
    }),
    ...staffHandlers({ session, staff, sessionState, now }),
    ...shiftHandlers({ session, staff, shifts, training }),
    ...reportHandlers({ ledger, shifts, staff, training, settings, session, reconcile: (day) => reconcileDay(reconcile, day, false) }),
    ...backupHandlers({ ledger, settings, cipher, dataDir: o.dataDir, dialogs: o.backupDialogs, now }),
    ...tillHandlers({
      ledger,
      till,
      dataDir: o.dataDir,
      keyProtector: o.keyProtector,
      envUrl: envLedgerUrl,
      inUse: sharedLedgerUrl,
      logger,
      renamed: () => {
        status.changed();
        shopWide?.renamed();
      },
      offerShopPassphrase:
        shopCodes && shared
          ? async (passphrase) => {
              shopCodes.offerPassphrase(passphrase);
              const outcome = await shopCodes.tryNow(shared.pool);
              if (outcome === 'joined') shared.kick();
              return outcome;
            }
          : undefined,
    }),
  };
  // Reports, history and exceptions over the whole shop when asked (scope 'shop', owner, issue 12).
  const all: CommandHandlers = {
    ...tillViews,
    ...shopViewHandlers(tillViews, {
      shared: shared ?? undefined,
      session,
      reconcile: { lines, keySession, isKnownHere: (orderId) => ledger.isKnownOrderId(orderId) },
      settings: () => settings.get(),
    }),
  };
  if (shared) {
    // A sale's change is pushed as soon as it is committed (a shift's at the next look, within a second).
    bus.subscribe((name) => {
      if (name === 'sales:changed') shared.kick();
      // Cashiers added or changed here (and lockouts, which stay here: the note ignores them).
      if (name === 'session:changed') shopWide?.staffChanged();
    });
    shared.start();
  }
  return {
    // Behind the access rules: who may call what (commands/access.ts).
    handlers: guardHandlers(all, session),
    onEvent: (listener) => bus.subscribe(visibleEvents(listener, { ledger, session })),
    close: async () => {
      balance.close();
      await activeKey.close();
      await shared?.close();
      ledger.close();
      releaseDataDir();
    },
  };
}

/** The URL the owner saved on this till; one that cannot be read back leaves the till on its own, said in the log. */
function savedLedgerUrl(dataDir: string, protector: KeyProtector, logger: Logger): string | null {
  try {
    return readSavedLedgerUrl(dataDir, protector);
  } catch {
    logger.warn('saved shared ledger URL unreadable: this till runs on its own until it is saved again');
    return null;
  }
}
