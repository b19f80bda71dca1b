import type { AppStatus, ConnectionState } from '../../../shared/domain';
import type { Emit } from '../platform/event-bus';
import type { KeySession } from '../provider/key-session';

export interface AppStatusDeps {
  keySession: () => KeySession;
  connection: () => ConnectionState;
  /** True only when the key is really encrypted at rest (the host's SecretStore). */
  keyStorageEncrypted: boolean;
  /** Electron prints natively; the browser host prints through the page. */
  nativePrinting: boolean;
  version: string;
  /** Which counter this is, and how its shop-wide ledger is doing. */
  till: () => AppStatus['till'];
  emit: Emit;
}

/** What the header shows and whether the till can sell now, with the reason when it cannot. */
export interface AppStatusView {
  status(): AppStatus;
  /** Reads the status again and tells every screen (`status:changed`). */
  changed(): void;
}

export function appStatusView(d: AppStatusDeps): AppStatusView {
  const status = (): AppStatus => {
    const s = d.keySession();
    const halted = s.client.haltedBy;
    let reason: string | null = null;
    if (halted) reason = halted.code;
    else if (s.mode !== 'training' && !s.account) reason = 'NOT_VALIDATED';
    else if (s.account?.scope === 'READ-ONLY') reason = 'API_READ_ONLY';
    return {
      mode: s.effectiveMode,
      keySource: s.source,
      keyStorageEncrypted: d.keyStorageEncrypted,
      account: s.mode === 'training' ? null : s.account,
      connection: d.connection(),
      canSell: reason === null,
      cannotSellReason: reason,
      printing: d.nativePrinting ? 'native' : 'browser',
      version: d.version,
      till: d.till(),
    };
  };
  return { status, changed: () => d.emit('status:changed', status()) };
}
