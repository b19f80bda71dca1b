import { create } from 'zustand';
import type { Catalog } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { ALL, type CategoryFilter } from '../counter/filterProducts';
import type { LoadStatus } from '../../ui/loadStatus';

export type CatalogState = {
  status: LoadStatus;
  catalog: Catalog | null;
  error: AppErrorShape | null;
  refreshing: boolean;
  query: string;
  category: CategoryFilter;
};

export const initialCatalog: CatalogState = {
  status: 'idle',
  catalog: null,
  error: null,
  refreshing: false,
  query: '',
  category: ALL,
};

export const useCatalogStore = create<CatalogState>()(() => initialCatalog);
