import { useTranslation } from 'react-i18next';
import { groupNumber } from '../../../../shared/phone-numbers';
import { KEYPAD_DIGITS, type KeypadKey } from './numberEntry';

/**
 * The customer's number: a box the physical keyboard and a paste type into (+213… folded by the
 * line), the same number large and grouped for reading back, and a big keypad for touch.
 */
export function NumberPad({
  id,
  label,
  value,
  placeholder,
  describedBy,
  onType,
  onKey,
  onEnter,
}: {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  describedBy?: string;
  onType: (raw: string) => void;
  onKey: (key: KeypadKey) => void;
  onEnter?: () => void;
}) {
  const { t } = useTranslation();
  const key = (k: KeypadKey, text: string, name?: string) => (
    <button type="button" className={`keypad-key key-${k}`} aria-label={name} onClick={() => onKey(k)}>
      {text}
    </button>
  );
  return (
    <div className="number-pad">
      <label htmlFor={id} className="number-label">
        {label}
      </label>
      <input
        id={id}
        className="number-input"
        type="text"
        inputMode="tel"
        dir="ltr"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-describedby={describedBy}
        value={value}
        onChange={(e) => onType(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
      />
      <p className="number-grouped" dir="ltr" aria-hidden="true">
        {value ? groupNumber(value) : '\u00a0'}
      </p>
      <div className="keypad" role="group" aria-label={t('topup.keypad.label')}>
        {KEYPAD_DIGITS.map((d) => key(d, d))}
        {key('clear', 'C', t('topup.keypad.clear'))}
        {key('0', '0')}
        {key('back', '⌫', t('topup.keypad.back'))}
      </div>
    </div>
  );
}
