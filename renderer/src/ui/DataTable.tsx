import type { ReactNode } from 'react';

/** A column heading; `numeric` columns are right-aligned (the `n` class) so amounts line up. */
export type Column = string | { label: string; numeric: true };

/**
 * The back office's tables (history, anomalies, staff, backups, a sale's cards, the day's
 * report): headed columns, rows given by the tab, a name for screen readers (`label`, or the id
 * of a heading in `labelledBy`). Wide tables scroll inside their own box (`table-wrap`);
 * `unwrapped` for the narrow ones that never did.
 */
export function DataTable({
  label,
  labelledBy,
  columns,
  unwrapped,
  children,
}: {
  label?: string;
  labelledBy?: string;
  columns: readonly Column[];
  unwrapped?: boolean;
  children: ReactNode;
}) {
  const table = (
    <table className="data-table" aria-label={label} aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {columns.map((c) =>
            typeof c === 'string' ? (
              <th key={c} scope="col">
                {c}
              </th>
            ) : (
              <th key={c.label} scope="col" className="n">
                {c.label}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return unwrapped ? table : <div className="table-wrap">{table}</div>;
}

/** A numeric column. */
export const num = (label: string): Column => ({ label, numeric: true });
