import { printableName } from '../../../../shared/plan-names';
import { useTranslation } from 'react-i18next';
import { choosePlan, reloadPlans } from './flexyActions';
import { useFlexyStore } from './flexyStore';
import { groupPlans } from '../top-ups/planGroups';
import { useFormat } from '../../ui/useFormat';
import { ErrorNote } from '../../ui/ErrorNote';

/**
 * The operator's plans grouped by kind (top-up, bill payment, fixed offers). A plan the provider
 * switched off stays visible, marked and with its reason, and can never be sold.
 */
export function PlanPicker() {
  const { t } = useTranslation();
  const f = useFormat();
  const plans = useFlexyStore((s) => s.plans);
  const planCode = useFlexyStore((s) => s.planCode);
  const operator = useFlexyStore((s) => s.operator);
  if (!operator) return <p className="muted">{t('flexy.pickOperatorFirst')}</p>;
  return (
    <div className="plan-picker">
      {plans.status === 'loading' && !plans.value && <p className="muted">{t('flexy.loadingPlans')}</p>}
      {plans.error && <ErrorNote error={plans.error} compact onRetry={reloadPlans} />}
      {plans.value && plans.value.denominations.length === 0 && <p className="muted">{t('flexy.noPlans')}</p>}
      {plans.value &&
        groupPlans(plans.value.denominations).map((g) => (
          <div key={g.kind} className="plan-group" role="group" aria-labelledby={`plans-${g.kind}`}>
            <h3 id={`plans-${g.kind}`} className="group-label">
              {t(`flexy.kind.${g.kind}`)}
            </h3>
            <div className="plans">
              {g.plans.map((p) => {
                const off = p.enabled === false;
                return (
                  <button
                    key={p.typeId}
                    type="button"
                    className={off ? 'plan off' : 'plan'}
                    aria-pressed={planCode === p.typeId}
                    aria-disabled={off || undefined}
                    data-plan-code={p.typeId}
                    onClick={() => choosePlan(p.typeId)}
                  >
                    <span className="plan-name" dir="auto">
                      {printableName(p.name)}
                    </span>
                    <span className="plan-price small">
                      {p.amountRange ? t('flexy.range', { min: f.money(p.amountRange.minC), max: f.money(p.amountRange.maxC) }) : f.money(p.retailC)}
                    </span>
                    {off && <span className="plan-off small">{t('flexy.planOff')}</span>}
                  </button>
                );
              })}
            </div>
          </div>
        ))}
    </div>
  );
}
