import { useMemo } from 'react';
import { useCatalogStore } from './catalogStore';

/** The catalogue's products by title (for pickers), and a product's title from its id (the id when it is gone). */
export function useProductList() {
  const products = useCatalogStore((s) => s.catalog?.products);
  return useMemo(() => {
    const titles = new Map((products ?? []).map((p) => [p.id, p.title]));
    const sorted = [...(products ?? [])].sort((a, b) => a.title.localeCompare(b.title));
    return { titleOf: (id: string) => titles.get(id) ?? id, sorted };
  }, [products]);
}
