import { IP_BLOCK_MS, MAX_FAILED_AUTH_ATTEMPTS } from './constants';
import type { SimKeyInfo } from './types';

export type AuthResult =
  { ok: true; key: string; info: SimKeyInfo } | { ok: false; status: number; code: string; message: string; details?: Record<string, unknown> };

export const IP_BLOCKED_MESSAGE = 'Your IP has been temporarily blocked due to too many invalid attempts';

/**
 * The provider's brute-force guard: five bad keys from one address within the block window lock
 * that address out of the whole API for fifteen minutes. Reproducing it lets the till prove it
 * never retries a bad key in a loop.
 */
export class AuthGuard {
  private readonly failures = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly keys: Readonly<Record<string, SimKeyInfo>>,
    private readonly now: () => Date,
  ) {}

  isBlocked(ip: string): boolean {
    const until = this.blockedUntil.get(ip);
    if (until === undefined) return false;
    if (until > this.now().getTime()) return true;
    this.blockedUntil.delete(ip);
    return false;
  }

  authenticate(ip: string, token: string | undefined): AuthResult {
    if (token === undefined || token === '') {
      return { ok: false, status: 401, code: 'MISSING_ACCESS_TOKEN', message: 'Access token is required' };
    }
    const info = Object.hasOwn(this.keys, token) ? this.keys[token] : undefined;
    if (info) return { ok: true, key: token, info };

    const nowMs = this.now().getTime();
    const recent = (this.failures.get(ip) ?? []).filter((t) => t > nowMs - IP_BLOCK_MS);
    recent.push(nowMs);
    if (recent.length >= MAX_FAILED_AUTH_ATTEMPTS) {
      this.failures.delete(ip);
      this.blockedUntil.set(ip, nowMs + IP_BLOCK_MS);
    } else {
      this.failures.set(ip, recent);
    }
    return {
      ok: false,
      status: 401,
      code: 'INVALID_ACCESS_TOKEN',
      message: 'The provided access token is invalid',
      details: { attemptsLeft: Math.max(0, MAX_FAILED_AUTH_ATTEMPTS - recent.length) },
    };
  }
}
