import type pg from 'pg';

/**
 * A real pool on a real server, except that the next `times` queries whose text matches `when`
 * fail with `error()` before reaching it: how a test makes one statement meet a moment the server
 * could not be asked (or answered an error) while everything else of the till goes on for real.
 */
export function poolFailing(pool: pg.Pool, o: { when: RegExp; times: number; error: () => Error; afterSeen?: RegExp }): pg.Pool & { readonly failed: number } {
  let failed = 0;
  // With afterSeen, only once a query matching it has gone through (e.g. the unmark after a mark).
  let armed = !o.afterSeen;
  const query = (text: unknown, ...rest: unknown[]) => {
    if (!armed && typeof text === 'string' && o.afterSeen!.test(text)) armed = true;
    else if (armed && failed < o.times && typeof text === 'string' && o.when.test(text)) {
      failed++;
      return Promise.reject(o.error());
    }
    return (pool.query as (...args: unknown[]) => unknown)(text, ...rest);
  };
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'query') return query;
      if (prop === 'failed') return failed;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as pg.Pool & { readonly failed: number };
}

/** An error shaped as pg's for a connection that ended: the till reads it as "the server could not be asked". */
export const connectionEnded = () => new Error('Connection terminated unexpectedly');
