import { AppError } from '../../../shared/result';
import type { Ledger, SaleRow } from '../ledger/ledger';
import type { TillServices } from '../services';
import type { ActiveCashier } from '../staff/session';

/** The sale a command names, or the NOT_FOUND error the cashier is shown. */
export function requireSale(ledger: Ledger, id: number): SaleRow {
  const row = ledger.get(id);
  if (!row) throw new AppError('NOT_FOUND', `Sale ${id} not found`, { saleId: id });
  return row;
}

/**
 * Who may see a sale's codes (receipt, print, reveal, reprint): the owner always; a cashier only
 * for their own sale and only within the window set in settings after it finished, so a code
 * cannot be fetched again later by someone else at the counter.
 */
export function requireCodeAccess(s: TillServices, row: SaleRow): ActiveCashier {
  const who = s.session.require('cashier');
  if (who.role === 'owner') return who;
  const windowMs = s.settings.get().reprintWindowMinutes * 60_000;
  const own = row.cashier_id === who.id;
  const recent = s.now() - (row.finished_at ?? row.created_at) <= windowMs;
  if (!own || !recent) throw new AppError('NOT_ALLOWED', 'Only the owner can do this for this sale', { reason: 'OWNER_ONLY' });
  return who;
}
