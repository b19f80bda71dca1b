import { useTranslation } from 'react-i18next';
import { dismissToast, openSaleReceipt } from './salesActions';
import { useFormat } from '../../ui/useFormat';
import { useSalesStore } from './salesStore';

/** Background sales announce their end here. No code ever appears in a notification. */
export function Toasts() {
  const { t } = useTranslation();
  const f = useFormat();
  const toasts = useSalesStore((s) => s.toasts);
  const byId = useSalesStore((s) => s.byId);
  return (
    <div className="toasts" role="status" aria-label={t('toast.region')}>
      {toasts.map((toast) => {
        const sale = byId[toast.saleId];
        const id = f.int(toast.saleId);
        const amount = f.money(sale?.refundDueC || sale?.totalRetailC || 0);
        return (
          <div key={toast.id} className={`toast toast-${toast.kind}`}>
            <span className="toast-text">{t(`toast.${toast.kind}`, { id, amount })}</span>
            {(toast.kind === 'done' || toast.kind === 'partial') && (
              <button type="button" className="btn small-btn" aria-label={t('toast.openLabel', { id })} onClick={() => openSaleReceipt(toast.saleId)}>
                {t('toast.open')}
              </button>
            )}
            <button type="button" className="btn small-btn ghost" aria-label={t('toast.dismissLabel', { id })} onClick={() => dismissToast(toast.id)}>
              {t('toast.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
