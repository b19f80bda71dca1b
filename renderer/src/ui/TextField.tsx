import type { InputHTMLAttributes, RefObject } from 'react';
import { Field, type FieldFrame } from './Field';

type InputAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'>;

/** A labelled text input (any `type`: text, password, date) in the till's field shape. */
export function TextField({
  value,
  onChange,
  inputRef,
  id,
  label,
  hint,
  error,
  invalid,
  describedBy,
  bare,
  type = 'text',
  ...input
}: FieldFrame &
  InputAttributes & {
    value: string;
    onChange: (value: string) => void;
    inputRef?: RefObject<HTMLInputElement | null>;
  }) {
  return (
    <Field
      {...{ id, label, hint, error, invalid, describedBy, bare }}
      control={(p) => <input ref={inputRef} type={type} {...input} {...p} value={value} onChange={(e) => onChange(e.target.value)} />}
    />
  );
}
