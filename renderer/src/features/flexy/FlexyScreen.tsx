import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { flexyProblems, loadOperators, openFlexyConfirm, pressFlexyKey, typeFlexyNumber } from './flexyActions';
import { useFlexyStore } from './flexyStore';
import { useDigitsToNumber } from '../top-ups/useDigitsToNumber';
import { NumberPad } from '../top-ups/NumberPad';
import { ReadBackButton } from '../top-ups/ReadBackButton';
import { ErrorNote } from '../../ui/ErrorNote';
import { OperatorPicker } from './OperatorPicker';
import { PlanPicker } from './PlanPicker';
import { AmountAndPrice } from './AmountAndPrice';
import { FlexyConfirm } from './FlexyConfirm';

export const FLEXY_NUMBER_ID = 'flexy-number';

/** Enter after the number: the read-back when all is chosen, else on to the plans (keyboard only, no mouse). */
function enterOnNumber(): void {
  if (flexyProblems().length === 0) openFlexyConfirm();
  else document.querySelector<HTMLElement>('.plan[aria-pressed="true"], .plan:not([aria-disabled])')?.focus();
}

/**
 * "Flexy": the customer's number on a big keypad (or the operator first), the operator the till
 * proposes from the prefix, a plan, an amount; every problem said before anything is sent, then a
 * read-back to confirm.
 */
export function FlexyScreen() {
  const { t } = useTranslation();
  const number = useFlexyStore((s) => s.number);
  const operators = useFlexyStore((s) => s.operators);
  // Re-read the problems whenever what they depend on changes.
  useFlexyStore((s) => s.operator);
  useFlexyStore((s) => s.planCode);
  useFlexyStore((s) => s.amountText);
  useFlexyStore((s) => s.plans);
  const problems = flexyProblems();
  useDigitsToNumber(FLEXY_NUMBER_ID);

  useEffect(() => {
    if (useFlexyStore.getState().operators.status === 'idle') void loadOperators();
    document.getElementById(FLEXY_NUMBER_ID)?.focus();
  }, []);

  return (
    <section className="screen topup-screen" aria-labelledby="flexy-heading">
      <h2 id="flexy-heading" className="visually-hidden">
        {t('flexy.heading')}
      </h2>
      {operators.error && <ErrorNote error={operators.error} compact onRetry={() => void loadOperators()} />}
      <div className="topup-columns">
        <div className="topup-entry">
          <NumberPad
            id={FLEXY_NUMBER_ID}
            label={t('flexy.number')}
            placeholder="07XX XX XX XX"
            value={number}
            describedBy="flexy-problems"
            onType={typeFlexyNumber}
            onKey={pressFlexyKey}
            onEnter={enterOnNumber}
          />
        </div>
        <div className="topup-choice">
          <OperatorPicker />
          <PlanPicker />
          <AmountAndPrice />
          <ReadBackButton id="flexy-problems" problems={problems} onReadBack={openFlexyConfirm} />
        </div>
      </div>
      <FlexyConfirm />
    </section>
  );
}
