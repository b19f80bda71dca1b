import { useMemo } from 'react';
import type { CatalogProduct } from '../../../../shared/domain';
import { filterProducts, recentProductIds } from './filterProducts';
import { useCatalogStore } from '../catalog/catalogStore';
import { useSalesStore } from '../pending-sales/salesStore';
import { useSettingsStore } from '../settings/settingsStore';

/** Product ids of recent sales, recomputed only when the sales change. */
export function useRecentProductIds(): string[] {
  const byId = useSalesStore((s) => s.byId);
  return useMemo(() => recentProductIds(Object.values(byId)), [byId]);
}

/** The grid's content: the pure filter over the current stores. */
export function useVisibleProducts(): CatalogProduct[] {
  const catalog = useCatalogStore((s) => s.catalog);
  const query = useCatalogStore((s) => s.query);
  const category = useCatalogStore((s) => s.category);
  const favourites = useSettingsStore((s) => s.settings.favourites);
  const recent = useRecentProductIds();
  return useMemo(() => filterProducts(catalog, query, category, favourites, recent), [catalog, query, category, favourites, recent]);
}
