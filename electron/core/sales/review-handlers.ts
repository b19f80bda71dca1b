import type { CommandHandlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { CandidateOwner, ReviewCandidate } from '../../../shared/sale-review';
import type { Ledger, SaleRow } from '../ledger/ledger';
import type { LineOrder } from '../product-lines/product-line';
import type { ProductLines } from '../product-lines/registry';
import type { KeySession } from '../provider/key-session';
import { storedCandidates } from './review-candidates';
import { requireSale } from './sale-access';
import { toSaleDto } from './sale-dto';
import type { SaleMoves } from './sale-moves';
import type { SenderGuard } from './sender-guard';

export interface ReviewDeps {
  ledger: Ledger;
  lines: ProductLines;
  keySession: () => KeySession;
  moves: Pick<SaleMoves, 'tryMove'>;
  /** The shop's owners of provider orders (a till alone: its own ledger, singleTillGuard). */
  guard: Pick<SenderGuard, 'owned' | 'claim'>;
  /** An adopted order is read for its codes by the sale engine's poller: wake it. */
  kickEngine: () => void;
  now: () => number;
}

const reviewRefused = (code: 'INVALID_STATE' | 'INVALID_INPUT' | 'SHOP_UNREACHABLE', reason: string, message: string, saleId: number) =>
  new AppError(code, message, { reason, saleId });

const shopUnreachable = (saleId: number) => reviewRefused('SHOP_UNREACHABLE', 'SHOP_UNREACHABLE', 'The shop’s shared ledger did not answer', saleId);

/**
 * The owner's decision on a sale flagged for review (NEEDS_REVIEW): its answer was lost and
 * several provider orders could be the one it created. The owner sees the candidates as the
 * provider lists them now and which are already some sale's, then gives the sale one of them (it
 * is claimed shop-wide first, as the engine claims an order it recovers, then read for its codes
 * by the poller), or says none is its order: the sale is cancelled and its whole price is owed back.
 *
 * Decisions are taken one at a time: two screens choosing two different orders for one sale would
 * otherwise both claim, and the loser's claim would keep an order from its real sale for good.
 */
export function reviewHandlers(s: ReviewDeps): Pick<CommandHandlers, 'sales:reviewCandidates' | 'sales:adoptCandidate' | 'sales:dismissReview'> {
  let decisions: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(decide: () => Promise<T>): Promise<T> => {
    const next = decisions.then(decide, decide);
    decisions = next.catch(() => undefined);
    return next;
  };

  const inReview = (saleId: number): SaleRow => {
    const row = requireSale(s.ledger, saleId);
    if (row.state !== 'NEEDS_REVIEW') {
      throw new AppError('INVALID_STATE', 'This sale is not waiting for a review', { reason: 'NOT_IN_REVIEW', saleId, state: row.state });
    }
    return row;
  };

  /** The active key is the sale's: another key's account does not hold its orders. */
  const sameKey = (row: SaleRow): boolean => s.keySession().keyId === row.key_id;

  const readOrder = async (row: SaleRow, orderId: string): Promise<LineOrder | null> => {
    if (!sameKey(row)) return null;
    try {
      return await s.lines.get(row.line).readOrder(s.keySession().client, orderId);
    } catch {
      return null; // unreachable, or the provider does not list it (any more): shown as unknown
    }
  };

  /**
   * Who owns each candidate: 'taken' by another sale (this till's ledger first, then the shop's
   * owners), 'this-sale' when the sale itself already claimed it (an adoption cut short between its
   * claim and its move: a crash, or the claim's answer lost), 'unknown' while the shop's server is away.
   */
  const owners = async (row: SaleRow, ids: string[]): Promise<Map<string, CandidateOwner>> => {
    const byAnySale = ids.length > 0 ? await s.guard.owned(ids) : new Set<string>();
    const byOthers = ids.length > 0 && byAnySale !== 'unreachable' && byAnySale.size > 0 ? await s.guard.owned(ids, row.id) : byAnySale;
    const local = (id: string) => s.ledger.isKnownOrderId(id) && row.order_id !== id;
    const ownerOf = (id: string): CandidateOwner => {
      if (local(id)) return 'taken';
      if (byAnySale === 'unreachable' || byOthers === 'unreachable') return 'unknown';
      if (byOthers.has(id)) return 'taken';
      return byAnySale.has(id) ? 'this-sale' : 'free';
    };
    return new Map(ids.map((id) => [id, ownerOf(id)]));
  };

  /**
   * Every candidate's owner, read once for a decision; refuses when nobody can say. The order the
   * sale already claimed, if any, is the only decision left: its claim stands for good
   * (order_owners is append only).
   */
  const decisionOwners = async (row: SaleRow, ids: string[]): Promise<{ owner: Map<string, CandidateOwner>; held: string | null }> => {
    const owner = await owners(row, ids);
    if ([...owner.values()].includes('unknown')) throw shopUnreachable(row.id);
    return { owner, held: ids.find((id) => owner.get(id) === 'this-sale') ?? null };
  };

  const heldRefusal = (saleId: number, orderId: string) =>
    new AppError('INVALID_STATE', `This sale already holds order ${orderId}: give it that one`, { reason: 'HELD_FOR_SALE', saleId, orderId });

  return {
    'sales:reviewCandidates': async ({ saleId }) => {
      const row = inReview(saleId);
      const ids = storedCandidates(row);
      const owner = await owners(row, ids);
      const candidates: ReviewCandidate[] = [];
      for (const orderId of ids) {
        const o = await readOrder(row, orderId);
        candidates.push({
          orderId,
          owner: owner.get(orderId) ?? 'unknown',
          // Status, time and counts only: the order's codes never leave the main process here.
          provider: o && {
            status: o.status,
            time: o.time?.slice(0, 40) ?? null,
            quantity: o.quantity,
            deliveredQuantity: o.deliveredQuantity,
            chargedC: o.fulfilledAmountC,
          },
        });
      }
      return { saleId, candidates };
    },

    'sales:adoptCandidate': ({ saleId, orderId }) =>
      oneAtATime(async () => {
        const row = inReview(saleId);
        const candidates = storedCandidates(row);
        if (!candidates.includes(orderId)) {
          throw reviewRefused('INVALID_INPUT', 'NOT_A_CANDIDATE', 'This order is not one of the sale’s candidates', saleId);
        }
        if (!sameKey(row)) {
          throw reviewRefused('INVALID_STATE', 'OTHER_KEY', 'The sale was made with another API key than the active one', saleId);
        }
        const { owner, held } = await decisionOwners(row, candidates);
        if (held !== null && held !== orderId) throw heldRefusal(saleId, held);
        if (owner.get(orderId) === 'taken') {
          throw reviewRefused('INVALID_STATE', 'ORDER_TAKEN', 'Another sale already owns this order', saleId);
        }
        // The line matched it to the sale when it stored the candidates; the provider must still
        // answer for it under this key (a read error is the cashier's API message), before any claim.
        const order = await s.lines.get(row.line).readOrder(s.keySession().client, orderId);
        // Claimed before adopted, as the engine does: another till taking it at the same moment wins or loses here.
        const claimed = await s.guard.claim(orderId, row.id, row.line);
        if (claimed === 'unreachable') throw shopUnreachable(saleId);
        if (claimed === 'other') throw reviewRefused('INVALID_STATE', 'ORDER_TAKEN', 'Another sale already owns this order', saleId);
        const next = s.moves.tryMove(
          row,
          ['NEEDS_REVIEW'],
          'PLACED',
          {
            order_id: orderId,
            placed_at: s.now(),
            last_checked_at: null,
            reconcile_started_at: null,
            reason_code: null,
            reason_message: null,
            // A top-up is filed under the provider's ref, which its receipt prints.
            provider_ref: order.providerRef ?? row.provider_ref,
          },
          'review-adopted',
          orderId,
        );
        if (!next) throw new AppError('INVALID_STATE', 'The sale changed meanwhile; look at it again', { reason: 'NOT_IN_REVIEW', saleId });
        s.kickEngine();
        return toSaleDto(next, s.ledger);
      }),

    'sales:dismissReview': ({ saleId }) =>
      oneAtATime(async () => {
        const row = inReview(saleId);
        // A sale that claimed one of its candidates owns it for good: cancelled, it would keep that
        // order from every other sale, its charge from every report.
        const { held } = await decisionOwners(row, storedCandidates(row));
        if (held !== null) throw heldRefusal(saleId, held);
        // None of the candidates is its order: nothing was bought for it, its whole price goes back.
        const next = s.moves.tryMove(row, ['NEEDS_REVIEW'], 'CANCELLED', { finished_at: s.now() }, 'review-none');
        if (!next) throw new AppError('INVALID_STATE', 'The sale changed meanwhile; look at it again', { reason: 'NOT_IN_REVIEW', saleId });
        return toSaleDto(next, s.ledger);
      }),
  };
}
