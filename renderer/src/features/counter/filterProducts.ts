import type { Catalog, CatalogProduct } from '../../../../shared/domain';

/** 'all', 'favourites', 'recent', or a category id from the catalog. */
export type CategoryFilter = string;
export const ALL = 'all';
export const FAVOURITES = 'favourites';
export const RECENT = 'recent';

/** Lower case, accents and Arabic diacritics removed, so "écran" matches "ecran". */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u0640]/g, '') // Arabic tatweel
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

type Index = {
  haystack: Map<string, string>;
  categoryOf: Map<string, Set<string>>;
};

// Normalising 2,000 titles on every keystroke is wasted work: index each catalog object once.
const indexes = new WeakMap<Catalog, Index>();

function indexOf(catalog: Catalog): Index {
  let index = indexes.get(catalog);
  if (index) return index;
  const categoryTitle = new Map(catalog.categories.map((c) => [c.id, c.title]));
  const categoryOf = new Map<string, Set<string>>();
  const addTo = (productId: string, categoryId: string) => {
    let set = categoryOf.get(productId);
    if (!set) categoryOf.set(productId, (set = new Set()));
    set.add(categoryId);
  };
  for (const c of catalog.categories) for (const id of c.productIds) addTo(id, c.id);
  const haystack = new Map<string, string>();
  for (const p of catalog.products) {
    addTo(p.id, p.categoryId);
    haystack.set(p.id, normalize(`${p.title} ${categoryTitle.get(p.categoryId) ?? ''} ${p.region ?? ''}`));
  }
  index = { haystack, categoryOf };
  indexes.set(catalog, index);
  return index;
}

/**
 * The products to show, in display order. Pure: same inputs, same output.
 * - `query`: every word must appear in the title, category or region (accent-insensitive).
 * - `category`: ALL, FAVOURITES, RECENT or a category id.
 * - favourites are pinned first (in catalog order), disabled products go last but stay visible;
 *   in RECENT, the order is the order of `recent` (most recent first).
 */
export function filterProducts(
  catalog: Catalog | null,
  query: string,
  category: CategoryFilter,
  favourites: readonly string[],
  recent: readonly string[],
): CatalogProduct[] {
  if (!catalog) return [];
  const index = indexOf(catalog);
  const words = normalize(query).split(' ').filter(Boolean);
  const favSet = new Set(favourites);
  const matches = (p: CatalogProduct): boolean => {
    if (words.length === 0) return true;
    const hay = index.haystack.get(p.id) ?? '';
    for (const w of words) if (!hay.includes(w)) return false;
    return true;
  };

  if (category === RECENT) {
    const byId = new Map(catalog.products.map((p) => [p.id, p]));
    const out: CatalogProduct[] = [];
    for (const id of recent) {
      const p = byId.get(id);
      if (p && matches(p)) out.push(p);
    }
    return out;
  }

  const pinned: CatalogProduct[] = [];
  const rest: CatalogProduct[] = [];
  const disabled: CatalogProduct[] = [];
  for (const p of catalog.products) {
    const isFav = favSet.has(p.id);
    if (category === FAVOURITES && !isFav) continue;
    if (category !== ALL && category !== FAVOURITES && !index.categoryOf.get(p.id)?.has(category)) continue;
    if (!matches(p)) continue;
    if (!p.enabled) disabled.push(p);
    else if (isFav) pinned.push(p);
    else rest.push(p);
  }
  return pinned.concat(rest, disabled);
}

/** Product ids of the most recent sales, newest first, without repeats. */
export function recentProductIds(sales: readonly { productId: string; createdAt: string }[], max = 24): string[] {
  const sorted = [...sales].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of sorted) {
    if (seen.has(s.productId)) continue;
    seen.add(s.productId);
    out.push(s.productId);
    if (out.length >= max) break;
  }
  return out;
}
