import type pg from 'pg';
import type { Settings } from '../../../shared/domain';
import type { ViewScope } from '../../../shared/shop';
import { AppError } from '../../../shared/result';
import type { SessionManager } from '../staff/session';
import { poolReader, type ShopReader } from './shop-reader';
import type { ReconcileDeps } from '../reports/reconcile-day';

/** What the shop-wide views need of the till's shared ledger (shared-ledger/shared-ledger.ts). */
export interface SharedLedgerView {
  readonly pool: pg.Pool;
  readonly tillId: string;
  pending(): number;
}

/** What the shop's reconciliation needs of this till: the provider's side, and which orders its own ledger knows. */
export type ShopReconcileDeps = Pick<ReconcileDeps, 'lines' | 'keySession'> & { isKnownHere(orderId: string): boolean };

export interface ShopViewDeps {
  /** Absent when the till is not joined to a shop's server (no POS_DATABASE_URL). */
  shared?: SharedLedgerView;
  session: SessionManager;
  /** The provider's side of the shop's reconciliation, read with this till's key. */
  reconcile: ShopReconcileDeps;
  /** Shop name, language and paper of the printed reports (this till's settings). */
  settings: () => Settings;
}

/** Where a shop-scope question is answered: the shop's server, maybe narrowed to one till. */
export interface ShopScope {
  reader: ShopReader;
  tillId?: string;
  /** This till's id (shop:tills marks it, the views say which rows are this till's). */
  ownTillId: string;
}

/**
 * The scope a command asked for: null for this till's own ledger (the default), else the shop's
 * server. Shop scope is the owner's (every cashier's sales of every till), and exists only on a
 * till joined to a shop; the contract already refused a tillId without scope 'shop'.
 */
export function resolveScope(input: { scope?: ViewScope; tillId?: string }, deps: ShopViewDeps): ShopScope | null {
  if (input.scope !== 'shop') return null;
  deps.session.require('owner');
  if (!deps.shared) throw new AppError('NOT_SUPPORTED', 'This till is not joined to a shop: there is no shop-wide view', { reason: 'NO_SHARED_LEDGER' });
  return { reader: poolReader(deps.shared.pool), tillId: input.tillId, ownTillId: deps.shared.tillId };
}
