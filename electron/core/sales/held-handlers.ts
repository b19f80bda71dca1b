import type { CommandHandlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { Ledger } from '../ledger/ledger';
import type { SettingsService } from '../settings/settings-service';
import { requireSale } from './sale-access';
import { COST_ACCEPTED } from './sale-engine';
import { toSaleDto } from './sale-dto';
import type { SaleMoves } from './sale-moves';

export interface HeldSaleDeps {
  ledger: Ledger;
  settings: SettingsService;
  moves: SaleMoves;
  kickEngine: () => void;
  now: () => number;
}

/**
 * The owner's decision on a queued sale whose provider cost rose above what the customer paid
 * (AWAITING_OWNER, set by the sale engine just before sending): send it anyway at a loss, or
 * cancel it, which gives the refund slip (the whole price back to the customer). Owner only
 * (commands/access.ts); both are guarded transitions, so two clicks or two screens cannot act twice.
 */
export function heldSaleHandlers(s: HeldSaleDeps): Pick<CommandHandlers, 'sales:sendAnyway' | 'sales:cancelHeld'> {
  const held = (saleId: number) => {
    const row = requireSale(s.ledger, saleId);
    if (row.state !== 'AWAITING_OWNER') {
      throw new AppError('INVALID_STATE', 'This sale is not waiting for the owner', { state: row.state });
    }
    return row;
  };
  return {
    'sales:sendAnyway': async ({ saleId }) => {
      const row = held(saleId);
      const expiresAt = s.now() + s.settings.get().queueExpiryMinutes * 60_000;
      const next = s.moves.move(
        row,
        ['AWAITING_OWNER'],
        'QUEUED',
        { reason_code: COST_ACCEPTED, reason_message: `Owner accepted the cost ${row.unit_cost_c}`, expires_at: expiresAt, next_attempt_at: 0 },
        'owner-send-anyway',
      );
      s.kickEngine();
      return toSaleDto(next, s.ledger);
    },
    'sales:cancelHeld': async ({ saleId }) => {
      const row = held(saleId);
      const next = s.moves.move(row, ['AWAITING_OWNER'], 'CANCELLED', { finished_at: s.now() }, 'owner-cancelled');
      return toSaleDto(next, s.ledger);
    },
  };
}
