import type { ReactNode } from 'react';
import { Form } from '../../../ui/Form';
import { TextField } from '../../../ui/TextField';

/** One day to report on (a date field, required) and what to do with it: the day report's and the reconciliation's form. */
export function DayForm({
  id,
  label,
  day,
  onDay,
  onSubmit,
  children,
}: {
  id: string;
  label: string;
  day: string;
  onDay: (day: string) => void;
  onSubmit: () => unknown;
  children: ReactNode;
}) {
  return (
    <Form className="filters" onSubmit={onSubmit}>
      <TextField id={id} label={label} type="date" value={day} required onChange={onDay} />
      <div className="row-actions filters-actions">{children}</div>
    </Form>
  );
}
