import { useTranslation } from 'react-i18next';
import { ERROR_CODES, type AppErrorShape } from '../../../shared/result';
import { notAllowedReason } from '../features/session/pin';
import { shiftReason } from '../features/shift/shiftReasons';
import { shopScopeReason } from '../features/backoffice/shop-scope/shopScope';
import { reviewReason } from '../features/backoffice/review/reviewReasons';

/** Contract field paths the cashier can recognise, shown by their on-screen label. */
const FIELD_LABELS: Record<string, string> = {
  key: 'settings.apiKey.label',
  quantity: 'qty.label',
  'shop.name': 'settings.shop.name',
  'shop.address': 'settings.shop.address',
  'shop.phone': 'settings.shop.phone',
  'shop.footer': 'settings.shop.footer',
  markupBp: 'settings.prices.markup',
  lowBalanceThresholdC: 'settings.counter.lowBalance',
  maxQuantityPerSale: 'settings.counter.maxQuantity',
  queueCap: 'settings.counter.queueCap',
  queueExpiryMinutes: 'settings.counter.queueExpiry',
  idleLockMinutes: 'settings.counter.idleLock',
  reprintWindowMinutes: 'settings.counter.reprintWindow',
  apiRequestsPerMinute: 'settings.counter.apiRate',
  maxOfflinePriceAgeHours: 'settings.counter.maxOfflinePriceAge',
  pin: 'session.pin',
  name: 'staff.name',
  path: 'backup.path',
  countedCashC: 'shift.counted',
  openingCashC: 'shift.openingCash',
  cashierName: 'settings.counter.cashierName',
  printerName: 'settings.printing.printerName',
};

/** An error in the cashier's language: what happened and what to do. Never the raw payload. */
export function ErrorNote({ error, onRetry, compact }: { error: AppErrorShape; onRetry?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const known = (ERROR_CODES as readonly string[]).includes(error.code);
  // A refusal that says why (signed out, owner only, wrong PIN, locked, a shift step, a shop view,
  // a decision on a sale to review) is explained as such.
  const reason = notAllowedReason(error) ?? shiftReason(error) ?? shopScopeReason(error) ?? reviewReason(error);
  const field = error.code === 'INVALID_INPUT' && typeof error.details?.field === 'string' ? error.details.field : null;
  return (
    <div className={compact ? 'error-note compact' : 'error-note'} role="alert">
      <p>{reason ? t(`reasons.${reason}`) : known ? t(`errors.${error.code}`) : t('errors.INTERNAL')}</p>
      {field && <p className="small">{t('common.field', { field: FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field })}</p>}
      <p className="small muted" dir="ltr">
        {error.code}
      </p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
