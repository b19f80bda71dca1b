import type { ReactNode } from 'react';

/** What a field's control receives so that its label, hint and error are tied to it. */
export type FieldControlProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

export type FieldFrame = {
  id: string;
  label: ReactNode;
  /** Shown under the control, always (what to type). */
  hint?: ReactNode;
  /** Shown under the hint while there is one (what is wrong), already in words. */
  error?: ReactNode;
  /** Marks the control invalid without a message of its own (the message is elsewhere). */
  invalid?: boolean;
  /** Another element that describes the control (a message area shared by the form). */
  describedBy?: string;
  /** Without the `.field` box: for fields laid out by their form (the staff tab's inline PIN change). */
  bare?: boolean;
};

/**
 * The shape of every form field of the till: a label, the control, its hint and its error,
 * tied together by id (`<id>-hint`, `<id>-err`) so a screen reader reads them with the control.
 */
export function Field({ id, label, hint, error, invalid, describedBy, bare, control }: FieldFrame & { control: (props: FieldControlProps) => ReactNode }) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-err` : '', describedBy ?? ''].filter(Boolean).join(' ') || undefined;
  const body = (
    <>
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': error || invalid ? true : undefined, 'aria-describedby': described })}
      {hint && (
        <p id={`${id}-hint`} className="small muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
  return bare ? body : <div className="field">{body}</div>;
}
