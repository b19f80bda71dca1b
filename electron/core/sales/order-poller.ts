import type { SaleState } from '../../../shared/domain';
import type { OneClickDzClient } from '../provider/client';
import { isApiError } from '../provider/errors';
import type { Ledger, SaleRow } from '../ledger/ledger';
import type { LineOrder } from '../product-lines/product-line';
import { SALE_STATE_OF_ORDER } from './order-state';
import type { ProductLines } from '../product-lines/registry';
import type { SaleMoves } from './sale-moves';
import type { SaleTiming } from './timing';

/** What the poller needs of the engine's dependencies (sale-engine.ts passes its own). */
export interface PollerDeps {
  ledger: Ledger;
  lines: ProductLines;
  client: () => OneClickDzClient | null;
  now: () => number;
  timing: SaleTiming;
  moves: SaleMoves;
  onFinal: (row: SaleRow) => void;
  /** A read answered (or could not reach the provider): the engine's connection state follows. */
  noteReachable: (reachable: boolean) => void;
  authFailed: () => void;
}

/**
 * The sale engine's second lane: placed orders are read until the provider settles them. Most
 * settle in seconds (polled at the documented pace); a top-up the provider could not settle
 * (TO_VERIFY) and an internet card it queued are read on a slow schedule; several due at once are
 * settled by one read of the line's order list.
 */
export class OrderPoller {
  constructor(private readonly d: PollerDeps) {}

  /** States whose order is at the provider and still to be read. */
  static readonly POLLED: readonly SaleState[] = ['PLACED', 'TO_VERIFY'];

  private nextCheckAt(row: SaleRow): number {
    const t = this.d.timing;
    const placed = row.placed_at ?? row.created_at;
    if (row.last_checked_at === null) return placed + t.firstPollMs;
    // The provider settles these in hours, not seconds: a fast poll would only spend the budget.
    if (row.state === 'TO_VERIFY') return row.last_checked_at + (row.last_checked_at - placed < t.verifyForMs ? t.verifyPollMs : t.verifyLatePollMs);
    if (row.provider_status === 'QUEUED') return row.last_checked_at + t.queuedPollMs;
    const slow = row.last_checked_at - placed >= t.slowAfterMs;
    return row.last_checked_at + (slow ? t.slowPollMs : t.pollMs);
  }

  /** From this many due orders on, one read of the order list answers for all of them. */
  static readonly LIST_POLL_FROM = 3;

  /** One round: reads the orders due (in bulk when several), then says when the next is due. */
  async step(): Promise<number> {
    const client = this.d.client();
    if (!client || client.haltedBy) return this.d.timing.idleMs;
    const placed = this.d.ledger.byStates(OrderPoller.POLLED);
    const due = placed.filter((row) => this.nextCheckAt(row) <= this.d.now());
    let individually = due;
    if (due.length >= OrderPoller.LIST_POLL_FROM) individually = await this.checkByList(client, due);
    for (const row of individually) await this.check(client, row);
    let soonest = Infinity;
    for (const row of this.d.ledger.byStates(OrderPoller.POLLED)) soonest = Math.min(soonest, this.nextCheckAt(row));
    return soonest === Infinity ? this.d.timing.idleMs : Math.max(1, soonest - this.d.now());
  }

  /**
   * Draining a queue leaves many orders placed at once: one page of the line's order list (which
   * carries the codes) settles them all for the price of one request. Returns the rows the list
   * did not mention, to be checked one by one.
   */
  private async checkByList(client: OneClickDzClient, rows: SaleRow[]): Promise<SaleRow[]> {
    const missing: SaleRow[] = [];
    const byLine = new Map<string, SaleRow[]>();
    for (const row of rows) byLine.set(row.line, [...(byLine.get(row.line) ?? []), row]);
    for (const [line, lineRows] of byLine) {
      if (lineRows.length < OrderPoller.LIST_POLL_FROM) missing.push(...lineRows);
      else missing.push(...(await this.checkLineByList(client, line, lineRows)));
    }
    return missing;
  }

  private async checkLineByList(client: OneClickDzClient, line: string, rows: SaleRow[]): Promise<SaleRow[]> {
    const t = this.d.timing;
    const now = this.d.now();
    const from = Math.min(...rows.map((r) => r.sent_at ?? r.created_at)) - t.reconcileBeforeMs;
    let orders: LineOrder[];
    try {
      orders = await this.d.lines.get(line).listOrders(client, from, now + t.reconcileAfterMs, 10);
      this.d.noteReachable(true);
    } catch {
      return rows;
    }
    const byId = new Map(orders.map((o) => [o.orderId, o]));
    const missing: SaleRow[] = [];
    for (const row of rows) {
      const order = byId.get(row.order_id as string);
      if (order) this.apply(row, order, now);
      else missing.push(row);
    }
    return missing;
  }

  private async check(client: OneClickDzClient, row: SaleRow): Promise<void> {
    const now = this.d.now();
    let order: LineOrder;
    try {
      order = await this.d.lines.get(row.line).readOrder(client, row.order_id as string);
      this.d.noteReachable(true);
    } catch (e) {
      if (isApiError(e) && e.kind === 'unsent') this.d.noteReachable(false);
      if (isApiError(e) && e.kind === 'auth') this.d.authFailed();
      this.d.ledger.touch(row.id, { last_checked_at: now });
      return;
    }
    this.apply(row, order, now);
  }

  /**
   * Records what the provider says of a placed order: still handling; queued for later or not
   * settled (both said to the screens once, then checked slowly); or final with what it delivered.
   */
  private apply(row: SaleRow, order: LineOrder, now: number): void {
    const said = { provider_status: order.providerStatus ?? row.provider_status, provider_note: noteJson(order) ?? row.provider_note };
    const to = SALE_STATE_OF_ORDER[order.status];
    if (to === 'PLACED' || (to === 'TO_VERIFY' && row.state === 'TO_VERIFY')) {
      const news = said.provider_status !== row.provider_status && (order.status === 'QUEUED' || to === 'TO_VERIFY');
      if (news)
        this.d.moves.tryMove(
          row,
          [row.state],
          row.state,
          { ...said, last_checked_at: now },
          `provider-${order.status.toLowerCase()}`,
          said.provider_status ?? '',
        );
      else this.d.ledger.touch(row.id, { last_checked_at: now, provider_status: said.provider_status });
      return;
    }
    if (to === 'TO_VERIFY') {
      this.d.moves.tryMove(row, ['PLACED'], 'TO_VERIFY', { ...said, last_checked_at: now }, 'to-verify', said.provider_status ?? '');
      return;
    }
    const items = order.items.slice(0, row.quantity);
    // A line that delivers the service itself (a mobile top-up) counts what the provider says it did.
    const withoutCodes = !this.d.lines.has(row.line) || this.d.lines.get(row.line).deliversCodes ? 0 : Math.min(row.quantity, order.deliveredQuantity);
    const delivered = order.status === 'REFUNDED' ? 0 : Math.max(items.length, withoutCodes);
    const moved = this.d.moves.tryMove(
      row,
      OrderPoller.POLLED,
      to,
      { delivered_quantity: delivered, fulfilled_amount_c: order.fulfilledAmountC, finished_at: now, last_checked_at: now, ...said },
      order.status.toLowerCase(),
      `${delivered}/${row.quantity}`,
      items,
    );
    if (moved) this.d.onFinal(moved);
  }
}

/** What the provider said beside a status, as the ledger keeps it (JSON), or null when it said nothing. */
function noteJson(order: LineOrder): string | null {
  const note = order.note;
  if (!note || Object.keys(note).length === 0) return null;
  return JSON.stringify(note);
}
