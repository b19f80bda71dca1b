import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../shared/domain';
import { ALL, FAVOURITES, filterProducts, normalize, RECENT, recentProductIds } from '../../renderer/src/features/counter/filterProducts';

function catalog(): Catalog {
  return {
    categories: [
      { id: 'ps', title: 'PlayStation', productIds: ['p1', 'p2'] },
      { id: 'gp', title: 'Google Play', productIds: ['g1'] },
      { id: 'ff', title: 'Free Fire', productIds: ['f1', 'f2'] },
    ],
    products: [
      { id: 'p1', title: 'PlayStation Network', enabled: true, region: 'us', categoryId: 'ps' },
      { id: 'p2', title: 'PlayStation Plus Essential', enabled: false, region: 'fr', categoryId: 'ps' },
      { id: 'g1', title: 'Google Play Algérie', enabled: true, region: 'dz', categoryId: 'gp' },
      { id: 'f1', title: 'Free Fire Diamants', enabled: true, region: null, categoryId: 'ff' },
      { id: 'f2', title: 'فري فاير', enabled: true, region: null, categoryId: 'ff' },
    ],
    fetchedAt: '2026-01-01T00:00:00.000Z',
    stale: false,
  };
}

const ids = (list: { id: string }[]) => list.map((p) => p.id);

describe('filterProducts', () => {
  it('returns everything in catalog order, disabled products last but present', () => {
    expect(ids(filterProducts(catalog(), '', ALL, [], []))).toEqual(['p1', 'g1', 'f1', 'f2', 'p2']);
  });

  it('matches every word, ignoring case and accents, in title, category and region', () => {
    const c = catalog();
    expect(ids(filterProducts(c, 'algerie', ALL, [], []))).toEqual(['g1']);
    expect(ids(filterProducts(c, 'PLAY net', ALL, [], []))).toEqual(['p1']);
    expect(ids(filterProducts(c, 'google', ALL, [], []))).toEqual(['g1']);
    expect(ids(filterProducts(c, 'free fire', ALL, [], []))).toEqual(['f1', 'f2']); // category title
    expect(ids(filterProducts(c, 'فاير', ALL, [], []))).toEqual(['f2']);
    expect(filterProducts(c, 'zzz', ALL, [], [])).toEqual([]);
  });

  it('filters by category and pins favourites first', () => {
    const c = catalog();
    expect(ids(filterProducts(c, '', 'ps', [], []))).toEqual(['p1', 'p2']);
    expect(ids(filterProducts(c, '', ALL, ['f1'], []))).toEqual(['f1', 'p1', 'g1', 'f2', 'p2']);
    expect(ids(filterProducts(c, '', FAVOURITES, ['g1', 'p2'], []))).toEqual(['g1', 'p2']);
  });

  it('orders the recent tab by recency and drops unknown ids', () => {
    expect(ids(filterProducts(catalog(), '', RECENT, [], ['g1', 'gone', 'p1']))).toEqual(['g1', 'p1']);
  });

  it('is pure: the same inputs give the same output, and the catalog is not changed', () => {
    const c = catalog();
    const before = JSON.stringify(c);
    const a = filterProducts(c, 'play', ALL, ['g1'], []);
    const b = filterProducts(c, 'play', ALL, ['g1'], []);
    expect(a).toEqual(b);
    expect(JSON.stringify(c)).toBe(before);
    expect(filterProducts(null, '', ALL, [], [])).toEqual([]);
  });

  // How fast each keystroke is filtered is measured by the catalog-filter benchmark (bench/), not here.
  it('filters 2,000 products through its index exactly as a plain scan would, keystroke after keystroke', () => {
    const brands = ['PlayStation', 'Google Play', 'Free Fire', 'Netflix', 'Steam'];
    const products = Array.from({ length: 2000 }, (_, i) => ({
      id: `id${i}`,
      title: `${brands[i % 5]} Card ${i} Édition`,
      enabled: i % 17 !== 0,
      region: i % 2 ? 'dz' : 'fr',
      categoryId: `c${i % 10}`,
    }));
    const big: Catalog = {
      categories: Array.from({ length: 10 }, (_, k) => ({ id: `c${k}`, title: `Catégorie ${k}`, productIds: [] })),
      products,
      fetchedAt: '2026-01-01T00:00:00.000Z',
      stale: false,
    };
    const favourites = products.slice(0, 50).map((p) => p.id);
    // The expected list, computed without the index: every word in title, category or region
    // (accents and case ignored), then favourites, the others, the disabled ones.
    const plain = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    const expected = (query: string, category: string) => {
      const words = plain(query).split(/\s+/).filter(Boolean);
      const hits = products.filter(
        (p) =>
          (category === ALL || p.categoryId === category) && words.every((w) => plain(`${p.title} Catégorie ${p.categoryId.slice(1)} ${p.region}`).includes(w)),
      );
      const fav = new Set(favourites);
      return ids([...hits.filter((p) => p.enabled && fav.has(p.id)), ...hits.filter((p) => p.enabled && !fav.has(p.id)), ...hits.filter((p) => !p.enabled)]);
    };
    const queries = ['p', 'pl', 'pla', 'play', 'plays', 'playstation', 'playstation 1', 'edition', 'netflix 19', 'ÉDITION DZ', ''];
    for (let round = 0; round < 2; round++) {
      for (const q of queries) {
        const category = round % 2 ? 'c3' : ALL;
        expect(ids(filterProducts(big, q, category, favourites, [])), `"${q}" in ${category}`).toEqual(expected(q, category));
      }
    }
    expect(filterProducts(big, 'playstation', ALL, [], []).length).toBe(400);
    expect(expected('netflix 19', ALL).length).toBeGreaterThan(0);
  });
});

describe('search helpers', () => {
  it('normalizes accents, case, tatweel and spaces', () => {
    expect(normalize('  Écran   ÉTÉ ')).toBe('ecran ete');
    expect(normalize('فـــري')).toBe('فري');
  });

  it('lists recent products newest first without repeats', () => {
    expect(
      recentProductIds([
        { productId: 'a', createdAt: '2026-01-01T10:00:00Z' },
        { productId: 'b', createdAt: '2026-01-01T12:00:00Z' },
        { productId: 'a', createdAt: '2026-01-01T13:00:00Z' },
        { productId: 'c', createdAt: '2026-01-01T11:00:00Z' },
      ]),
    ).toEqual(['a', 'b', 'c']);
  });
});
