import { useTranslation } from 'react-i18next';
import { TabList } from '../../ui/TabList';
import { setCategory } from '../catalog/catalogActions';
import { ALL, FAVOURITES, RECENT } from './filterProducts';
import { useCatalogStore } from '../catalog/catalogStore';

export const GRID_PANEL_ID = 'product-panel';

/** Tabs: All, Favourites, Recent, then the provider's categories. Arrow keys move and select. */
export function CategoryTabs() {
  const { t } = useTranslation();
  const categories = useCatalogStore((s) => s.catalog?.categories);
  const current = useCatalogStore((s) => s.category);
  const tabs = [
    { id: ALL, title: t('grid.all') },
    { id: FAVOURITES, title: `★ ${t('grid.favourites')}` },
    { id: RECENT, title: t('grid.recent') },
    ...(categories ?? []).map((c) => ({ id: c.id, title: c.title })),
  ];
  return (
    <TabList
      label={t('grid.categories')}
      current={current}
      onSelect={setCategory}
      tabs={tabs.map((tab) => ({ id: tab.id, domId: `tab-${tab.id}`, data: { 'data-tab-id': tab.id }, controls: GRID_PANEL_ID, content: tab.title }))}
    />
  );
}
