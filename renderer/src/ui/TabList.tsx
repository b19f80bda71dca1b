import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Tab<T extends string> = {
  id: T;
  /** The tab's element id (its panel is labelled by it). */
  domId: string;
  /** The panel this tab shows. */
  controls: string;
  content: ReactNode;
  className?: string;
  description?: string;
  data?: Record<`data-${string}`, string>;
};

/**
 * Arrow keys move between tabs and select (right is "next" in French and English, "previous" in
 * Arabic), Home and End go to the ends, and the focus follows: the one keyboard handler of every
 * tab list (the back office, the settings' parts, the product categories).
 */
export function useTabListKeys<T extends string>(ids: readonly T[], current: T, select: (id: T) => void) {
  const { i18n } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  const rtl = i18n.dir() === 'rtl';
  const onKeyDown = (e: KeyboardEvent) => {
    const i = ids.indexOf(current);
    let next = -1;
    if (e.key === 'ArrowRight') next = i + (rtl ? -1 : 1);
    else if (e.key === 'ArrowLeft') next = i + (rtl ? 1 : -1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = ids.length - 1;
    else return;
    e.preventDefault();
    next = (next + ids.length) % ids.length;
    const id = ids[next];
    if (id === undefined) return;
    select(id);
    listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };
  return { listRef, onKeyDown };
}

/** A row of tabs (role tablist): one tab stop, the selected tab; the others by arrow keys. */
export function TabList<T extends string>({
  label,
  tabs,
  current,
  onSelect,
  className = 'tabs',
}: {
  label: string;
  tabs: readonly Tab<T>[];
  current: T;
  onSelect: (id: T) => void;
  className?: string;
}) {
  const { listRef, onKeyDown } = useTabListKeys(
    tabs.map((tab) => tab.id),
    current,
    onSelect,
  );
  return (
    <div className={className} role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tab.domId}
          {...tab.data}
          aria-selected={tab.id === current}
          aria-controls={tab.controls}
          tabIndex={tab.id === current ? 0 : -1}
          className={tab.className ?? 'tab'}
          aria-description={tab.description}
          onClick={() => onSelect(tab.id)}
        >
          {tab.content}
        </button>
      ))}
    </div>
  );
}
