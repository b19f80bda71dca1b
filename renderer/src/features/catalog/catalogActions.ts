import { api } from '../../bridge';
import { useCatalogStore } from './catalogStore';
import type { CategoryFilter } from '../counter/filterProducts';

export async function loadCatalog(refresh = false): Promise<void> {
  const s = useCatalogStore.getState();
  if (s.refreshing) return;
  useCatalogStore.setState({ refreshing: true, status: s.catalog ? s.status : 'loading' });
  const r = await api().call('catalog:list', refresh ? { refresh: true } : {});
  if (r.ok) useCatalogStore.setState({ status: 'ready', catalog: r.value, error: null, refreshing: false });
  else useCatalogStore.setState({ status: s.catalog ? 'ready' : 'error', error: r.error, refreshing: false });
}

export function setQuery(query: string): void {
  useCatalogStore.setState({ query });
}

export function setCategory(category: CategoryFilter): void {
  useCatalogStore.setState({ category });
}
