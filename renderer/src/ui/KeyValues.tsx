import { Fragment, type ReactNode } from 'react';

/** One line of a list of figures; `false` or `null` leaves it out (a figure that does not apply). */
export type KeyValue = { term: ReactNode; value: ReactNode; dir?: 'auto' | 'ltr'; className?: string } | false | null | undefined;

/**
 * Labelled figures as a description list (`dl.kv`): a shift's summary and its count, a sale's
 * fields and money, the reconciliation's totals, the API key's account.
 */
export function KeyValues({ items, className, label }: { items: readonly KeyValue[]; className?: string; label?: string }) {
  return (
    <dl className={className ? `kv ${className}` : 'kv'} aria-label={label}>
      {items.map(
        (item, i) =>
          item && (
            <Fragment key={i}>
              <dt>{item.term}</dt>
              <dd dir={item.dir} className={item.className}>
                {item.value}
              </dd>
            </Fragment>
          ),
      )}
    </dl>
  );
}
