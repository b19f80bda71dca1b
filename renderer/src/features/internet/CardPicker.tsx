import { useTranslation } from 'react-i18next';
import { chooseCard, reloadCards } from './internetActions';
import { useInternetStore } from './internetStore';
import { useFormat } from '../../ui/useFormat';
import { ErrorNote } from '../../ui/ErrorNote';

/** The card values of the type, with their availability (a value out of stock cannot be chosen). */
export function CardPicker() {
  const { t } = useTranslation();
  const f = useFormat();
  const cards = useInternetStore((s) => s.cards);
  const typeId = useInternetStore((s) => s.typeId);
  const type = useInternetStore((s) => s.type);
  if (!type) return null;
  const values = [...(cards.value?.denominations ?? [])].sort((a, b) => a.retailC - b.retailC);
  return (
    <div className="plan-group" role="group" aria-labelledby="cards-label">
      <h3 id="cards-label" className="group-label">
        {t('internet.cards')}
      </h3>
      {cards.status === 'loading' && !cards.value && <p className="muted">{t('internet.loadingCards')}</p>}
      {cards.error && <ErrorNote error={cards.error} compact onRetry={reloadCards} />}
      <div className="plans">
        {values.map((d) => {
          const out = d.stock < 1;
          return (
            <button
              key={d.typeId}
              type="button"
              className={out ? 'plan off' : 'plan'}
              aria-pressed={typeId === d.typeId}
              disabled={out}
              onClick={() => chooseCard(d.typeId)}
            >
              <span className="plan-name" dir="auto">
                {d.name}
              </span>
              <span className="plan-price small">{f.money(d.retailC)}</span>
              {out && <span className="plan-off small">{t('internet.unavailable')}</span>}
            </button>
          );
        })}
      </div>
    </div>
  );
}
