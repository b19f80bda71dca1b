import { useTranslation } from 'react-i18next';
import { MOBILE_OPERATORS } from '../../../../shared/phone-numbers';
import { chooseOperator } from './flexyActions';
import { useFlexyStore } from './flexyStore';
import { prefixDisagrees } from '../top-ups/operatorProposal';

/**
 * The four operators as big toggle buttons. The one the prefix suggests is pressed and marked
 * "proposé" until the cashier taps one; a pick that the prefix disagrees with is only questioned
 * (numbers move between operators).
 */
export function OperatorPicker() {
  const { t } = useTranslation();
  const operator = useFlexyStore((s) => s.operator);
  const source = useFlexyStore((s) => s.operatorSource);
  const number = useFlexyStore((s) => s.number);
  const listed = useFlexyStore((s) => s.operators.value);
  const other = prefixDisagrees(number, operator);
  return (
    <div className="operator-picker">
      <div className="operators" role="group" aria-labelledby="operators-label">
        <span id="operators-label" className="group-label">
          {t('flexy.operator')}
        </span>
        {MOBILE_OPERATORS.map((op) => {
          const off = listed?.find((p) => p.id === op)?.enabled === false;
          return (
            <button
              key={op}
              type="button"
              className={`operator op-${op.toLowerCase()}`}
              aria-pressed={operator === op}
              aria-describedby={operator === op && source === 'proposed' ? 'operator-proposed' : undefined}
              onClick={() => chooseOperator(op)}
            >
              <span className="operator-name">{op}</span>
              {off && <span className="small">{t('flexy.operatorOff')}</span>}
            </button>
          );
        })}
      </div>
      {operator && source === 'proposed' && (
        <p id="operator-proposed" className="small hint">
          {t('flexy.proposed', { operator })}
        </p>
      )}
      {other && (
        <p className="small warn-text" role="status">
          {t('flexy.prefixDiffers', { operator: other })}
        </p>
      )}
    </div>
  );
}
