import type { EventPayload } from '../../../shared/contract';
import type { Ledger } from '../ledger/ledger';
import type { EventListener } from '../platform/ports';
import type { SessionManager } from '../staff/session';
import { maySeeCost, saleWithoutCost } from './cost-visibility';
import { maySeeSale } from './sale-access';

/**
 * Wraps a renderer-facing listener (the IPC window, the HTTP event stream) so that what it hears
 * is tied to the person signed in at delivery: a sale reaches it only if they may see that sale
 * (the own-sales rule, sale-access.ts), and nothing about sales while nobody is signed in.
 */
export function visibleEvents(listener: EventListener, d: { ledger: Ledger; session: SessionManager }): EventListener {
  const maySeeSaleNow = (saleId: number): boolean => {
    const row = d.ledger.get(saleId);
    return row !== null && maySeeSale(d.session.active(), row);
  };
  return (name, payload) => {
    if (name === 'sales:changed' && !maySeeSaleNow((payload as EventPayload<'sales:changed'>).id)) return;
    // A sale's cost reaches the owner only (cost-visibility.ts).
    if (name === 'sales:changed' && !maySeeCost(d.session.active())) {
      listener(name, saleWithoutCost(payload as EventPayload<'sales:changed'>) as EventPayload<typeof name>);
      return;
    }
    listener(name, payload);
  };
}
