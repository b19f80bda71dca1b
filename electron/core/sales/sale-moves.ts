import type { ConnectionState, SaleState } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import { StaleStateError, type Card, type Ledger, type SaleRow } from '../ledger/ledger';
import type { Emit } from '../platform/event-bus';
import { toSaleDto } from './sale-dto';

type Patch = Parameters<Ledger['transition']>[3];

/**
 * The one way a sale changes state, for the sale engine and for the commands alike: a guarded
 * ledger transition (it happens only from the expected states, committed before what follows),
 * then `sales:changed` and the queue count for every screen.
 */
export class SaleMoves {
  constructor(private readonly d: { ledger: Ledger; emit: Emit; connection: () => ConnectionState }) {}

  /** Tells the screens a sale changed (its new face, and how many sales wait in the queue). */
  changed(row: SaleRow): void {
    this.d.emit('sales:changed', toSaleDto(row, this.d.ledger));
    this.d.emit('connection:changed', { state: this.d.connection(), queued: this.queued() });
  }

  /** Sales waiting to be sent (queued, or expired and waiting for the cashier). */
  queued(): number {
    return this.d.ledger.countByStates(['QUEUED', 'EXPIRED']);
  }

  /** The engine's move: null when the sale was moved meanwhile by someone else (nothing to do). */
  tryMove(row: SaleRow, from: readonly SaleState[], to: SaleState, patch: Patch, event: string, detail?: string, cards?: Card[]): SaleRow | null {
    try {
      const next = this.d.ledger.transition(row.id, from, to, patch, event, detail, cards);
      this.changed(next);
      return next;
    } catch (e) {
      if (e instanceof StaleStateError) return null;
      throw e;
    }
  }

  /** A command's move: the cashier is told when the sale changed meanwhile (two clicks, two screens). */
  move(row: SaleRow, from: readonly SaleState[], to: SaleState, patch: Patch, event: string): SaleRow {
    const next = this.tryMove(row, from, to, patch, event);
    if (next) return next;
    const actual = this.d.ledger.get(row.id)?.state;
    throw new AppError('INVALID_STATE', 'The sale changed meanwhile; look at it again', { state: actual });
  }
}
