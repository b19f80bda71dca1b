import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../shared/domain';
import { confirmRefund, useRefundStore } from './refund';
import { useFormat } from '../../ui/useFormat';
import { ErrorNote } from '../../ui/ErrorNote';
import { KeyValues } from '../../ui/KeyValues';

/**
 * A sale's money where paid and net differ (a partial, refunded, refused or cancelled sale): paid,
 * to hand back or handed back, net, and "1 carte livrée sur 3". While a refund is owed, the
 * button "J'ai rendu 1 050 DA" records that it left the drawer (sales:confirmRefund).
 */
export function SaleMoney({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const f = useFormat();
  const busy = useRefundStore((s) => !!s.busy[sale.id]);
  const error = useRefundStore((s) => s.errors[sale.id] ?? null);
  const m = sale.money;
  if (!m.differs) return null;
  const id = f.int(sale.id);
  const amount = f.money(m.owedC);
  return (
    <div className="sale-money">
      <p className="small">{t('money.delivered', { count: m.delivered, delivered: f.int(m.delivered), ordered: f.int(m.ordered) })}</p>
      <KeyValues
        className="money-figures"
        label={t('money.figures', { id })}
        items={[
          { term: t('money.paid'), value: f.money(m.paidC) },
          m.owedC > 0 && { term: t('money.owed'), value: amount, className: 'warn-text' },
          m.handedBackC > 0 && { term: t('money.handedBack'), value: f.money(m.handedBackC) },
          { term: t('money.net'), value: f.money(m.netC) },
        ]}
      />
      {m.handedBackAt && <p className="small muted">{t('money.handedBackBy', { time: f.dateTime(m.handedBackAt), who: m.handedBackBy ?? '' })}</p>}
      {m.owedC > 0 && (
        <button
          type="button"
          className="btn small-btn primary"
          disabled={busy}
          aria-label={t('money.confirmLabel', { amount, id })}
          onClick={() => void confirmRefund(sale)}
        >
          {busy ? t('money.confirming') : t('money.confirm', { amount })}
        </button>
      )}
      {error && <ErrorNote error={error} compact />}
    </div>
  );
}
