import { afterEach, describe, expect, it } from 'vitest';
import { RateGate } from '../../electron/core/provider/rate-gate';
import { ShopRateGate } from '../../electron/core/shared-ledger/shop-rate-gate';
import { pgServersDisposedAfterEach } from './helpers/pg-server';
import { pollUntil } from './helpers/pg-processes';
import { SharedTills, type SharedTill } from './helpers/shared-tills';

/**
 * The shop's request budget on a real PostgreSQL (shop-rate-gate.ts): tills taking turns from one
 * sequence per key, spaced by the shop's rate; pacing alone at their share when the server is gone;
 * a 429 at one till holding back every till. Times are measured, never slept for.
 */
const startServer = pgServersDisposedAfterEach();
let tills: SharedTills | null = null;
afterEach(async () => {
  await tills?.end();
  tills = null;
});

const KEY = 'shop-key-fingerprint';

function gateOf(till: SharedTill, perMinute: number, more: Partial<ConstructorParameters<typeof ShopRateGate>[0]> = {}): ShopRateGate {
  return new ShopRateGate({ pool: till.pool, joined: () => true, keyId: () => KEY, perMinute: () => perMinute, ...more });
}

/** The shop's spacing at `perMinute`, in ms (RateGate's 5 % margin below the setting). */
const intervalMs = (perMinute: number) => 60_000 / Math.floor(perMinute * RateGate.MARGIN);

describe('the shop request budget', () => {
  it('spaces the requests of four tills on one key by the shop rate, whichever till takes the turn', async () => {
    tills = new SharedTills(await startServer());
    const four = await tills.register(4);
    const perMinute = 1200;
    const gates = four.map((t) => gateOf(t, perMinute));
    const perGate = 8;
    const start = Date.now();
    const at: number[] = [];
    await Promise.all(
      gates.map(async (g) => {
        for (let i = 0; i < perGate; i++) {
          await g.take();
          at.push(Date.now());
        }
      }),
    );
    at.sort((a, b) => a - b);
    const step = intervalMs(perMinute);
    // The j-th turn of the shop starts no earlier than j intervals after the first could (2 ms:
    // the clock's and timers' granularity).
    for (const [j, t] of at.entries()) expect(t - start, `turn ${j}`).toBeGreaterThanOrEqual(j * step - 2);
    // And the shop uses its budget: the last turn comes about when the spacing says, not much later.
    expect(at.at(-1)! - start).toBeLessThan((at.length - 1) * step + 1_000);
  });

  it('keeps a key the shop does not share (training) and a till not joined yet off the server', async () => {
    tills = new SharedTills(await startServer());
    const [a] = await tills.register(1);
    const training = gateOf(a!, 600, { keyId: () => null });
    const notJoined = gateOf(a!, 600, { joined: () => false });
    for (let i = 0; i < 3; i++) {
      await training.take();
      await notJoined.take();
    }
    const rows = await a!.pool.query<{ n: number }>('SELECT count(*)::bigint AS n FROM shop_request_slots');
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('paces alone at its share of the shop rate when the server is gone, without waiting on it', async () => {
    const server = await startServer();
    tills = new SharedTills(server);
    const four = await tills.register(4);
    const gate = gateOf(four[0]!, 600, { answerWithinMs: 500 });
    await gate.take(); // also reads how many tills the shop has
    await pollUntil(() => gate.aloneRate === 150, 'the tills counted', 5_000);
    await server.stop();
    const start = Date.now();
    const at: number[] = [];
    for (let i = 0; i < 5; i++) {
      await gate.take();
      at.push(Date.now() - start);
    }
    // 600 a minute over 4 tills = 150, less 5 % = 142 a minute: 2 a second, so the 3rd and 5th wait a second each.
    expect(at[1]!).toBeLessThan(2_500); // the server's refusal (or the deadline) then at once
    expect(at[2]! - at[0]!).toBeGreaterThanOrEqual(999);
    expect(at[4]! - at[2]!).toBeGreaterThanOrEqual(999);
  });

  it('holds every till back after one till is told 429', async () => {
    tills = new SharedTills(await startServer());
    const [a, b] = await tills.register(2);
    const ga = gateOf(a!, 6000);
    const gb = gateOf(b!, 6000);
    await gb.take(); // the key's row exists
    const pausedAt = Date.now();
    ga.pauseFor(1_500);
    await ga.settled();
    const start = Date.now();
    await gb.take();
    expect(Date.now() - start).toBeGreaterThanOrEqual(1_500 - 50); // less the round trip that carried the pause
    // The till told 429 waits out its own pause too.
    await ga.take();
    expect(Date.now() - pausedAt).toBeGreaterThanOrEqual(1_500 - 2);
  });
});
