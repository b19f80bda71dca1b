import { z } from 'zod';
import { MOBILE_NUMBER, MOBILE_OPERATORS, normalizeMobile } from '../../../../shared/phone-numbers';
import { ApiError, isApiError } from '../../provider/errors';
import type { OneClickDzClient } from '../../provider/client';
import type { LineOrder, ProductLine, SentSale } from '../product-line';
import { isDuplicatedRef, recoverByRef } from '../top-up-kit/ref-recovery';
import { adoptDuplicate } from '../top-up-kit/duplicate-ref';
import { isRetailPlan, mobileApi, planType } from './mobile-api';
import { mobileSection } from './receipt-section';

/** Mobile top-ups ("flexy": /v3/mobile/*): an operator's plan, a phone number, an amount. */
export const MOBILE_TOPUPS_LINE = 'mobile-topups';

/**
 * What the cashier enters: the operator (the "product"), a plan of it, the customer's number
 * (normalised from +213/00213 and spaces, then checked against the provider's pattern) and, for a
 * plan whose amount the customer chooses, a whole number of dinars (checked against the plan's
 * range when the sale is priced). One top-up per sale.
 */
const entrySchema = z.object({
  productId: z.enum(MOBILE_OPERATORS),
  typeId: z.string().min(1).max(64),
  quantity: z.literal(1),
  recipient: z.string().max(24).transform(normalizeMobile).pipe(z.string().regex(MOBILE_NUMBER)),
  amountDzd: z.number().int().positive().max(1_000_000).optional(),
});
type MobileEntry = z.infer<typeof entrySchema>;

/**
 * Read live each time, as gift-card prices are: the read is what tells the till it is online (an
 * offline till queues the sale from the last check), and the catalogue service keeps the last one.
 */
const plans = (api: OneClickDzClient) => mobileApi(api).plans();

/** Same number, plan and face amount: the top-up a lost answer created for this sale. */
function fits(o: LineOrder, sale: SentSale): boolean {
  const e = sale.entry ?? {};
  return o.recipient === e.recipient && (o.typeId === null || o.typeId === sale.typeId) && (o.amountC === undefined || o.amountC === Number(e.amountDzd) * 100);
}

async function placeOrder(api: OneClickDzClient, sale: SentSale, opts: { turnTaken: boolean }) {
  const e = sale.entry ?? {};
  if (!sale.ref) throw new ApiError('rejected', 'INVALID_INPUT', 'A top-up needs its ref before it is sent');
  // The amount goes with fixed plans too: the docs say it is ignored there, one integration saw it required.
  const body = { plan_code: sale.typeId, MSSIDN: String(e.recipient), amount: Number(e.amountDzd), ref: sale.ref };
  try {
    return await mobileApi(api).send(body, opts);
  } catch (err) {
    if (isDuplicatedRef(err)) return adoptDuplicate(mobileApi(api), sale, fits);
    throw providerRefusal(err);
  }
}

/** The provider's 400 for a number of another operator gets its own reason, for its own message at the counter. */
function providerRefusal(err: unknown): unknown {
  if (isApiError(err) && err.code === 'API_VALIDATION' && /operator/i.test(err.message)) {
    return new ApiError('rejected', 'OPERATOR_MISMATCH', 'This number belongs to another operator than the plan', err.details);
  }
  if (isApiError(err) && /MSSIDN|phone/i.test(err.message) && err.kind === 'rejected') {
    return new ApiError('rejected', 'INVALID_NUMBER', 'The provider refused this phone number', err.details);
  }
  return err;
}

export const mobileTopUpLine: ProductLine<MobileEntry> = {
  id: MOBILE_TOPUPS_LINE,
  entrySchema,
  pricing: 'face',
  deliversCodes: false,
  catalog: async (api) => {
    const retail = (await plans(api)).filter(isRetailPlan);
    // The four operators, in the order shops name them; an operator the provider lists no plan for is shown off.
    const products = MOBILE_OPERATORS.map((op) => ({
      id: op,
      title: op,
      enabled: retail.some((p) => p.operator === op && p.isEnabled !== false),
      region: null,
    }));
    return { categories: [{ title: 'Flexy', products }] };
  },
  products: async (api) => {
    const retail = (await plans(api)).filter(isRetailPlan);
    return MOBILE_OPERATORS.map((op) => ({ productId: op, title: op, types: retail.filter((p) => p.operator === op).map(planType) }));
  },
  product: async (api, operator) => {
    const own = (await plans(api)).filter((p) => isRetailPlan(p) && p.operator === operator);
    if (!MOBILE_OPERATORS.includes(operator as (typeof MOBILE_OPERATORS)[number])) throw new ApiError('not_found', 'NOT_FOUND', 'Unknown operator');
    return { productId: operator, title: operator, types: own.map(planType) };
  },
  placeOrder,
  readOrder: (api, orderId) => mobileApi(api).byId(orderId),
  listOrders: (api, from, to, maxPages) => mobileApi(api).list(from, to, maxPages),
  recover: (api, sale, search, isKnown) => recoverByRef(mobileApi(api), sale, search, isKnown, fits),
  accountMoves: { debit: ['FLEXY'], refund: ['REFUND-FLEXY'] },
  receiptSection: mobileSection,
};
