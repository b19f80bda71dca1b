import type { Sale, SaleState } from '../../../shared/domain';
import type { HostProcess } from './host-process';

/**
 * The host's sales (up to 500) once none is left in a state outside `settled`, or as they are when
 * `withinMs` has passed (the soak's own assertions then say which did not settle); and how many
 * sales are in each state.
 */
export async function settledSales(
  host: HostProcess,
  settled: readonly SaleState[],
  withinMs: number,
): Promise<{ sales: Sale[]; counts: Record<string, number> }> {
  const until = Date.now() + withinMs;
  let sales = await host.must('sales:list', { limit: 500 });
  while (sales.some((s) => !settled.includes(s.state)) && Date.now() < until) {
    await new Promise((res) => setTimeout(res, 200));
    sales = await host.must('sales:list', { limit: 500 });
  }
  const counts: Record<string, number> = {};
  for (const s of sales) counts[s.state] = (counts[s.state] ?? 0) + 1;
  return { sales, counts };
}
