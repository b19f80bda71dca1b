import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogProduct } from '../../../../shared/domain';
import { openProduct } from './saleFlow';
import { toggleFavourite } from '../settings/settingsActions';
import { focusSearch } from './focus';
import { moveIndex, tileColour, tileInitial, visibleRows } from './tiles';
import { useSettingsStore } from '../settings/settingsStore';

const ROW_HEIGHT = 128; // px, tile height + gap
const MIN_TILE_WIDTH = 168; // px

/**
 * The product tiles, windowed: only the rows in view (plus a couple each side) are in the DOM,
 * so 2,000 products scroll as fast as 20. Keyboard: one roving tab stop, arrows move it.
 */
export function ProductGrid({
  products,
  labelledBy,
  resetKey,
}: {
  products: CatalogProduct[];
  labelledBy: string;
  /** Changes when the search or the tab changes: the list starts again from the top. */
  resetKey: string;
}) {
  const { t, i18n } = useTranslation();
  const favourites = useSettingsStore((s) => s.settings.favourites);
  const images = useSettingsStore((s) => s.settings.productImages);
  const favSet = new Set(favourites);
  const viewport = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 960, height: 600 });
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef(false);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const measure = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new result list starts at the top.
  useEffect(() => {
    setActive(0);
    setScrollTop(0);
    if (viewport.current) viewport.current.scrollTop = 0;
  }, [resetKey]);

  const columns = Math.max(1, Math.floor(size.width / MIN_TILE_WIDTH));
  const rowCount = Math.ceil(products.length / columns);
  const { first, last } = visibleRows(scrollTop, size.height, ROW_HEIGHT, rowCount);
  const activeIndex = Math.min(active, Math.max(0, products.length - 1));

  const reveal = useCallback(
    (index: number) => {
      const el = viewport.current;
      if (!el) return;
      const top = Math.floor(index / columns) * ROW_HEIGHT;
      let next = el.scrollTop;
      if (top < next) next = top;
      else if (top + ROW_HEIGHT > next + el.clientHeight) next = top + ROW_HEIGHT - el.clientHeight;
      if (next !== el.scrollTop) {
        el.scrollTop = next;
        setScrollTop(next);
      }
    },
    [columns],
  );

  useLayoutEffect(() => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    viewport.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.target instanceof HTMLElement) || !e.target.classList.contains('tile')) return;
    if (e.key === 'ArrowUp' && activeIndex < columns) {
      e.preventDefault();
      focusSearch();
      return;
    }
    const next = moveIndex(activeIndex, e.key, columns, products.length, i18n.dir() === 'rtl', Math.max(1, Math.floor(size.height / ROW_HEIGHT)));
    if (next === null) return;
    e.preventDefault();
    pendingFocus.current = true;
    reveal(next);
    setActive(next);
  };

  const rows = [];
  for (let r = first; r <= last; r++) {
    const cells = [];
    for (let c = 0; c < columns; c++) {
      const index = r * columns + c;
      const p = products[index];
      if (!p) break;
      const isActive = index === activeIndex;
      const isFav = favSet.has(p.id);
      cells.push(
        <div role="gridcell" key={p.id} className={p.enabled ? 'tile-cell' : 'tile-cell is-disabled'}>
          <button
            type="button"
            className="tile"
            data-index={index}
            data-tile-active={isActive ? 'true' : undefined}
            tabIndex={isActive ? 0 : -1}
            aria-label={p.title}
            aria-disabled={p.enabled ? undefined : true}
            onFocus={() => setActive(index)}
            onClick={() => {
              if (p.enabled) void openProduct(p.id);
            }}
          >
            {images[p.id] ? (
              <img className="tile-initial tile-image" src={images[p.id]} alt="" aria-hidden="true" />
            ) : (
              <span className="tile-initial" aria-hidden="true" style={{ backgroundColor: tileColour(p.title) }}>
                {tileInitial(p.title)}
              </span>
            )}
            <span className="tile-title" aria-hidden="true">
              {p.title}
            </span>
            {!p.enabled && (
              <span className="tile-note" aria-hidden="true">
                {t('grid.unavailable')}
              </span>
            )}
          </button>
          <button
            type="button"
            className={isFav ? 'star is-fav' : 'star'}
            tabIndex={isActive ? 0 : -1}
            aria-label={isFav ? t('grid.removeFavourite') : t('grid.addFavourite')}
            title={isFav ? t('grid.removeFavourite') : t('grid.addFavourite')}
            onClick={() => void toggleFavourite(p.id)}
          >
            <span aria-hidden="true">{isFav ? '★' : '☆'}</span>
          </button>
        </div>,
      );
    }
    rows.push(
      <div
        role="row"
        key={r}
        aria-rowindex={r + 1}
        className="grid-row"
        style={{ top: r * ROW_HEIGHT, height: ROW_HEIGHT, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
      >
        {cells}
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      className="grid-viewport"
      role="grid"
      aria-labelledby={labelledBy}
      aria-rowcount={rowCount}
      aria-colcount={columns}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div className="grid-canvas" style={{ height: rowCount * ROW_HEIGHT }}>
        {rows}
      </div>
    </div>
  );
}
