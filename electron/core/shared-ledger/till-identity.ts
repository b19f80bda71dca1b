import { randomUUID } from 'node:crypto';
import type { Ledger } from '../ledger/ledger';

export interface TillIdentity {
  /** Made once, kept in the till's own ledger: its sales are pushed under it. */
  id: string;
  /** What the cashier and the owner call this counter ("Caisse 1"). */
  name: string;
}

export const TILL_NAME_MAX = 40;

/**
 * The till's identity lives in its ledger file (kv), not beside it: the journal and the name its
 * rows were pushed under travel together (a backup restored on this machine keeps both).
 */
export function tillIdentity(ledger: Ledger): TillIdentity {
  let id = ledger.kvGet('till_id');
  if (!id) {
    id = randomUUID();
    ledger.kvSet('till_id', id);
  }
  return { id, name: ledger.kvGet('till_name') ?? `Caisse ${id.slice(0, 4).toUpperCase()}` };
}

/** Renames the counter (trimmed, bounded, printable): shown in the header and the shop's reports. */
export function renameTill(ledger: Ledger, name: string): string {
  const clean = name.replace(/[\p{C}]/gu, '').trim();
  if (clean === '' || clean.length > TILL_NAME_MAX) throw new RangeError(`a till's name is 1 to ${TILL_NAME_MAX} characters`);
  ledger.kvSet('till_name', clean);
  return clean;
}

/** The till's name when it is one counter of a shop (its ledger is pushed to a shared one), else null. */
export function sharedTillName(ledger: Ledger): string | null {
  return ledger.kvGet('outbox') === 'on' ? tillIdentity(ledger).name : null;
}
