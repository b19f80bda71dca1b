import { useTranslation } from 'react-i18next';
import type { Sale } from '../../../../shared/domain';
import { useFormat } from '../../ui/useFormat';
import { sellSuggestedOffer } from '../flexy/flexyActions';
import { RecipientNumber } from './RecipientNumber';

/** An internet recharge the provider queued: the card comes within 12 to 48 hours (not a failure). */
export function isQueuedRecharge(sale: Sale): boolean {
  return sale.line === 'internet' && sale.state === 'PLACED' && sale.topUp?.providerStatus === 'QUEUED';
}

/** The number of a top-up, large and grouped, under the sale's summary. */
export function TopUpNumber({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  if (!sale.recipient) return null;
  return (
    <p className="topup-number-line">
      <span className="muted">{t('topup.number')} </span>
      <RecipientNumber number={sale.recipient} className="big-number" />
    </p>
  );
}

/**
 * What a top-up's outcome asks of the cashier beyond the state: the provider's message (Arabic,
 * right to left), its suggested offers as one-tap new sales, "to verify" (never refund, never
 * redo) and an internet card that comes later.
 */
export function TopUpOutcome({ sale }: { sale: Sale }) {
  const { t } = useTranslation();
  const f = useFormat();
  const facts = sale.topUp;
  if (!facts) return null;
  return (
    <div className="topup-outcome">
      {isQueuedRecharge(sale) && <p className="outcome">{t('topup.queued')}</p>}
      {sale.state === 'TO_VERIFY' && <p className="outcome warn-text">{t('topup.toVerify')}</p>}
      {facts.refundMessage && (
        <p className="provider-message">
          <span className="muted">{t('topup.providerSaid')} </span>
          <span dir="rtl" lang="ar">
            {facts.refundMessage}
          </span>
        </p>
      )}
      {sale.state === 'REFUNDED' && facts.suggestedOffers.length > 0 && sale.line === 'mobile-topups' && (
        <div className="suggested-offers" role="group" aria-labelledby={`offers-${sale.id}`}>
          <p id={`offers-${sale.id}`}>{t('topup.offers')}</p>
          {facts.suggestedOffers.map((o) => (
            <button key={`${o.planCode}-${o.amountC}`} type="button" className="btn big" onClick={() => void sellSuggestedOffer(sale, o)}>
              {t('topup.sellOffer', { name: o.name, amount: f.money(o.amountC) })}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
