import { useEffect, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCatalog, setQuery } from '../catalog/catalogActions';
import { openProduct } from './saleFlow';
import { focusGrid, focusSearch, SEARCH_ID } from './focus';
import { useFormat } from '../../ui/useFormat';
import { useVisibleProducts } from './useVisibleProducts';
import { FAVOURITES, RECENT } from './filterProducts';
import { useCatalogStore } from '../catalog/catalogStore';
import { CategoryTabs, GRID_PANEL_ID } from './CategoryTabs';
import { ErrorNote } from '../../ui/ErrorNote';
import { ProductGrid } from './ProductGrid';

export function GridScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = useCatalogStore((s) => s.status);
  const error = useCatalogStore((s) => s.error);
  const refreshing = useCatalogStore((s) => s.refreshing);
  const stale = useCatalogStore((s) => s.catalog?.stale ?? false);
  const fetchedAt = useCatalogStore((s) => s.catalog?.fetchedAt ?? null);
  const query = useCatalogStore((s) => s.query);
  const category = useCatalogStore((s) => s.category);
  const products = useVisibleProducts();

  // Back on the grid: the cashier can type the next product straight away.
  useEffect(() => focusSearch(true), []);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      if (focusGrid()) e.preventDefault();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const first = products.find((p) => p.enabled);
      if (first) void openProduct(first.id);
    } else if (e.key === '/' && !query) {
      e.preventDefault(); // the shortcut pressed while already here: nobody searches for "/"
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      e.stopPropagation();
      setQuery('');
    }
  };

  const empty = category === FAVOURITES && !query ? t('grid.emptyFavourites') : category === RECENT && !query ? t('grid.emptyRecent') : t('grid.empty');

  return (
    <section className="screen grid-screen" aria-labelledby="grid-heading">
      <h2 id="grid-heading" className="visually-hidden">
        {t('grid.heading')}
      </h2>
      <div className="grid-toolbar">
        <label htmlFor={SEARCH_ID} className="visually-hidden">
          {t('grid.search')}
        </label>
        <div className="search-box">
          <span className="search-icon" aria-hidden="true">
            ⌕
          </span>
          <input
            id={SEARCH_ID}
            type="search"
            className="search-input"
            placeholder={t('grid.searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
          />
          <kbd className="kbd-hint" aria-hidden="true">
            /
          </kbd>
        </div>
        {/* An icon, named for screen readers and on hover: the search box keeps the width. */}
        <button
          type="button"
          className="icon-btn refresh-catalog"
          disabled={refreshing}
          aria-label={t('grid.refreshCatalog')}
          title={t('grid.refreshCatalog')}
          onClick={() => void loadCatalog(true)}
        >
          <span aria-hidden="true" className={refreshing ? 'spin' : undefined}>
            ⟳
          </span>
        </button>
      </div>
      <CategoryTabs />
      <div className="grid-meta small muted">
        <span>{t('grid.count', { count: products.length, n: f.int(products.length) })}</span>
        {stale && fetchedAt && <span className="stale"> · {t('grid.stale', { date: f.dateTime(fetchedAt) })}</span>}
      </div>
      {error && <ErrorNote error={error} compact onRetry={() => void loadCatalog(true)} />}
      <div id={GRID_PANEL_ID} role="tabpanel" aria-labelledby={`tab-${category}`} className="grid-panel">
        {status === 'loading' || status === 'idle' ? (
          <p className="muted center">{t('grid.loading')}</p>
        ) : products.length === 0 ? (
          <p className="muted center">{empty}</p>
        ) : (
          <ProductGrid products={products} labelledBy="grid-heading" resetKey={`${query}|${category}`} />
        )}
      </div>
    </section>
  );
}
