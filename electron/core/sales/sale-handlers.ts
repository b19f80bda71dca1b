import type { CommandHandlers } from '../../../shared/contract';
import type { AppStatus } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { Reach } from '../provider/reach';
import type { CatalogService } from '../catalog/catalog-service';
import { searchSales } from '../ledger/sales-search';
import type { KeySession } from '../provider/key-session';
import type { SettingsService } from '../settings/settings-service';
import type { ShiftService } from '../shifts/shift-service';
import type { ProductLines } from '../product-lines/registry';
import { confirmSale } from './confirm-sale';
import { newSaleRef } from './sale-ref';
import { ownSalesFilter, requireVisibleSale, type SaleAccessDeps } from './sale-access';
import { toSaleDto } from './sale-dto';
import type { SaleMoves } from './sale-moves';

type SaleCommands = 'sales:confirm' | 'sales:get' | 'sales:list' | 'sales:cancel' | 'sales:sendNow';

export interface SaleHandlerDeps extends SaleAccessDeps {
  /** Each sale is checked by its product line (product-lines/). */
  lines: ProductLines;
  catalog: CatalogService;
  settings: SettingsService;
  shifts: ShiftService;
  moves: SaleMoves;
  status: () => AppStatus;
  keySession: () => KeySession;
  /** The balance read now (the confirm check must not trust an old figure). */
  freshBalanceC: () => Promise<number>;
  reach: Reach;
  kickEngine: () => void;
  now: () => number;
}

/** Confirming a sale, and what the cashier can do with one that was not sent yet. */
export function saleHandlers(s: SaleHandlerDeps): Pick<CommandHandlers, SaleCommands> {
  /** A sale the signed-in person may see (the own-sales rule); any other is NOT_FOUND. */
  const sale = (id: number) => requireVisibleSale(s, id).row;

  return {
    'sales:confirm': async (input) => {
      const status = s.status();
      if (!status.canSell) throw new AppError('NOT_ALLOWED', status.cannotSellReason ?? 'Selling is not possible now');
      const session = s.keySession();
      const who = s.session.require('cashier');
      // No float typed, no sale: the drawer's count would start from a guess (issue 13).
      const shift = s.shifts.requireOpen();
      const row = await s.reach(() =>
        confirmSale(input, {
          ledger: s.ledger,
          lines: s.lines,
          catalog: s.catalog,
          settings: s.settings.get(),
          mode: session.effectiveMode,
          keyId: session.keyId,
          now: s.now(),
          cashier: { id: who.id, name: who.name },
          shiftId: shift.id,
          balanceC: s.freshBalanceC,
          client: () => s.keySession().client,
          newRef: () => newSaleRef(s.now()),
        }),
      );
      s.moves.changed(row);
      s.kickEngine();
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
      const next = s.moves.move(row, ['QUEUED', 'EXPIRED'], 'CANCELLED', { finished_at: s.now() }, 'cancelled');
      return toSaleDto(next, s.ledger);
    },
    'sales:sendNow': async ({ saleId }) => {
      const row = sale(saleId);
      if (row.state !== 'EXPIRED' && row.state !== 'QUEUED') {
        throw new AppError('INVALID_STATE', 'Only a waiting sale can be sent now', { state: row.state });
      }
      const expiresAt = s.now() + s.settings.get().queueExpiryMinutes * 60_000;
      const next = s.moves.move(row, ['EXPIRED', 'QUEUED'], 'QUEUED', { expires_at: expiresAt, next_attempt_at: 0 }, 'send-now');
      s.kickEngine();
      return toSaleDto(next, s.ledger);
    },
  };
}
