/** HTTP pieces both top-up lines answer with (bodies, refs, the shared errors), so they say them alike. */
import type { Centimes } from '../../shared/money';
import { dzd, failure, success, type ApiReply } from '../envelope';
import { caller, ID, validationError, type Route } from '../route-kit';
import { paginate, parseBodyObject, parsePageQuery, type Page, type ValidationProblem } from '../validation';
import type { TopupBook, TopupRecordBase } from './topup-book';

/** Undocumented; a bills SDK of the same provider says refs are at most 100 characters. */
export const MAX_REF_LENGTH = 100;

export type JsonObject = Record<string, unknown>;

/** The body as a JSON object with only the documented fields (the provider validates its schemas). */
export function parseJsonObject(raw: string, allowed: readonly string[]): { ok: true; body: JsonObject } | { ok: false; problem: ValidationProblem } {
  const object = parseBodyObject(raw);
  if (!object.ok) return object;
  const extra = Object.keys(object.json).find((k) => !allowed.includes(k));
  if (extra !== undefined) return { ok: false, problem: { field: extra, message: `body must NOT have additional properties (${extra})` } };
  return { ok: true, body: object.json };
}

export function required(field: string): ValidationProblem {
  return { field, message: `body must have required property '${field}'` };
}

/** The optional `ref`: absent, or a non-empty string of at most MAX_REF_LENGTH characters. */
export function parseRef(body: JsonObject): { ok: true; ref: string | null } | { ok: false; problem: ValidationProblem } {
  const ref = body.ref;
  if (ref === undefined) return { ok: true, ref: null };
  if (typeof ref !== 'string') return { ok: false, problem: { field: 'ref', message: 'body/ref must be string', value: ref } };
  if (ref.length === 0 || ref.length > MAX_REF_LENGTH) {
    return { ok: false, problem: { field: 'ref', message: `body/ref must be 1 to ${MAX_REF_LENGTH} characters`, value: ref } };
  }
  return { ok: true, ref };
}

/** The face value times a cost multiplier, in centimes, computed on integers (no 0.1 + 0.2). */
export function costOfC(faceDzd: number, multiplier: number): Centimes {
  const tenThousandths = Math.round(multiplier * 10_000);
  return Math.round((faceDzd * tenThousandths) / 100);
}

export const readOnlyKey = (now: Date): ApiReply => failure(now, 403, 'INSUFFICIENT_PERMISSIONS', 'This API key is read-only');

export const duplicatedRef = (now: Date): ApiReply => failure(now, 403, 'DUPLICATED_REF', 'This reference ID is already in use');

export function insufficientBalance(now: Date, requiredC: Centimes, availableC: Centimes): ApiReply {
  return failure(now, 403, 'INSUFFICIENT_BALANCE', 'Your balance is insufficient for this operation', {
    required: dzd(requiredC),
    available: dzd(availableC),
  });
}

export const refNotFound = (now: Date, ref: string): ApiReply => failure(now, 404, 'NOT_FOUND', `Top-up with reference '${ref}' not found`);

export const idNotFound = (now: Date, id: string): ApiReply => failure(now, 404, 'NOT_FOUND', `Top-up with id '${id}' not found`);

/** What the read routes need of a line's store. */
export interface TopupReadable<T extends TopupRecordBase> {
  readonly book: TopupBook<T>;
  settle(): void;
}

/**
 * check-id, check-ref and list under `/v3/<segment>/`, alike on both lines but for the top-up's JSON
 * and the list's envelope. Each reads the caller's own top-ups after settling what is due.
 */
export function topupReadRoutes<T extends TopupRecordBase>(
  segment: string,
  store: TopupReadable<T>,
  topupJson: (t: T) => Record<string, unknown>,
  listReply: (now: Date, page: Page<T>) => ApiReply,
): Route[] {
  /** check-id or check-ref: the caller's top-up by `find`, or `notFound`. */
  const lookup = (by: 'id' | 'ref', find: (key: string, value: string) => T | undefined, notFound: (now: Date, value: string) => ApiReply): Route => ({
    endpoint: 'checkOrder',
    method: 'GET',
    pattern: new RegExp(`^/v3/${segment}/check-${by}/${ID}$`),
    needsToken: true,
    handle: (ctx) => {
      const { key } = caller(ctx);
      // matchRoute has URL-decoded it: a sandbox ref's '+' arrives as sent.
      const value = ctx.params[0] ?? '';
      store.settle();
      const t = find(key, value);
      return t ? success(ctx.now, topupJson(t)) : notFound(ctx.now, value);
    },
  });
  return [
    lookup('id', (key, id) => store.book.byIdFor(key, id), idNotFound),
    lookup('ref', (key, ref) => store.book.byRefFor(key, ref), refNotFound),
    {
      endpoint: 'list',
      method: 'GET',
      pattern: new RegExp(`^/v3/${segment}/list$`),
      needsToken: true,
      handle: (ctx) => {
        const { key } = caller(ctx);
        const q = parsePageQuery(ctx.query);
        if (!q.ok) return validationError(ctx.now, q.problem);
        store.settle();
        return listReply(ctx.now, paginate(store.book.history(key, q.query), q.query));
      },
    },
  ];
}
