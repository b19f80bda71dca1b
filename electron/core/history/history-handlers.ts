import type { CommandHandlers } from '../../../shared/contract';
import { salesQueryFrom, searchSales } from '../ledger/sales-search';
import type { ProductLines } from '../product-lines/registry';
import { duplicateReceipt } from '../receipts/duplicate';
import { toSaleDto } from '../sales/sale-dto';
import { ownSalesFilter, requireCodeAccess, requireVisibleSale, type CodeAccessDeps } from '../sales/sale-access';

type HistoryCommands = 'history:search' | 'sales:timeline' | 'sales:reveal' | 'sales:reprint';

/**
 * History, timelines, revealing codes and reprints. A cashier sees their own sales and may reveal
 * or reprint one within the window set in settings; beyond it, and for others' sales, only the
 * owner may. Every reveal and reprint is written to the sale's timeline.
 */
export function historyHandlers(s: CodeAccessDeps & { lines: ProductLines }): Pick<CommandHandlers, HistoryCommands> {
  return {
    'history:search': async (q) => {
      const who = s.session.require('cashier');
      // A cashier's history is their own sales, whatever the filter asks (the own-sales rule).
      const cashierId = ownSalesFilter(who);
      const query = salesQueryFrom({ ...q, cashier: cashierId === undefined ? q.cashier : undefined }, 200);
      const rows = searchSales(s.ledger, { ...query, cashierId });
      return rows.map((r) => toSaleDto(r, s.ledger));
    },
    'sales:timeline': async ({ saleId }) => {
      requireVisibleSale(s, saleId);
      return s.ledger.events(saleId).map((e) => ({ at: new Date(e.at).toISOString(), kind: e.kind, detail: e.detail }));
    },
    'sales:reveal': async ({ saleId }) => {
      const { who } = requireCodeAccess(s, saleId);
      s.ledger.addEvent(saleId, 'revealed', who.name);
      return s.ledger.cards(saleId).map((c, index) => ({ index, code: c.value, serial: c.serial }));
    },
    'sales:reprint': async ({ saleId }) => {
      const { row, who } = requireCodeAccess(s, saleId);
      const { receipt, record } = await duplicateReceipt(s, row);
      record(who.name);
      return receipt;
    },
  };
}
