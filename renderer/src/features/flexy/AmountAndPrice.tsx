import { useTranslation } from 'react-i18next';
import { openFlexyConfirm, selectedPlan, setFlexyAmount, setFlexyShowCost } from './flexyActions';
import { useFlexyStore } from './flexyStore';
import { feeOf, topUpFigures } from '../top-ups/topUpPrice';
import { selectIsOwner, useSessionStore } from '../session/sessionStore';
import { useFormat } from '../../ui/useFormat';

/** Amounts a customer asks for most; only those inside the plan's range are offered. */
const QUICK_DZD = [100, 200, 500, 1000, 2000];

/**
 * The amount, for a plan whose amount the customer chooses (its range shown, quick amounts for
 * touch), then the price to collect; the owner may show the cost and margin.
 */
export function AmountAndPrice() {
  const { t } = useTranslation();
  const f = useFormat();
  const amountText = useFlexyStore((s) => s.amountText);
  const showCost = useFlexyStore((s) => s.showCost);
  useFlexyStore((s) => s.planCode);
  useFlexyStore((s) => s.plans);
  const isOwner = useSessionStore(selectIsOwner);
  const plan = selectedPlan();
  if (!plan || plan.enabled === false) return null;
  const range = plan.amountRange ?? null;
  const figures = topUpFigures(plan, amountText);
  const fee = feeOf(plan);
  return (
    <div className="amount-price">
      {range && (
        <div className="field amount-field">
          <label htmlFor="flexy-amount">{t('flexy.amount')}</label>
          <input
            id="flexy-amount"
            type="text"
            inputMode="numeric"
            dir="ltr"
            autoComplete="off"
            aria-describedby="flexy-amount-range"
            value={amountText}
            onChange={(e) => setFlexyAmount(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                openFlexyConfirm();
              }
            }}
          />
          <p id="flexy-amount-range" className="small muted">
            {t('flexy.rangeHint', { min: f.money(range.minC), max: f.money(range.maxC) })}
          </p>
          <div className="quick-amounts" role="group" aria-label={t('flexy.quickAmounts')}>
            {QUICK_DZD.filter((d) => d * 100 >= range.minC && d * 100 <= range.maxC).map((d) => (
              <button key={d} type="button" className="btn quick" aria-pressed={amountText === String(d)} onClick={() => setFlexyAmount(String(d))}>
                {f.money(d * 100)}
              </button>
            ))}
          </div>
        </div>
      )}
      {figures && (
        <dl className="confirm-list price-list">
          <dt>{t('flexy.topUpAmount')}</dt>
          <dd>{f.money(figures.amountC)}</dd>
          {fee > 0 && (
            <>
              <dt>{t('flexy.fee')}</dt>
              <dd>{f.money(fee)}</dd>
            </>
          )}
          <dt className="to-collect">{t('confirm.toCollect')}</dt>
          <dd className="to-collect">{f.money(figures.priceC)}</dd>
          {isOwner && showCost && figures.costC !== null && (
            <>
              <dt>{t('flexy.cost')}</dt>
              <dd>{f.money(figures.costC)}</dd>
              <dt>{t('flexy.margin')}</dt>
              <dd>{f.money(figures.priceC - figures.costC)}</dd>
            </>
          )}
        </dl>
      )}
      {isOwner && (
        <label className="check">
          <input type="checkbox" checked={showCost} onChange={(e) => setFlexyShowCost(e.target.checked)} />
          {t('denoms.showCost')}
        </label>
      )}
    </div>
  );
}
