import { useTranslation } from 'react-i18next';
import type { ReviewCandidate } from '../../../../../shared/sale-review';
import { useFormat } from '../../../ui/useFormat';

/**
 * The provider orders that could be a sale's lost one, each as the provider lists it now, with
 * "C'est cette commande" on those no sale owns. `id` is the sale's number as shown.
 */
export function ReviewCandidateList({
  id,
  candidates,
  busy,
  onAdopt,
}: {
  id: string;
  candidates: ReviewCandidate[];
  busy: boolean;
  onAdopt: (orderId: string) => void;
}) {
  const { t } = useTranslation();
  if (candidates.length === 0) return <p className="small">{t('review.none')}</p>;
  return (
    <ul className="plain-list review-candidates" aria-label={t('review.list', { id })}>
      {candidates.map((c) => (
        <li key={c.orderId} className="review-candidate">
          <div className="review-candidate-facts">
            <p>
              <strong>
                {t('review.order')} <span dir="ltr">{c.orderId}</span>
              </strong>
            </p>
            <CandidateFacts candidate={c} />
          </div>
          {c.owner === 'this-sale' && <p className="small review-candidate-note">{t('review.heldForSale')}</p>}
          {(c.owner === 'free' || c.owner === 'this-sale') && (
            <button
              type="button"
              className="btn small-btn primary"
              disabled={busy}
              aria-label={t('review.adoptLabel', { order: c.orderId, id })}
              onClick={() => onAdopt(c.orderId)}
            >
              {t('review.adopt')}
            </button>
          )}
          {c.owner === 'taken' && <p className="small muted review-candidate-note">{t('review.taken')}</p>}
          {c.owner === 'unknown' && (
            <p className="small review-candidate-note">
              {t('review.ownerUnknown')} <span className="muted">{t('review.ownerUnknownHint')}</span>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** When, in what state, how many cards and for how much: what tells the sale's order from the others. */
function CandidateFacts({ candidate }: { candidate: ReviewCandidate }) {
  const { t } = useTranslation();
  const f = useFormat();
  const p = candidate.provider;
  if (!p) return <p className="small muted">{t('review.unreadable')}</p>;
  const delivered = f.int(p.deliveredQuantity);
  const time = p.time ? f.time(p.time) : '';
  const facts = [
    time ? t('review.time', { time }) : t('review.noTime'),
    t(`review.status.${p.status}`),
    p.quantity === null ? t('review.cardsDelivered', { delivered }) : t('review.cards', { delivered, quantity: f.int(p.quantity) }),
    t('review.charged', { amount: f.money(p.chargedC) }),
  ];
  return <p className="small">{facts.join(' · ')}</p>;
}
