import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';

export type AmountProblemKind = 'badAmount' | 'tooBig' | null;

/**
 * What a drawer amount field holds: the text typed, why it was refused, and its input (to put the
 * focus back on it). Typing again clears the refusal.
 */
export function useCashAmount() {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<AmountProblemKind>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  return {
    text,
    problem,
    setProblem,
    clear: () => setText(''),
    /** Shows a refused amount's reason and puts the cashier back in the box. */
    refuse: (kind: Exclude<AmountProblemKind, null>) => {
      setProblem(kind);
      inputRef.current?.focus();
    },
    inputRef,
    field: {
      value: text,
      problem,
      inputRef,
      onChange: (v: string) => {
        setText(v);
        setProblem(null);
      },
    },
  };
}

/**
 * A drawer amount in dinars: a text field with a numeric keypad on touch screens (inputMode
 * decimal), left-to-right digits in every language, its hint and its error tied to it.
 */
export function CashAmountField({
  problem,
  ...field
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
    <TextField
      {...field}
      className="cash-input"
      inputMode="decimal"
      dir="ltr"
      autoComplete="off"
      maxLength={16}
      required
      error={problem && t(problem === 'tooBig' ? 'shift.tooBig' : 'shift.badAmount')}
    />
  );
}
