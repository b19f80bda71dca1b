import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeCipher } from '../../electron/core/ledger/code-cipher';
import { Ledger } from '../../electron/core/ledger/ledger';
import { LOCK_STEPS_MS, MAX_ATTEMPTS, TILL_MAX_ATTEMPTS_PER_MIN } from '../../electron/core/staff/pin-guard';
import { SessionManager } from '../../electron/core/staff/session';
import { StaffRepo } from '../../electron/core/staff/staff-repo';
import { OWNER, startHarness, type Harness } from './helpers/core-harness';

/**
 * Attacks on the PIN screen by someone at the till (or on the same machine, through the browser
 * host). The hashes are counted, not timed: a guess that is refused without hashing costs nothing.
 */
const hashes = vi.hoisted(() => ({ verified: 0, hold: null as Promise<void> | null }));
vi.mock('../../electron/core/staff/pin-hash', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core/staff/pin-hash')>();
  return {
    ...real,
    verifyPin: async (pin: string, stored: string) => {
      hashes.verified++;
      if (hashes.hold) await hashes.hold;
      return real.verifyPin(pin, stored);
    },
  };
});

const MIN = 60_000;
let hx: Harness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await hx?.close();
  hx = undefined;
  hashes.hold = null;
  hashes.verified = 0;
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

/** A till on a real ledger file with a clock the test moves; `restart` opens the same file again. */
function tillOnDisk() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-staff-'));
  dirs.push(dir);
  const file = path.join(dir, 'ledger.sqlite');
  const cipher = new CodeCipher(randomBytes(32));
  const clock = { t: Date.UTC(2026, 10, 27, 9, 0) };
  const lockouts: number[] = [];
  const open = () => {
    const ledger = new Ledger(file, cipher, () => clock.t);
    const staff = new StaffRepo(ledger);
    const session = new SessionManager(
      staff,
      () => clock.t,
      () => 10 * MIN,
      () => {},
      (id) => lockouts.push(id),
    );
    return { ledger, staff, session };
  };
  const till = { clock, lockouts, ...open() };
  return {
    till,
    restart() {
      till.ledger.close();
      Object.assign(till, open());
    },
    close: () => till.ledger.close(),
  };
}

const reasonOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'rejected' ? (r.reason as { details?: { reason?: string } }).details?.reason : 'SIGNED_IN';

async function signedOutWithCashier(name = 'Amina', pin = '2468') {
  hx = await startHarness();
  const cashier = await hx.h['staff:add']({ name, role: 'cashier', pin });
  const owner = (await hx.h['session:get']({})).cashiers.find((c) => c.role === 'owner')!;
  await hx.h['session:logout']({});
  hashes.verified = 0;
  return { h: hx.h, owner, cashier };
}

