import { useTranslation } from 'react-i18next';
import { refreshBalance } from './statusActions';
import { useFormat } from '../../ui/useFormat';
import { useSalesStore } from '../pending-sales/salesStore';
import { useSettingsStore } from '../settings/settingsStore';
import { useBalanceStore, useStatusStore } from './statusStore';
import { lockTill } from '../session/sessionActions';
import { openShiftDialog } from '../shift/shiftActions';
import { selectCashier, useSessionStore } from '../session/sessionStore';
import { useShiftStore } from '../shift/shiftStore';
import { LockoutAlert } from './LockoutAlert';
import { OwnerMenu } from './OwnerMenu';
import { TrayButton } from '../pending-sales/TraySheet';
import { TillStatus } from './TillStatus';

export function TrainingBanner() {
  const { t } = useTranslation();
  const mode = useStatusStore((s) => s.appStatus?.mode);
  if (mode !== 'training') return null;
  return (
    <p className="training-banner" role="note">
      {t('header.training')}
    </p>
  );
}

function Balance() {
  const { t } = useTranslation();
  const f = useFormat();
  const balance = useBalanceStore((s) => s.balance);
  const refreshing = useBalanceStore((s) => s.refreshing);
  return (
    <div className="balance" aria-busy={refreshing}>
      <div className="balance-text">
        <div className="ellipsis">
          <span className="balance-label">{t('header.balance')}</span>{' '}
          <strong className={balance?.low ? 'balance-amount low' : 'balance-amount'} data-testid="balance">
            {balance ? f.money(balance.balanceC) : t('header.balanceUnknown')}
          </strong>
        </div>
        {/* A low balance turns the second line into the warning, so it never adds a row. */}
        {balance?.low ? (
          <div className="balance-time warn-line ellipsis" title={t('header.balanceLow')}>
            {t('header.balanceLow')}
          </div>
        ) : (
          balance && <div className="balance-time ellipsis">{t('header.balanceChecked', { time: f.time(balance.checkedAt) })}</div>
        )}
      </div>
      <button
        type="button"
        className="icon-btn"
        aria-label={t('header.refreshBalance')}
        title={t('header.refreshBalance')}
        disabled={refreshing}
        onClick={() => void refreshBalance(true)}
      >
        <span aria-hidden="true" className={refreshing ? 'spin' : undefined}>
          ⟳
        </span>
      </button>
    </div>
  );
}

function Connection() {
  const { t } = useTranslation();
  const f = useFormat();
  const connection = useStatusStore((s) => s.connection);
  const transport = useStatusStore((s) => s.transport);
  const queuedFromEvent = useStatusStore((s) => s.queued);
  const queuedInLedger = useSalesStore((s) => {
    let n = 0;
    for (const sale of Object.values(s.byId)) if (sale.state === 'QUEUED') n++;
    return n;
  });
  const queued = queuedFromEvent ?? queuedInLedger;
  const state = transport === 'down' ? 'down' : connection;
  const label = transport === 'down' ? t('header.transportDown') : t(`header.connection.${connection}`);
  return (
    <div className="connection">
      <span className={`conn-dot conn-${state}`} aria-hidden="true" />
      <span className="ellipsis" title={label}>
        {label}
      </span>
      {/* Mid-sale the queue must not widen the row: the number shows, the sentence is read out. */}
      {queued > 0 && (
        <span className="queued-pill" title={t('bar.queued', { count: queued, n: f.int(queued) })}>
          <svg aria-hidden="true" width="14" height="14" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2.2">
            <circle cx="10" cy="10" r="8" />
            <path d="M10 5v5l3 2" />
          </svg>
          <span aria-hidden="true">{f.int(queued)}</span>
          <span className="visually-hidden">{t('header.queued', { count: queued, n: f.int(queued) })}</span>
        </span>
      )}
    </div>
  );
}

/** Who is at the till, a short word on their shift, the shift dialog and the way to lock. */
function CashierArea() {
  const { t } = useTranslation();
  const f = useFormat();
  const cashier = useSessionStore(selectCashier);
  const shift = useShiftStore((s) => s.current);
  if (!cashier) return null;
  const who = t('header.signedInAs', { role: t(`session.role.${cashier.role}`), name: cashier.name });
  return (
    <div className="cashier-area">
      <div className="cashier-text">
        <strong data-testid="cashier" className="ellipsis" title={who}>
          {who}
        </strong>
        <span className="small ellipsis" data-testid="shift-label">
          {shift ? t('bar.shiftOpen', { time: f.time(shift.openedAt) }) : t('bar.shiftClosed')}
        </span>
      </div>
      <button type="button" className="btn" onClick={openShiftDialog}>
        {t('header.shiftButton')}
      </button>
      <button type="button" className="icon-btn" aria-label={t('header.lock')} title={t('header.lock')} onClick={() => void lockTill()}>
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2">
          <rect x="4" y="9" width="12" height="9" rx="2" />
          <path d="M7 9V6a3 3 0 0 1 6 0v3" />
        </svg>
      </button>
    </div>
  );
}

/**
 * The counter's header: one row, at most 64 px, from 1024 px wide in every language and during a
 * sale, so the product grid keeps the screen. The training banner sits above it and the alerts
 * (lockouts, cannot sell) below it: they are messages, not part of the bar.
 */
export function Header() {
  const { t } = useTranslation();
  const shopName = useSettingsStore((s) => s.settings.shop.name);
  const mode = useStatusStore((s) => s.appStatus?.mode);
  const canSell = useStatusStore((s) => s.appStatus?.canSell ?? true);
  const reason = useStatusStore((s) => s.appStatus?.cannotSellReason ?? null);
  return (
    <>
      <TrainingBanner />
      <header className="header">
        <div className="header-row" data-testid="header-row">
          <div className="shop">
            <div className="shop-text">
              <span className="shop-name ellipsis" title={shopName || t('app.title')}>
                {shopName || t('app.title')}
              </span>
              <TillStatus />
            </div>
            {mode === 'sandbox' && (
              <span className="badge badge-sandbox" title={t('header.sandboxHint')}>
                {t('header.sandbox')}
              </span>
            )}
          </div>
          <Connection />
          <Balance />
          <CashierArea />
          <TrayButton />
          <OwnerMenu />
        </div>
        <LockoutAlert />
        {!canSell && <p className="cannot-sell">{reason ? t('header.cannotSell', { reason }) : t('confirm.blockCannotSellNoReason')}</p>}
      </header>
    </>
  );
}
