import { api } from '../../../bridge';
import { queryFromFilters, type FilterError, type HistoryFilters } from './historyFilters';
import { initialSaleDetail, useHistoryStore, useSaleDetailStore } from './historyStore';
import { notLoaded } from '../../../ui/loadStatus';
import { selectIsOwner, useSessionStore } from '../../session/sessionStore';
import { downloadFile } from '../../../ui/download';
import { currentScopeInput } from '../shop-scope/shopScopeActions';

export function setFilters(patch: Partial<HistoryFilters>): void {
  useHistoryStore.setState((s) => ({ filters: { ...s.filters, ...patch } }));
}

/** history:search with the filters on screen; a cashier only ever sees their own sales (the core sees to it). */
export async function searchHistory(): Promise<FilterError | null> {
  const { filters } = useHistoryStore.getState();
  const built = queryFromFilters(filters, { includeCashier: selectIsOwner(useSessionStore.getState()) });
  if ('error' in built) return built.error;
  useHistoryStore.setState((s) => ({ query: built.query, results: { status: 'loading', value: s.results.value, error: null } }));
  const r = await api().call('history:search', { ...built.query, ...currentScopeInput() });
  if (r.ok) useHistoryStore.setState({ results: { status: 'ready', value: r.value, error: null } });
  else useHistoryStore.setState((s) => ({ results: { status: 'error', value: s.results.value, error: r.error } }));
  return null;
}

/** The history as CSV (owner): the same query as the table on screen. */
export async function exportHistoryCsv(): Promise<FilterError | null> {
  const { filters } = useHistoryStore.getState();
  const built = queryFromFilters(filters, { includeCashier: true, limit: 1000 });
  if ('error' in built) return built.error;
  useHistoryStore.setState({ exporting: 'exporting', exportError: null });
  const r = await api().call('exports:csv', { kind: 'history', query: { ...built.query, ...currentScopeInput() } });
  if (r.ok) {
    downloadFile(r.value);
    useHistoryStore.setState({ exporting: 'idle' });
  } else useHistoryStore.setState({ exporting: 'error', exportError: r.error });
  return null;
}

/** Opens "Détail de la vente n° N": the sale and its timeline; codes stay masked until asked. */
export async function openSaleDetail(saleId: number): Promise<void> {
  const fromList = useHistoryStore.getState().results.value?.find((s) => s.id === saleId) ?? null;
  useSaleDetailStore.setState({
    ...initialSaleDetail,
    saleId,
    sale: fromList ? { status: 'ready', value: fromList, error: null } : { status: 'loading', value: null, error: null },
    timeline: { status: 'loading', value: null, error: null },
  });
  const [sale, timeline] = await Promise.all([api().call('sales:get', { saleId }), api().call('sales:timeline', { saleId })]);
  if (useSaleDetailStore.getState().saleId !== saleId) return;
  useSaleDetailStore.setState((s) => ({
    sale: sale.ok ? { status: 'ready', value: sale.value, error: null } : { status: s.sale.value ? 'ready' : 'error', value: s.sale.value, error: sale.error },
    timeline: timeline.ok ? { status: 'ready', value: timeline.value, error: null } : { status: 'error', value: null, error: timeline.error },
  }));
}

export async function reloadTimeline(): Promise<void> {
  const { saleId } = useSaleDetailStore.getState();
  if (saleId === null) return;
  const r = await api().call('sales:timeline', { saleId });
  if (useSaleDetailStore.getState().saleId !== saleId) return;
  if (r.ok) useSaleDetailStore.setState({ timeline: { status: 'ready', value: r.value, error: null } });
}

/** Closing the detail forgets the codes and the duplicate receipt. */
export function closeSaleDetail(): void {
  useSaleDetailStore.setState(initialSaleDetail, true);
}

export async function revealCodes(): Promise<void> {
  const { saleId, revealed } = useSaleDetailStore.getState();
  if (saleId === null || revealed.status === 'loading') return;
  useSaleDetailStore.setState({ revealed: { status: 'loading', value: null, error: null } });
  const r = await api().call('sales:reveal', { saleId });
  if (useSaleDetailStore.getState().saleId !== saleId) return;
  useSaleDetailStore.setState({ revealed: r.ok ? { status: 'ready', value: r.value, error: null } : { status: 'error', value: null, error: r.error } });
  if (r.ok) void reloadTimeline();
}

export function hideCodes(): void {
  useSaleDetailStore.setState({ revealed: notLoaded() });
}

/** sales:reprint: the core numbers the duplicate and writes it to the timeline. */
export async function reprintSale(): Promise<boolean> {
  const { saleId, reprint } = useSaleDetailStore.getState();
  if (saleId === null || reprint.status === 'loading') return false;
  useSaleDetailStore.setState({ reprint: { status: 'loading', value: null, error: null } });
  const r = await api().call('sales:reprint', { saleId });
  if (useSaleDetailStore.getState().saleId !== saleId) return false;
  if (!r.ok) {
    useSaleDetailStore.setState({ reprint: { status: 'error', value: null, error: r.error } });
    return false;
  }
  useSaleDetailStore.setState({ reprint: { status: 'ready', value: { html: r.value.html, paperWidthMm: r.value.paperWidthMm }, error: null } });
  void reloadTimeline();
  return true;
}
