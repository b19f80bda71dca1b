import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setCategory } from './catalogActions';
import { ALL, FAVOURITES, RECENT } from './filterProducts';
import { useCatalogStore } from './catalogStore';

export const GRID_PANEL_ID = 'product-panel';

/** Tabs: All, Favourites, Recent, then the provider's categories. Arrow keys move and select. */
export function CategoryTabs() {
  const { t, i18n } = useTranslation();
  const categories = useCatalogStore((s) => s.catalog?.categories);
  const current = useCatalogStore((s) => s.category);
  const listRef = useRef<HTMLDivElement>(null);
  const tabs = [
    { id: ALL, title: t('grid.all') },
    { id: FAVOURITES, title: `★ ${t('grid.favourites')}` },
    { id: RECENT, title: t('grid.recent') },
    ...(categories ?? []).map((c) => ({ id: c.id, title: c.title })),
  ];
  const rtl = i18n.dir() === 'rtl';

  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((tab) => tab.id === current);
    let next = -1;
    if (e.key === 'ArrowRight') next = i + (rtl ? -1 : 1);
    else if (e.key === 'ArrowLeft') next = i + (rtl ? 1 : -1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    else return;
    e.preventDefault();
    next = (next + tabs.length) % tabs.length;
    const tab = tabs[next];
    if (!tab) return;
    setCategory(tab.id);
    listRef.current?.querySelector<HTMLElement>(`[data-tab-id="${CSS.escape(tab.id)}"]`)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={t('grid.categories')} ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.id === current;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            data-tab-id={tab.id}
            aria-selected={selected}
            aria-controls={GRID_PANEL_ID}
            tabIndex={selected ? 0 : -1}
            className="tab"
            onClick={() => setCategory(tab.id)}
          >
            {tab.title}
          </button>
        );
      })}
    </div>
  );
}
