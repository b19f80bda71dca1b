import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';

export type AmountProblemKind = 'badAmount' | 'tooBig' | null;

/**
 * A drawer amount in dinars: a text field with a numeric keypad on touch screens (inputMode
 * decimal), left-to-right digits in every language, its hint and its error tied to it.
 */
export function CashAmountField({
  id,
  label,
  hint,
  value,
  onChange,
  problem,
  inputRef,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
  problem: AmountProblemKind;
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        className="cash-input"
        type="text"
        inputMode="decimal"
        dir="ltr"
        autoComplete="off"
        maxLength={16}
        value={value}
        required
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-err` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="small muted">
        {hint}
      </p>
      {problem && (
        <p id={`${id}-err`} className="field-error">
          {t(problem === 'tooBig' ? 'shift.tooBig' : 'shift.badAmount')}
        </p>
      )}
    </div>
  );
}
