import { z } from 'zod';
import { AppError } from '../../../../shared/result';
import { INTERNET_TYPES, internetNumberProblem, normalizeInternet, type InternetType } from '../../../../shared/phone-numbers';
import type { OneClickDzClient } from '../../provider/client';
import { ApiError, isApiError } from '../../provider/errors';
import type { LineOrder, ProductLine, SentSale } from '../product-line';
import { adoptDuplicate } from '../top-up-kit/duplicate-ref';
import { isDuplicatedRef, recoverByRef } from '../top-up-kit/ref-recovery';
import { internetApi } from './internet-api';
import { internetSection } from './receipt-section';

/** Internet recharges (/v3/internet/*): an Algérie Télécom ADSL or 4G LTE line, a card value. */
export const INTERNET_LINE = 'internet';

const TITLES: Record<InternetType, string> = { ADSL: 'ADSL', '4G': '4G LTE' };

/**
 * What the cashier enters: the type (the "product"), a card value (the type id, in dinars) and the
 * line's number, normalised for its type (ADSL 0XXXXXXXX, 4G 213XXXXXXXXX) and checked against
 * the provider's formats before anything is written.
 */
const entrySchema = z
  .object({
    productId: z.enum(INTERNET_TYPES),
    typeId: z.string().regex(/^[1-9][0-9]{0,6}$/),
    quantity: z.literal(1),
    recipient: z.string().max(24),
  })
  .transform((e) => ({ ...e, recipient: normalizeInternet(e.productId, e.recipient) }))
  .refine((e) => internetNumberProblem(e.productId, e.recipient) === null, { path: ['recipient'], message: 'not a line number of this type' });
type InternetEntry = z.infer<typeof entrySchema>;

function isType(id: string): id is InternetType {
  return (INTERNET_TYPES as readonly string[]).includes(id);
}

/** Same line number, type and card value: the recharge a lost answer created for this sale. */
function fits(o: LineOrder, sale: SentSale): boolean {
  const e = sale.entry ?? {};
  return (
    o.recipient === e.recipient &&
    (o.productId === null || o.productId === sale.productId) &&
    (o.amountC === undefined || o.amountC === Number(sale.typeId) * 100)
  );
}

/** The provider's "not a line of this type" (ERR_PHONE) as the counter's own reason. */
function numberRefusal(err: unknown): unknown {
  if (isApiError(err) && String(err.details?.providerCode ?? '') === 'ERR_PHONE') {
    return new ApiError(err.kind === 'rejected' ? 'rejected' : err.kind, 'INVALID_NUMBER', 'The provider says this is not a line of this type', err.details);
  }
  return err;
}

/**
 * Lines the provider confirmed lately, per client: the counter checks the line while the customer
 * is there ("Vérifier la ligne"), and the confirmation a minute later need not ask again.
 */
const CHECK_REMEMBERED_MS = 5 * 60_000;
const confirmedLines = new WeakMap<OneClickDzClient, Map<string, number>>();

function rememberLine(api: OneClickDzClient, type: InternetType, number: string): void {
  const seen = confirmedLines.get(api) ?? new Map<string, number>();
  // A small map: the oldest entries go first once a counter's morning of numbers piles up.
  if (seen.size >= 200) seen.delete(seen.keys().next().value as string);
  seen.set(`${type}:${number}`, Date.now());
  confirmedLines.set(api, seen);
}

function lineConfirmedLately(api: OneClickDzClient, type: InternetType, number: string): boolean {
  const at = confirmedLines.get(api)?.get(`${type}:${number}`);
  return at !== undefined && Date.now() - at >= 0 && Date.now() - at < CHECK_REMEMBERED_MS;
}

/** check-number, the provider's own check of the line (the docs: "prevents 90 % of order failures"). */
export async function checkInternetNumber(api: OneClickDzClient, type: InternetType, raw: string) {
  const number = normalizeInternet(type, raw);
  if (internetNumberProblem(type, number) !== null) {
    throw new AppError('INVALID_NUMBER', type === 'ADSL' ? 'An ADSL number has 9 digits and starts with 0' : 'A 4G number has 12 digits and starts with 213', {
      field: 'number',
    });
  }
  try {
    const found = { type, number, ...(await internetApi(api).checkNumber(type, number)) };
    rememberLine(api, type, number);
    return found;
  } catch (e) {
    throw numberRefusal(e);
  }
}

export const internetLine: ProductLine<InternetEntry> = {
  id: INTERNET_LINE,
  entrySchema,
  pricing: 'face',
  deliversCodes: true,
  checkEntry: async (api, entry) => {
    if (lineConfirmedLately(api, entry.productId, entry.recipient)) return;
    await checkInternetNumber(api, entry.productId, entry.recipient);
  },
  catalog: async () => ({
    categories: [{ title: 'Internet', products: INTERNET_TYPES.map((t) => ({ id: t, title: TITLES[t], enabled: true, region: null })) }],
  }),
  product: async (api, type) => {
    if (!isType(type)) throw new ApiError('not_found', 'NOT_FOUND', 'Unknown internet type');
    return { productId: type, title: TITLES[type], types: await internetApi(api).products(type) };
  },
  placeOrder: async (api, sale, opts) => {
    const e = sale.entry ?? {};
    if (!sale.ref) throw new ApiError('rejected', 'INVALID_INPUT', 'A recharge needs its ref before it is sent');
    const body = { type: sale.productId as InternetType, number: String(e.recipient), value: Number(sale.typeId), ref: sale.ref };
    try {
      return await internetApi(api).send(body, opts);
    } catch (err) {
      if (isDuplicatedRef(err)) return adoptDuplicate(internetApi(api), sale, fits);
      throw numberRefusal(err);
    }
  },
  readOrder: (api, orderId) => internetApi(api).byId(orderId),
  listOrders: (api, from, to, maxPages) => internetApi(api).list(from, to, maxPages),
  recover: (api, sale, search, isKnown) => recoverByRef(internetApi(api), sale, search, isKnown, fits),
  accountMoves: { debit: ['ADSL'], refund: ['REFUND-ADSL'] },
  receiptSection: internetSection,
};
