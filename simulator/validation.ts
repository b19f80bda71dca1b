import { z } from 'zod';

/** The provider's validation failure: `body/<field> <reason>`, with the field in details. */
export interface ValidationProblem {
  field: string;
  message: string;
  value?: unknown;
}

/** Exactly the documented fields; the provider advertises schema validation, so extras are refused. */
const placeOrderSchema = z
  .object({
    productId: z.string().min(1).max(64),
    typeId: z.string().min(1).max(64),
    quantity: z.number().int().min(1),
  })
  .strict();

export type PlaceOrderBody = z.infer<typeof placeOrderSchema>;

function firstProblem(error: z.ZodError, location: 'body' | 'querystring', input: unknown): ValidationProblem {
  const issue = error.issues[0];
  if (!issue) return { field: location, message: `${location} is invalid` };
  if (issue.code === 'unrecognized_keys') {
    const field = issue.keys[0] ?? location;
    return { field, message: `${location} must NOT have additional properties (${field})` };
  }
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : location;
  const value = issue.path.length === 1 && input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[field] : undefined;
  const problem: ValidationProblem = { field, message: `${location}/${field} ${issue.message}` };
  if (value !== undefined) problem.value = value;
  return problem;
}

/** A request body that must be a JSON object (not null, not an array), as every provider POST takes. */
export function parseBodyObject(raw: string): { ok: true; json: Record<string, unknown> } | { ok: false; problem: ValidationProblem } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, problem: { field: 'body', message: 'body must be valid JSON' } };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, problem: { field: 'body', message: 'body must be object' } };
  }
  return { ok: true, json: json as Record<string, unknown> };
}

export function parsePlaceOrderBody(raw: string): { ok: true; body: PlaceOrderBody } | { ok: false; problem: ValidationProblem } {
  const object = parseBodyObject(raw);
  if (!object.ok) return object;
  const parsed = placeOrderSchema.safeParse(object.json);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, problem: firstProblem(parsed.error, 'body', object.json) };
}

const positiveInt = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

const isoDate = z.iso.datetime({ offset: true, local: false });

const pageQuerySchema = z.object({
  page: positiveInt(1_000_000).optional(),
  pageSize: positiveInt(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export interface PageQuery {
  page: number;
  pageSize: number;
  fromMs: number | null;
  toMs: number | null;
}

/** page/pageSize/from/to as documented for transactions and the orders list; other keys are ignored. */
export function parsePageQuery(params: URLSearchParams): { ok: true; query: PageQuery } | { ok: false; problem: ValidationProblem } {
  const input: Record<string, string> = {};
  for (const name of ['page', 'pageSize', 'from', 'to']) {
    const v = params.get(name);
    if (v !== null) input[name] = v;
  }
  const parsed = pageQuerySchema.safeParse(input);
  if (!parsed.success) return { ok: false, problem: firstProblem(parsed.error, 'querystring', input) };
  const { page = 1, pageSize = 20, from, to } = parsed.data;
  if ((from === undefined) !== (to === undefined)) {
    const missing = from === undefined ? 'from' : 'to';
    return { ok: false, problem: { field: missing, message: 'from and to must be provided together' } };
  }
  const fromMs = from === undefined ? null : Date.parse(from);
  const toMs = to === undefined ? null : Date.parse(to);
  if (fromMs !== null && toMs !== null && fromMs > toMs) {
    return { ok: false, problem: { field: 'from', message: 'from must not be after to', value: from } };
  }
  return { ok: true, query: { page, pageSize, fromMs, toMs } };
}

export interface Page<T> {
  items: T[];
  pagination: { page: number; pageSize: number; totalPages: number; totalResults: number };
}

export function paginate<T>(all: readonly T[], q: PageQuery): Page<T> {
  const start = (q.page - 1) * q.pageSize;
  return {
    items: all.slice(start, start + q.pageSize),
    pagination: {
      page: q.page,
      pageSize: q.pageSize,
      totalPages: Math.ceil(all.length / q.pageSize),
      totalResults: all.length,
    },
  };
}

export function inWindow(timeMs: number, q: PageQuery): boolean {
  return (q.fromMs === null || timeMs >= q.fromMs) && (q.toMs === null || timeMs <= q.toMs);
}
