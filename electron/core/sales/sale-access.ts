import { AppError } from '../../../shared/result';
import type { Ledger, SaleRow } from '../ledger/ledger';
import type { SettingsService } from '../settings/settings-service';
import type { ActiveCashier, SessionManager } from '../staff/session';

/** What the own-sales rule reads: who is signed in, and the sale. */
export interface SaleAccessDeps {
  session: SessionManager;
  ledger: Ledger;
}

/** The code-access rule also reads the reprint window and the time. */
export interface CodeAccessDeps extends SaleAccessDeps {
  settings: SettingsService;
  now: () => number;
}

/**
 * The own-sales rule, in one place: the owner sees every sale; a cashier sees only the sales they
 * made (by cashier id, not by name: a renamed or re-used name must not open anyone else's sales).
 * Sales nobody at the till made (adopted from the provider, or made before cashiers existed) are
 * the owner's alone. History search, the sale list, a sale's detail and timeline, every action on a
 * sale and the `sales:changed` event all apply this same function.
 */
export function maySeeSale(who: ActiveCashier | null, row: Pick<SaleRow, 'cashier_id'>): boolean {
  if (!who) return false;
  return who.role === 'owner' || (row.cashier_id !== null && row.cashier_id === who.id);
}

/** The same rule as a query filter: undefined for the owner (everything), else the cashier's id. */
export function ownSalesFilter(who: ActiveCashier): number | undefined {
  return who.role === 'owner' ? undefined : who.id;
}

/** The sale a command names, or the NOT_FOUND error the cashier is shown. */
export function requireSale(ledger: Ledger, id: number): SaleRow {
  const row = ledger.get(id);
  if (!row) throw new AppError('NOT_FOUND', `Sale ${id} not found`, { saleId: id });
  return row;
}

/**
 * The sale a command names, if the signed-in person may see it. Another cashier's sale gets the
 * very same NOT_FOUND as a sale that does not exist, as history search simply leaves it out: a
 * cashier cannot even learn that a sale number is taken.
 */
export function requireVisibleSale(s: SaleAccessDeps, id: number): { row: SaleRow; who: ActiveCashier } {
  // The access guard (commands/access.ts) has already counted this call as activity, or chose not to.
  const who = s.session.require('cashier', { touch: false });
  const row = s.ledger.get(id);
  if (!row || !maySeeSale(who, row)) throw new AppError('NOT_FOUND', `Sale ${id} not found`, { saleId: id });
  return { row, who };
}

/**
 * Who may see a sale's codes (receipt, print, reveal, reprint): the owner always; a cashier only
 * for their own sale (others' do not exist for them, see above) and only within the window set in
 * settings after it finished, so a code cannot be fetched again later by someone else at the counter.
 */
export function requireCodeAccess(s: CodeAccessDeps, saleId: number): { row: SaleRow; who: ActiveCashier } {
  const found = requireVisibleSale(s, saleId);
  if (found.who.role === 'owner') return found;
  const windowMs = s.settings.get().reprintWindowMinutes * 60_000;
  const recent = s.now() - (found.row.finished_at ?? found.row.created_at) <= windowMs;
  if (!recent) throw new AppError('NOT_ALLOWED', 'Only the owner can do this for this sale', { reason: 'OWNER_ONLY' });
  return found;
}
