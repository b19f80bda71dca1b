import { api } from '../../../bridge';
import { localDay } from '../history/historyFilters';
import { useDayReportStore, useReconcileStore } from './reportsStore';
import { downloadFile } from '../../../ui/download';

/** "Rapport du jour" (owner): the day's totals summed over its shifts. */
export async function loadDayReport(day = useDayReportStore.getState().day || localDay()): Promise<void> {
  useDayReportStore.setState((s) => ({ day, report: { status: 'loading', value: s.day === day ? s.report.value : null, error: null }, html: { status: 'idle', value: null, error: null } }));
  const r = await api().call('reports:day', { day });
  if (useDayReportStore.getState().day !== day) return;
  useDayReportStore.setState((s) => ({ report: r.ok ? { status: 'ready', value: r.value, error: null } : { status: 'error', value: s.report.value, error: r.error } }));
}

/** The printable report (reports:html), shown in a frame; printing it gives paper or a PDF. */
export async function loadDayReportHtml(): Promise<void> {
  const { day } = useDayReportStore.getState();
  if (!day) return;
  useDayReportStore.setState({ html: { status: 'loading', value: null, error: null } });
  const r = await api().call('reports:html', { kind: 'day', day });
  if (useDayReportStore.getState().day !== day) return;
  useDayReportStore.setState({ html: r.ok ? { status: 'ready', value: r.value.html, error: null } : { status: 'error', value: null, error: r.error } });
}

export async function exportDayCsv(): Promise<void> {
  const { day } = useDayReportStore.getState();
  if (!day) return;
  useDayReportStore.setState({ exporting: 'loading', exportError: null });
  const r = await api().call('exports:csv', { kind: 'day', day });
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
  const r = await api().call('reconcile:day', adopt ? { day, adopt: true } : { day });
  if (useReconcileStore.getState().day !== day) return;
  useReconcileStore.setState((s) => ({
    report: r.ok ? { status: 'ready', value: r.value, error: null } : { status: 'error', value: s.report.value, error: r.error },
    adopting: adopt ? (r.ok ? 'ready' : 'error') : s.adopting,
  }));
}

export const adoptMissingOrders = () => runReconcile(useReconcileStore.getState().day || localDay(), true);

export async function loadReconcileHtml(): Promise<void> {
  const { day } = useReconcileStore.getState();
  if (!day) return;
  useReconcileStore.setState({ html: { status: 'loading', value: null, error: null } });
  const r = await api().call('reports:html', { kind: 'reconcile', day });
  if (useReconcileStore.getState().day !== day) return;
  useReconcileStore.setState({ html: r.ok ? { status: 'ready', value: r.value.html, error: null } : { status: 'error', value: null, error: r.error } });
}
