import type { RefObject } from 'react';
import { cleanPin, PIN_MAX } from '../features/session/pin';
import type { FieldFrame } from './Field';
import { TextField } from './TextField';

/**
 * A PIN: hidden digits, the numeric keypad on touch screens, left to right in every language,
 * Arabic-Indic digits taken as typed (cleanPin), never more than PIN_MAX. The one PIN input of
 * the till: sign-in, the owner's first start, the staff tab's new cashier and PIN change.
 */
export function PinField({
  value,
  onChange,
  inputRef,
  newPin,
  className,
  readOnly,
  autoFocus,
  ...frame
}: FieldFrame & {
  value: string;
  onChange: (pin: string) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  /** A PIN being set (not typed to sign in): the browser must not offer a saved one. */
  newPin?: boolean;
  className?: string;
  readOnly?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <TextField
      {...frame}
      type="password"
      inputMode="numeric"
      autoComplete={newPin ? 'new-password' : 'off'}
      dir="ltr"
      maxLength={PIN_MAX}
      className={className}
      readOnly={readOnly}
      autoFocus={autoFocus}
      inputRef={inputRef}
      value={value}
      onChange={(text) => onChange(cleanPin(text))}
    />
  );
}
