import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { api } from '../../bridge';
import { loadExceptions } from '../backoffice/exceptions/exceptionActions';
import { openSaleReceipt, receiveSale } from './salesActions';
import { useFormat } from '../../ui/useFormat';
import { ErrorNote } from '../../ui/ErrorNote';

/**
 * The owner's decision on a sale held because the provider's cost rose above what the customer
 * paid (AWAITING_OWNER): send it anyway at a loss, or cancel it; cancelling says how much to hand
 * back and offers the refund slip (RefundNotice, shown by the list since the row then leaves it).
 */
export function HeldSaleActions({ sale, onCancelled }: { sale: Sale; onCancelled: (sale: Sale) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const id = f.int(sale.id);

  const decide = async (command: 'sales:sendAnyway' | 'sales:cancelHeld') => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await api().call(command, { saleId: sale.id });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    receiveSale(r.value);
    if (r.value.state === 'CANCELLED') onCancelled(r.value);
    await loadExceptions();
  };

  return (
    <div className="held-actions">
      {sale.unitCostC !== null && <p className="small">{t('held.cost', { cost: f.money(sale.unitCostC), price: f.money(sale.unitRetailC) })}</p>}
      <div className="row-actions">
        <button
          type="button"
          className="btn small-btn"
          disabled={busy}
          aria-label={t('held.sendAnywayLabel', { id })}
          onClick={() => void decide('sales:sendAnyway')}
        >
          {t('held.sendAnyway')}
        </button>
        <button
          type="button"
          className="btn small-btn danger"
          disabled={busy}
          aria-label={t('held.cancelLabel', { id })}
          onClick={() => void decide('sales:cancelHeld')}
        >
          {t('held.cancel')}
        </button>
      </div>
      {error && <ErrorNote error={error} compact />}
    </div>
  );
}

/** After a held sale is cancelled: the money to hand back, and its refund slip. */
export function RefundNotice({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = f.int(sale.id);
  return (
    <div role="status" className="refund-notice">
      <p>{t('held.cancelled', { id, amount: f.money(sale.refundDueC) })}</p>
      <button type="button" className="btn small-btn" aria-label={t('held.refundSlipLabel', { id })} onClick={() => openSaleReceipt(sale.id)}>
        {t('held.refundSlip')}
      </button>
    </div>
  );
}
