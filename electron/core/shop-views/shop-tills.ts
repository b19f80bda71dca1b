import type { ShopReader } from './shop-reader';

export interface ShopTill {
  id: string;
  name: string;
  lastPushAt: string | null;
  unpushed: number | null;
  current: boolean;
}

/**
 * The shop's tills for the owner's till picker, with when the server last heard from each. How
 * many changes another till holds unpushed is not known here (it may be offline): null; this
 * till's own count comes from its outbox.
 */
export async function listShopTills(reader: ShopReader, own: { tillId: string; pending: () => number }): Promise<ShopTill[]> {
  const rows = await reader.select<{ till_id: string; name: string; last_push_at: Date | null }>(
    'SELECT till_id, name, last_push_at FROM tills ORDER BY name, till_id',
  );
  return rows.map((r) => ({
    id: r.till_id,
    name: r.name,
    lastPushAt: r.last_push_at === null ? null : new Date(r.last_push_at).toISOString(),
    unpushed: r.till_id === own.tillId ? own.pending() : null,
    current: r.till_id === own.tillId,
  }));
}

/**
 * How a shop-wide report names a till from its id: one read of the shop's `tills`, then a lookup
 * per row (a till not listed, which the foreign keys forbid, would be shown by its id).
 */
export async function tillNamer(reader: ShopReader): Promise<(id: string) => { id: string; name: string }> {
  const tills = await reader.select<{ till_id: string; name: string }>('SELECT till_id, name FROM tills');
  const names = new Map(tills.map((t) => [t.till_id, t.name]));
  return (id) => ({ id, name: names.get(id) ?? id });
}
