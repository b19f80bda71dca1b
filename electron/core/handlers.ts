import type { CommandHandlers } from '../../shared/contract';
import { AppError } from '../../shared/result';
import { isApiError } from './api/errors';
import type { TillServices } from './services';
import { toSaleDto } from './sales/sale-dto';
import { confirmSale } from './sales/confirm-sale';
import { saleReceipt } from './receipts/sale-receipt';
import { guardHandlers } from './access';
import { staffHandlers } from './shop/staff-handlers';
import { shiftHandlers } from './shifts/shift-handlers';
import { historyHandlers } from './shop/history-handlers';
import { refundHandlers } from './sales/refund-handlers';
import { withBalanceCaps } from './sales/balance-cap';
import { reportHandlers } from './shop/report-handlers';
import { searchSales } from './ledger/history';
import { ownSalesFilter, requireCodeAccess, requireVisibleSale } from './shop/sale-access';
import { heldSaleHandlers } from './sales/held-handlers';

type SaleCommands =
  | 'app:status' | 'catalog:list' | 'catalog:product' | 'account:balance'
  | 'sales:confirm' | 'sales:get' | 'sales:list' | 'sales:cancel' | 'sales:sendNow' | 'sales:receipt' | 'sales:print' | 'sales:savePdf'
  | 'settings:get' | 'settings:update' | 'apiKey:set' | 'apiKey:clear';

/**
 * The core's implementation of every contract command, behind the access rules (access.ts).
 * Inputs arrive already validated by the adapters; typing `all` as CommandHandlers makes a missing
 * handler a compile error.
 */
export function createHandlers(s: TillServices): CommandHandlers {
  const all: CommandHandlers = { ...saleHandlers(s), ...staffHandlers(s), ...shiftHandlers(s), ...historyHandlers(s), ...reportHandlers(s), ...heldSaleHandlers(s), ...refundHandlers(s) };
  return guardHandlers(all, s.session);
}

function saleHandlers(s: TillServices): Pick<CommandHandlers, SaleCommands> {
  const reach = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      const out = await work();
      s.engine().noteReachable(true);
      return out;
    } catch (e) {
      if (isApiError(e) && e.kind === 'unsent') s.engine().noteReachable(false);
      if (isApiError(e) && e.kind === 'auth') s.statusChanged();
      throw e;
    }
  };
  /** A sale the signed-in person may see (the own-sales rule); any other is NOT_FOUND. */
  const sale = (id: number) => requireVisibleSale(s, id).row;

  const receipt = async (saleId: number) => {
    const { row } = requireCodeAccess(s, saleId);
    return saleReceipt(s.ledger, s.settings, row);
  };

  return {
    'app:status': async () => s.status(),
    'catalog:list': async ({ refresh }) => {
      const catalog = await reach(() => s.catalog.list(refresh ?? false));
      if (!catalog.stale) s.warmCatalog();
      return catalog;
    },
    'catalog:product': async ({ productId }) => {
      const settings = s.settings.get();
      const markup = settings.markupOverridesBp[productId] ?? settings.markupBp;
      const product = await reach(() => s.catalog.product(productId, markup));
      // The balance the confirm check would use, if known; never a reason to fail the screen.
      const balanceC = product.live ? await s.balance(false).then((b) => b.balanceC, () => null) : null;
      return withBalanceCaps(product, balanceC, s.ledger);
    },
    'account:balance': async ({ refresh }) => reach(() => s.balance(refresh ?? false)),
    'sales:confirm': async (input) => {
      const status = s.status();
      if (!status.canSell) throw new AppError('NOT_ALLOWED', status.cannotSellReason ?? 'Selling is not possible now');
      const session = s.keySession();
      const who = s.session.require('cashier');
      // No float typed, no sale: the drawer's count would start from a guess (issue 13).
      const shift = s.shifts.requireOpen();
      const row = await reach(() =>
        confirmSale(input, {
          ledger: s.ledger,
          catalog: s.catalog,
          settings: s.settings.get(),
          mode: session.effectiveMode,
          keyId: session.keyId,
          now: s.now(),
          cashier: { id: who.id, name: who.name },
          shiftId: shift.id,
          balanceC: async () => (await s.balance(true)).balanceC,
        }),
      );
      s.saleChanged(row);
      s.engine().kick();
      return toSaleDto(row, s.ledger);
    },
    'sales:get': async ({ saleId }) => toSaleDto(sale(saleId), s.ledger),
    'sales:list': async ({ states, limit }) => {
      const cashierId = ownSalesFilter(s.session.require('cashier', { touch: false }));
      const rows =
        cashierId !== undefined
          ? searchSales(s.ledger, { states, cashierId, limit: limit ?? (states ? 200 : 50) })
          : states
            ? s.ledger.byStates(states, limit ?? 200)
            : s.ledger.recent(limit ?? 50);
      return rows.map((r) => toSaleDto(r, s.ledger));
    },
    'sales:cancel': async ({ saleId }) => {
      const row = sale(saleId);
      if (row.state !== 'QUEUED' && row.state !== 'EXPIRED') {
        throw new AppError('INVALID_STATE', 'Only a sale that has not been sent can be cancelled', { state: row.state });
      }
      // Another cashier's sale was already NOT_FOUND above: only its maker or the owner gets here.
      const next = s.transition(row, ['QUEUED', 'EXPIRED'], 'CANCELLED', { finished_at: s.now() }, 'cancelled');
      return toSaleDto(next, s.ledger);
    },
    'sales:sendNow': async ({ saleId }) => {
      const row = sale(saleId);
      if (row.state !== 'EXPIRED' && row.state !== 'QUEUED') {
        throw new AppError('INVALID_STATE', 'Only a waiting sale can be sent now', { state: row.state });
      }
      const expiresAt = s.now() + s.settings.get().queueExpiryMinutes * 60_000;
      const next = s.transition(row, ['EXPIRED', 'QUEUED'], 'QUEUED', { expires_at: expiresAt, next_attempt_at: 0 }, 'send-now');
      s.engine().kick();
      return toSaleDto(next, s.ledger);
    },
    'sales:receipt': async ({ saleId }) => receipt(saleId),
    'sales:print': async ({ saleId }) => {
      if (!s.printer) throw new AppError('NOT_SUPPORTED', 'This till prints through the browser');
      const { html } = await receipt(saleId);
      const settings = s.settings.get();
      const printed = await s.printer.print(html, { widthMm: settings.paperWidthMm, printerName: settings.printerName, silent: settings.silentPrint });
      if (printed) {
        const row = sale(saleId);
        s.ledger.touch(saleId, { print_count: row.print_count + 1 });
        s.ledger.addEvent(saleId, 'printed', null);
      }
      return { printed };
    },
    'sales:savePdf': async ({ saleId }) => {
      if (!s.printer) throw new AppError('NOT_SUPPORTED', "This till saves PDFs through the browser's print dialog");
      const { html, paperWidthMm } = await receipt(saleId);
      const file = await s.printer.savePdf(html, { widthMm: paperWidthMm, defaultName: `recu-${saleId}.pdf` });
      if (file) s.ledger.addEvent(saleId, 'saved-pdf', null);
      return { saved: file !== null };
    },
    'settings:get': async () => s.settings.get(),
    'settings:update': async (patch) => {
      const next = s.settings.update(patch);
      s.gate.setRate(next.apiRequestsPerMinute);
      s.statusChanged();
      return next;
    },
    'apiKey:set': async ({ key }) => s.setApiKey(key),
    'apiKey:clear': async () => s.clearApiKey(),
  };
}

