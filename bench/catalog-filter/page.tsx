/**
 * The page catalog-filter.ts loads in Chromium: the renderer's own filter (logic/filterProducts)
 * and its own windowed grid (components/ProductGrid), bundled by esbuild. Each keystroke in the
 * search box runs the filter and renders the grid synchronously, then forces layout, and records
 * how long that took. A second grid, made tall enough to show every row, is the non-windowed
 * reference.
 */
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { Catalog, CatalogProduct, Denomination } from '../../shared/domain';
import { ProductGrid } from '../../renderer/src/features/counter/ProductGrid';
import { ALL, filterProducts } from '../../renderer/src/features/counter/filterProducts';

export interface KeystrokeSample {
  query: string;
  results: number;
  filterMs: number;
  /** React render and commit of the grid (DOM updated, no layout yet). */
  renderMs: number;
  /** Filter + React render of the grid + style and layout. */
  totalMs: number;
  /** From the browser's keyboard event to the end of layout. */
  sinceEventMs: number;
  /** Product tiles in the DOM after the render. */
  tiles: number;
}

interface BenchApi {
  load(data: { catalog: Catalog; denominations: Record<string, Denomination[]> }, windowed: boolean): number;
  samples: KeystrokeSample[];
  reset(): void;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}

let catalog: Catalog | null = null;
let root: Root | null = null;
let samples: KeystrokeSample[] = [];
const input = document.getElementById('q') as HTMLInputElement;
const host = document.getElementById('grid-host') as HTMLDivElement;

function render(products: CatalogProduct[], query: string): void {
  flushSync(() => root?.render(<ProductGrid products={products} labelledBy="q-label" resetKey={query} />));
}

input.addEventListener('input', (e) => {
  const t0 = performance.now();
  const query = input.value;
  const products = filterProducts(catalog, query, ALL, [], []);
  const t1 = performance.now();
  render(products, query);
  const tr = performance.now();
  host.getBoundingClientRect();
  void (host.querySelector('.grid-canvas') as HTMLElement | null)?.offsetHeight; // forces style + layout
  const t2 = performance.now();
  samples.push({
    query,
    results: products.length,
    filterMs: t1 - t0,
    renderMs: tr - t1,
    totalMs: t2 - t0,
    sinceEventMs: t2 - e.timeStamp,
    tiles: host.getElementsByClassName('tile').length,
  });
});

window.bench = {
  load(data, windowed) {
    root?.unmount();
    host.className = windowed ? 'windowed' : 'all-rows';
    catalog = data.catalog;
    // A new catalog object: the filter builds its index once (WeakMap), as when the catalog arrives.
    const t0 = performance.now();
    const all = filterProducts(catalog, '', ALL, [], []);
    const indexMs = performance.now() - t0;
    root = createRoot(host);
    render(all, '');
    input.value = '';
    samples = [];
    return indexMs;
  },
  get samples() {
    return samples;
  },
  reset() {
    samples = [];
  },
};
