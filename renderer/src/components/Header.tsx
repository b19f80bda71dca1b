import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain';
import { refreshBalance } from '../actions/status';
import { setLanguage } from '../actions/settings';
import { useFormat } from '../hooks/useFormat';
import { LANGUAGES } from '../i18n';
import { useSalesStore } from '../stores/sales';
import { useSettingsStore } from '../stores/settings';
import { useBalanceStore, useStatusStore } from '../stores/status';
import { useUiStore } from '../stores/ui';
import { openBackoffice } from '../actions/manage';
import { lockTill } from '../actions/session';
import { openShiftDialog } from '../actions/shift';
import { selectCashier, useSessionStore } from '../stores/session';
import { useShiftStore } from '../stores/shift';
import { LockoutAlert } from './LockoutAlert';

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
  const failed = useBalanceStore((s) => s.status === 'error');
  return (
    <div className="balance" aria-busy={refreshing}>
      <div className="balance-text">
        <div>
          <span className="balance-label">{t('header.balance')}</span>{' '}
          <strong className="balance-amount" data-testid="balance">
            {balance ? f.money(balance.balanceC) : t('header.balanceUnknown')}
          </strong>
        </div>
        {balance && <div className="balance-time">{t('header.balanceChecked', { time: f.time(balance.checkedAt) })}</div>}
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
      {balance?.low && <span className="warn-pill">{t('header.balanceLow')}</span>}
      {failed && !balance && <span className="warn-pill">{t('header.balanceUnknown')}</span>}
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
  return (
    <div className="connection">
      <span className={`conn-dot conn-${state}`} aria-hidden="true" />
      <span>{transport === 'down' ? t('header.transportDown') : t(`header.connection.${connection}`)}</span>
      {queued > 0 && <span className="queued-pill">{t('header.queued', { count: queued, n: f.int(queued) })}</span>}
    </div>
  );
}

function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((lng: Language) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="lang-btn"
          aria-pressed={i18n.language === lng}
          onClick={() => void setLanguage(lng)}
        >
          {t(`lang.${lng}`)}
        </button>
      ))}
    </div>
  );
}

/** Who is at the till, whether their shift is open, and the way to lock. */
function CashierArea() {
  const { t } = useTranslation();
  const f = useFormat();
  const cashier = useSessionStore(selectCashier);
  const shift = useShiftStore((s) => s.current);
  if (!cashier) return null;
  return (
    <div className="cashier-area">
      <div className="cashier-text">
        <strong data-testid="cashier">{t('header.signedInAs', { role: t(`session.role.${cashier.role}`), name: cashier.name })}</strong>
        <span className="small">{shift ? t('header.shiftOpen', { time: f.time(shift.openedAt) }) : t('header.shiftClosed')}</span>
      </div>
      <button type="button" className="btn" onClick={openShiftDialog}>
        {t('header.shiftButton')}
      </button>
      <button type="button" className="btn" onClick={() => openBackoffice()}>
        {t('header.backoffice')}
      </button>
      <button type="button" className="btn" onClick={() => void lockTill()}>
        {t('header.lock')}
      </button>
    </div>
  );
}

export function Header() {
  const { t } = useTranslation();
  const shopName = useSettingsStore((s) => s.settings.shop.name);
  const mode = useStatusStore((s) => s.appStatus?.mode);
  const canSell = useStatusStore((s) => s.appStatus?.canSell ?? true);
  const reason = useStatusStore((s) => s.appStatus?.cannotSellReason ?? null);
  const isOwner = useSessionStore((s) => s.status === 'signedIn' && s.session?.cashier?.role === 'owner');
  return (
    <header className="header">
      <TrainingBanner />
      <div className="header-row">
        <div className="shop">
          <span className="shop-name">{shopName || t('app.title')}</span>
          {mode === 'sandbox' && (
            <span className="badge badge-sandbox" title={t('header.sandboxHint')}>
              {t('header.sandbox')}
            </span>
          )}
        </div>
        <Connection />
        <Balance />
        <LanguageSwitcher />
        <CashierArea />
        {isOwner && (
          <button type="button" className="btn" onClick={() => useUiStore.setState({ settingsOpen: true })}>
            <span aria-hidden="true">⚙ </span>
            {t('header.settings')}
          </button>
        )}
      </div>
      <LockoutAlert />
      {!canSell && <p className="cannot-sell">{reason ? t('header.cannotSell', { reason }) : t('confirm.blockCannotSellNoReason')}</p>}
    </header>
  );
}
