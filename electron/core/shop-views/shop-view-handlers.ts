import type { CommandHandlers } from '../../../shared/contract';
import { dayCsv, salesCsv } from '../reports/csv';
import { dayReportHtml, reconcileReportHtml } from '../reports/report-html';
import { salesQueryFrom } from '../ledger/sales-search';
import { buildShopDayReport } from './shop-day-report';
import { poolReader } from './shop-reader';
import { searchShopSales } from './shop-sales-search';
import { toShopSaleDtos } from './shop-sale-dto';
import { resolveScope, type ShopViewDeps } from './shop-scope';
import { listShopTills } from './shop-tills';
import { reconcileShopDay } from './shop-reconcile';
import { AppError } from '../../../shared/result';

type ScopedCommands = 'reports:day' | 'reports:html' | 'history:search' | 'sales:list' | 'exports:csv' | 'reconcile:day';

/**
 * The owner's report, history and exceptions over the whole shop (issue 12). Each command keeps
 * its till-scope handler (this till's SQLite ledger, unchanged) and answers `scope: 'shop'` from
 * the shop's server: this wraps the local handlers rather than editing them. Reconciliation reads
 * the provider as the till's own does, and the shop's owners and sales from the server.
 */
export function shopViewHandlers(local: Pick<CommandHandlers, ScopedCommands>, deps: ShopViewDeps): Pick<CommandHandlers, ScopedCommands | 'shop:tills'> {
  return {
    'reports:day': async (input) => {
      const scope = resolveScope(input, deps);
      return scope ? buildShopDayReport(scope, input.day) : local['reports:day'](input);
    },
    'history:search': async (q) => {
      const scope = resolveScope(q, deps);
      if (!scope) return local['history:search'](q);
      const rows = await searchShopSales(scope.reader, { ...salesQueryFrom(q, 200), tillId: scope.tillId });
      return toShopSaleDtos(scope.reader, rows);
    },
    // The exceptions list (sales:list with states) of every till.
    'sales:list': async (input) => {
      const scope = resolveScope(input, deps);
      if (!scope) return local['sales:list'](input);
      const rows = await searchShopSales(scope.reader, { states: input.states, limit: input.limit ?? (input.states ? 200 : 50), tillId: scope.tillId });
      return toShopSaleDtos(scope.reader, rows);
    },
    'exports:csv': async (input) => {
      if (input.kind === 'day') {
        const scope = resolveScope(input, deps);
        if (!scope) return local['exports:csv'](input);
        const r = await buildShopDayReport(scope, input.day);
        return { filename: `rapport-boutique-${input.day}.csv`, mime: 'text/csv;charset=utf-8', content: dayCsv(r.totals, r.byTill) };
      }
      const scope = resolveScope(input.query, deps);
      if (!scope) return local['exports:csv'](input);
      const rows = await searchShopSales(scope.reader, { ...salesQueryFrom(input.query, 1000), tillId: scope.tillId });
      return { filename: 'ventes-boutique.csv', mime: 'text/csv;charset=utf-8', content: salesCsv(rows) };
    },
    // The printable day and reconciliation reports of the shop: the same pages, with each row's till.
    // Never marked training: the shop's reports count real sales only.
    'reports:html': async (input) => {
      if (input.kind === 'shift') return local['reports:html'](input);
      const scope = resolveScope(input, deps);
      if (!scope) return local['reports:html'](input);
      const settings = deps.settings();
      if (input.kind === 'day') return { html: dayReportHtml(await buildShopDayReport(scope, input.day), settings, false) };
      return { html: reconcileReportHtml(await reconcileShopDay(scope, deps.reconcile, input.day), settings, false) };
    },
    'reconcile:day': async (input) => {
      const scope = resolveScope(input, deps);
      return scope ? reconcileShopDay(scope, deps.reconcile, input.day) : local['reconcile:day'](input);
    },
    'shop:tills': async () => {
      deps.session.require('owner');
      const shared = deps.shared;
      if (!shared) throw new AppError('NOT_SUPPORTED', 'This till is not joined to a shop', { reason: 'NO_SHARED_LEDGER' });
      return listShopTills(poolReader(shared.pool), { tillId: shared.tillId, pending: () => shared.pending() });
    },
  };
}