describe('parallel PIN guesses', () => {
  it('lock the owner after five, hash no more than five, and refuse the right PIN that follows', async () => {
    const { h, owner } = await signedOutWithCashier();
    const guesses = Array.from({ length: 200 }, (_, i) => h['session:login']({ cashierId: owner.id, pin: String(5000 + i) }));
    const right = h['session:login']({ cashierId: owner.id, pin: OWNER.pin });
    const results = await Promise.allSettled([...guesses, right]);

    expect(hashes.verified).toBeLessThanOrEqual(MAX_ATTEMPTS);
    expect(reasonOf(results.at(-1)!)).toBe('LOCKED');
    const reasons = results.map(reasonOf);
    expect(reasons.filter((r) => r === 'WRONG_PIN')).toHaveLength(MAX_ATTEMPTS - 1);
    expect(reasons.filter((r) => r === 'LOCKED')).toHaveLength(results.length - (MAX_ATTEMPTS - 1));
    expect((await h['session:get']({})).cashier).toBeNull();
    // Still locked afterwards: the right PIN alone does not get in either.
    await expect(h['session:login']({ cashierId: owner.id, pin: OWNER.pin })).rejects.toMatchObject({ details: { reason: 'LOCKED' } });
  });

  it('let an honest cashier sign in while someone floods another name, without waiting behind the flood', async () => {
    const { h, owner, cashier } = await signedOutWithCashier();
    let answered = 0;
    const flood = Array.from({ length: 200 }, (_, i) =>
      h['session:login']({ cashierId: owner.id, pin: String(5000 + i) }).finally(() => {
        answered++;
      }),
    );
    let answeredWhenSignedIn = -1;
    const honest = h['session:login']({ cashierId: cashier.id, pin: '2468' }).then((s) => {
      answeredWhenSignedIn = answered;
      return s;
    });
    const [state] = await Promise.all([honest, Promise.allSettled(flood)]);
    expect(state.cashier?.name).toBe('Amina');
    // Before the fix, the 200 hashes ran first and the honest sign-in came last.
    expect(answeredWhenSignedIn).toBeLessThan(MAX_ATTEMPTS);
    expect(hashes.verified).toBeLessThanOrEqual(MAX_ATTEMPTS + 1);
  });

  it('going round the names meets a limit for the whole till, refused at once with its own reason', async () => {
    hx = await startHarness();
    const people = [];
    for (const name of ['Amina', 'Karim', 'Sofiane', 'Lina']) people.push(await hx.h['staff:add']({ name, role: 'cashier', pin: '2468' }));
    await hx.h['session:logout']({});
    hashes.verified = 0;
    const h = hx.h;
    const results = await Promise.allSettled(
      people.flatMap((p) => Array.from({ length: 50 }, (_, i) => h['session:login']({ cashierId: p.id, pin: String(7000 + i) }))),
    );
    expect(hashes.verified).toBeLessThanOrEqual(TILL_MAX_ATTEMPTS_PER_MIN);
    const throttled = results.filter((r) => reasonOf(r) === 'THROTTLED');
    expect(throttled.length).toBeGreaterThan(0);
    const details = (throttled[0] as PromiseRejectedResult).reason.details;
    expect(details.retryAfterMs).toBeGreaterThan(0);
    expect(details.retryAfterMs).toBeLessThanOrEqual(MIN);
  });
});

