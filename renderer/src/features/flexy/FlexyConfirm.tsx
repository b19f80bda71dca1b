import { printableName } from '../../../../shared/plan-names';
import { useTranslation } from 'react-i18next';
import { closeFlexyConfirm, confirmFlexy, selectedPlan } from './flexyActions';
import { useFlexyStore } from './flexyStore';
import { topUpFigures } from '../top-ups/topUpPrice';
import { useFormat } from '../../ui/useFormat';
import { TopUpConfirmDialog } from '../top-ups/TopUpConfirmDialog';

/** The flexy read-back: number, operator, plan, amount, price. */
export function FlexyConfirm() {
  const { t } = useTranslation();
  const f = useFormat();
  const confirm = useFlexyStore((s) => s.confirm);
  const number = useFlexyStore((s) => s.number);
  const operator = useFlexyStore((s) => s.operator);
  const amountText = useFlexyStore((s) => s.amountText);
  useFlexyStore((s) => s.plans);
  const plan = selectedPlan();
  const figures = plan ? topUpFigures(plan, amountText) : null;
  if (!confirm.open || !plan || !figures || !operator) return null;
  return (
    <TopUpConfirmDialog
      number={number}
      rows={[
        { term: t('flexy.operator'), value: operator },
        { term: t('flexy.plan'), value: printableName(plan.name) },
        { term: t('flexy.topUpAmount'), value: f.money(figures.amountC) },
      ]}
      priceC={figures.priceC}
      confirm={confirm}
      onConfirm={confirmFlexy}
      onClose={closeFlexyConfirm}
    />
  );
}
