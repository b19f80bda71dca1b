import { api } from '../../../bridge';
import { localDay } from '../history/historyFilters';
import { useDayReportStore, useReconcileStore } from './reportsStore';
import { downloadFile } from '../../../ui/download';
import type { Loadable } from '../../../ui/loadStatus';
import { currentScopeInput } from '../shop-scope/shopScopeActions';

/** "Rapport du jour" (owner): the day's totals summed over its shifts. */
export async function loadDayReport(day = useDayReportStore.getState().day || localDay()): Promise<void> {
  useDayReportStore.setState((s) => ({
    day,
    report: { status: 'loading', value: s.day === day ? s.report.value : null, error: null },
    html: { status: 'idle', value: null, error: null },
  }));
  const r = await api().call('reports:day', { day, ...currentScopeInput() });
  if (useDayReportStore.getState().day !== day) return;
  useDayReportStore.setState((s) => ({
    report: r.ok ? { status: 'ready', value: r.value, error: null } : { status: 'error', value: s.report.value, error: r.error },
  }));
}

/** A report screen's store: the day on screen and its printable HTML. */
type HtmlHolder = { getState(): { day: string }; setState(patch: { html: Loadable<string> }): void };

/** The printable report (reports:html) of the day on screen, shown in a frame; printing it gives paper or a PDF. */
async function loadReportHtml(store: HtmlHolder, kind: 'day' | 'reconcile'): Promise<void> {
  const { day } = store.getState();
  if (!day) return;
  store.setState({ html: { status: 'loading', value: null, error: null } });
  // The page of what is on screen: this till's, or the shop's (issue 12) when the owner chose it.
  const r = await api().call('reports:html', { kind, day, ...currentScopeInput() });
  if (store.getState().day !== day) return; // another day was asked meanwhile
  store.setState({ html: r.ok ? { status: 'ready', value: r.value.html, error: null } : { status: 'error', value: null, error: r.error } });
}

export const loadDayReportHtml = () => loadReportHtml(useDayReportStore, 'day');

export async function exportDayCsv(): Promise<void> {
  const { day } = useDayReportStore.getState();
  if (!day) return;
  useDayReportStore.setState({ exporting: 'loading', exportError: null });
  const r = await api().call('exports:csv', { kind: 'day', day, ...currentScopeInput() });
  if (r.ok) {
    downloadFile(r.value);
    useDayReportStore.setState({ exporting: 'idle' });
  } else useDayReportStore.setState({ exporting: 'error', exportError: r.error });
}

/** "Rapprochement": the ledger against the provider's own order list, for one day. */
export async function runReconcile(day = useReconcileStore.getState().day || localDay(), adopt = false): Promise<void> {
  useReconcileStore.setState((s) => ({
    day,
    report: { status: 'loading', value: s.day === day ? s.report.value : null, error: null },
    adopting: adopt ? 'loading' : s.adopting,
    html: { status: 'idle', value: null, error: null },
  }));
  // Adopting is this till's act: always asked of its own ledger (the screen offers it only there).
  const r = await api().call('reconcile:day', adopt ? { day, adopt: true } : { day, ...currentScopeInput() });
  if (useReconcileStore.getState().day !== day) return;
  useReconcileStore.setState((s) => ({
    report: r.ok ? { status: 'ready', value: r.value, error: null } : { status: 'error', value: s.report.value, error: r.error },
    adopting: adopt ? (r.ok ? 'ready' : 'error') : s.adopting,
  }));
}

export const adoptMissingOrders = () => runReconcile(useReconcileStore.getState().day || localDay(), true);

export const loadReconcileHtml = () => loadReportHtml(useReconcileStore, 'reconcile');