describe('lockouts', () => {
  it('grow longer each time, and a restart of the till forgets neither the lock nor the level', async () => {
    const t = tillOnDisk();
    const amina = await t.till.session.add('Amina', 'cashier', '2468');
    const lockOut = async () => {
      let last: unknown;
      for (let i = 0; i < MAX_ATTEMPTS; i++) last = await t.till.session.login(amina.id, '0000').catch((e: unknown) => e);
      return (last as { details: { reason: string; retryAfterMs: number } }).details;
    };
    expect(await lockOut()).toEqual({ reason: 'LOCKED', retryAfterMs: 5 * MIN });
    t.till.clock.t += 5 * MIN;
    expect(await lockOut()).toEqual({ reason: 'LOCKED', retryAfterMs: 15 * MIN });

    t.restart();
    t.till.clock.t += 10 * MIN;
    await expect(t.till.session.login(amina.id, '2468')).rejects.toMatchObject({ details: { reason: 'LOCKED', retryAfterMs: 5 * MIN } });
    t.till.clock.t += 5 * MIN;
    expect(await lockOut()).toEqual({ reason: 'LOCKED', retryAfterMs: 60 * MIN });

    t.restart();
    t.till.clock.t += 60 * MIN;
    expect(await lockOut()).toEqual({ reason: 'LOCKED', retryAfterMs: 240 * MIN });
    t.till.clock.t += 240 * MIN;
    expect(await lockOut()).toEqual({ reason: 'LOCKED', retryAfterMs: LOCK_STEPS_MS.at(-1) });

    // A right PIN does not reset the level; a day without a lockout does.
    t.till.clock.t += 240 * MIN;
    await t.till.session.login(amina.id, '2468');
    expect(await lockOut()).toEqual({ reason: 'LOCKED', retryAfterMs: 240 * MIN });
    t.till.clock.t += 240 * MIN + 24 * 60 * MIN;
    expect(await lockOut()).toEqual({ reason: 'LOCKED', retryAfterMs: 5 * MIN });
    t.close();
  });

  it('count a guess before it is checked, so stopping the till mid-check does not give it back', async () => {
    const t = tillOnDisk();
    const amina = await t.till.session.add('Amina', 'cashier', '2468');
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) await expect(t.till.session.login(amina.id, '0000')).rejects.toMatchObject({ details: { reason: 'WRONG_PIN' } });
    // The fifth guess is being hashed when the till is stopped (the process is killed).
    let release = () => {};
    hashes.hold = new Promise<void>((r) => (release = r));
    const inFlight = t.till.session.login(amina.id, '0000').catch(() => 'stopped');
    await vi.waitFor(() => expect(hashes.verified).toBe(MAX_ATTEMPTS));
    const stopped = t.till.session;
    t.restart();
    hashes.hold = null;
    const before = hashes.verified;
    await expect(t.till.session.login(amina.id, '2468')).rejects.toMatchObject({ details: { reason: 'LOCKED' } });
    expect(hashes.verified).toBe(before);
    expect(t.till.lockouts).toEqual([amina.id]);
    expect(t.till.session.lockoutAlerts()).toMatchObject([{ name: 'Amina', count: 1 }]);
    release();
    await inFlight;
    expect(stopped).not.toBe(t.till.session);
    t.close();
  });

  it('are told to the owner at their next sign-in, never to a cashier, until the owner looks at the staff list', async () => {
    const { h, owner, cashier } = await signedOutWithCashier();
    const karim = await (async () => {
      await h['session:login']({ cashierId: owner.id, pin: OWNER.pin });
      const k = await h['staff:add']({ name: 'Karim', role: 'cashier', pin: '1357' });
      await h['session:logout']({});
      return k;
    })();
    for (let i = 0; i < MAX_ATTEMPTS; i++) await h['session:login']({ cashierId: cashier.id, pin: '0000' }).catch(() => undefined);
    expect((await h['session:get']({})).lockoutAlerts).toBeUndefined();

    const asKarim = await h['session:login']({ cashierId: karim.id, pin: '1357' });
    expect(asKarim.lockoutAlerts).toBeUndefined();

    const asOwner = await h['session:login']({ cashierId: owner.id, pin: OWNER.pin });
    expect(asOwner.lockoutAlerts).toEqual([expect.objectContaining({ cashierId: cashier.id, name: 'Amina', count: 1, lockedUntil: expect.any(Number) })]);
    // Still there after another sign-in: the owner has not looked yet.
    await h['session:logout']({});
    expect((await h['session:login']({ cashierId: owner.id, pin: OWNER.pin })).lockoutAlerts).toHaveLength(1);

    const list = await h['staff:list']({});
    expect(list.find((c) => c.id === cashier.id)).toMatchObject({ unseenLockouts: 1, lockedUntil: expect.any(Number) });
    expect((await h['session:get']({})).lockoutAlerts).toEqual([]);
    expect(hx!.events.some((e) => e.name === 'session:changed' && (e.payload as { lockoutAlerts?: unknown[] }).lockoutAlerts?.length === 0)).toBe(true);
  });
});

describe('first start', () => {
  it('makes exactly one owner when several setups race', async () => {
    const t = tillOnDisk();
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => t.till.session.setupOwner(`Patron ${i}`, '1234')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'INVALID_STATE' });
    expect(t.till.staff.all().filter((c) => c.role === 'owner')).toHaveLength(1);
    t.close();
  });

  it('adds a name once when the same cashier is added twice at once', async () => {
    const t = tillOnDisk();
    const results = await Promise.allSettled([1, 2, 3].map(() => t.till.session.add('Amina', 'cashier', '2468')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'name' } });
    t.close();
  });
});
