import { stopApp } from '../../../renderer/src/app/boot';
import { installApi } from '../../../renderer/src/bridge';
import { initialCatalog, useCatalogStore } from '../../../renderer/src/features/catalog/catalogStore';
import { initialFlow, useFlowStore } from '../../../renderer/src/features/counter/saleFlowStore';
import { initialSales, useSalesStore } from '../../../renderer/src/features/pending-sales/salesStore';
import { initialSettings, useSettingsStore } from '../../../renderer/src/features/settings/settingsStore';
import { initialBalance, initialStatus, useBalanceStore, useStatusStore } from '../../../renderer/src/features/status-bar/statusStore';

/** After a test of the booted renderer: stops the app, removes the bridge and empties the counter's stores. */
export function stopAppAndResetCounter(): void {
  stopApp();
  installApi(null);
  useFlowStore.setState(initialFlow, true);
  useSalesStore.setState(initialSales, true);
  useSettingsStore.setState(initialSettings, true);
  useCatalogStore.setState(initialCatalog, true);
  useStatusStore.setState(initialStatus, true);
  useBalanceStore.setState(initialBalance, true);
}
