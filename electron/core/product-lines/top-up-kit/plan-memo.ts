import type { OneClickDzClient } from '../../provider/client';

/**
 * A line's plan list read once for every use within `ttlMs`: opening the operator's screen, the
 * confirmation and the check before a queued sale is sent all want it within seconds, and the
 * provider says plans rarely change. Kept per client (a new key reads afresh), never across keys.
 */
export function memoPerClient<T>(ttlMs: number, read: (api: OneClickDzClient) => Promise<T>): (api: OneClickDzClient) => Promise<T> {
  const memo = new WeakMap<OneClickDzClient, { at: number; value: Promise<T> }>();
  return (api) => {
    const hit = memo.get(api);
    const now = Date.now();
    if (hit && now - hit.at < ttlMs && now >= hit.at) return hit.value;
    const value = read(api);
    memo.set(api, { at: now, value });
    // A failed read is not remembered: the next caller asks again.
    value.catch(() => {
      if (memo.get(api)?.value === value) memo.delete(api);
    });
    return value;
  };
}
