import { z } from 'zod';
import type { InternetType } from '../../../../shared/phone-numbers';
import type { OneClickDzClient } from '../../provider/client';
import type { LineOrder, LineType } from '../product-line';
import { centimesOr0 } from '../top-up-kit/money';
import { topUpReads } from '../top-up-kit/top-up-reads';
import { topUpStatus } from '../top-up-kit/top-up-status';
import { sendTopUp } from '../top-up-kit/sent-answer';

/**
 * The provider's internet recharge endpoints (/v3/internet/*, oneclickdz-topups.md §2): products
 * per type (`data.products`, or `data` itself as the Arabic guide shows), check-number (GET, as
 * every reference page says; the Arabic guide's POST is not used), send, status by id and by ref,
 * and the list in its own shape (top-up-list.ts reads both).
 */
const productSchema = z.looseObject({ cost: z.number().finite().nonnegative(), value: z.number().finite().positive(), available: z.boolean().optional() });
const productsDataSchema = z.union([z.looseObject({ products: z.array(z.unknown()) }), z.array(z.unknown())]);
const checkSchema = z.looseObject({ ncli: z.string().max(64).nullish(), offre: z.string().max(120).nullish(), type: z.string().max(20).nullish() });
const topUpSchema = z.looseObject({
  _id: z.string().min(1).max(128).optional(),
  id: z.string().min(1).max(128).optional(),
  ref: z.string().max(200).nullish(),
  status: z.string().max(40),
  type: z.string().max(20).nullish(),
  number: z.string().max(20).nullish(),
  topup_amount: z.number().finite().nullish(),
  balance_amount: z.number().finite().nullish(),
  card_code: z.string().max(200).nullish(),
  num_trans: z.string().max(120).nullish(),
  date_traitement: z.string().max(64).nullish(),
  created_at: z.string().max(64).nullish(),
  refund_message: z.string().max(2000).nullish(),
});

export function internetApi(api: OneClickDzClient) {
  return {
    async products(type: InternetType): Promise<LineType[]> {
      const data = api.parse(productsDataSchema, await api.read(`/v3/internet/products?type=${encodeURIComponent(type)}`), 'internet products');
      const rows: unknown[] = Array.isArray(data) ? data : (data.products as unknown[]);
      // Not sorted by the provider: the counter lists them from the smallest card up.
      return rows
        .flatMap((r) => {
          const p = productSchema.safeParse(r);
          return p.success ? [p.data] : [];
        })
        .sort((a, b) => a.value - b.value)
        .map((p) => ({
          id: String(p.value),
          name: `${type} ${p.value} DA`,
          costC: centimesOr0(p.cost),
          faceC: centimesOr0(p.value),
          // No count is given, only in stock or not.
          stock: p.available === false ? 0 : 1_000_000,
          kind: 'card',
        }));
    },
    async checkNumber(type: InternetType, number: string): Promise<{ customerId: string | null; offer: string | null }> {
      const qs = new URLSearchParams({ type, number });
      const data = api.parse(checkSchema, await api.read(`/v3/internet/check-number?${qs}`), 'internet number check');
      return { customerId: data.ncli ?? null, offer: data.offre ? data.offre.replace(/'+$/, '') : null };
    },
    send(body: { type: InternetType; number: string; value: number; ref: string }, opts: { turnTaken: boolean }) {
      return sendTopUp(api, '/v3/internet/send', body, opts);
    },
    ...topUpReads(api, { basePath: '/v3/internet', label: 'internet recharge', noun: 'recharge' }, topUpSchema, toLineOrder),
  };
}

/** The card is the recharge: its code (the secret the customer types) and the transaction number (proof of purchase). */
function toLineOrder(t: z.infer<typeof topUpSchema>, fallbackId: string): LineOrder | null {
  const orderId = t._id ?? t.id ?? fallbackId;
  if (!orderId) return null;
  const status = topUpStatus(t.status);
  const card = status === 'FULFILLED' && t.card_code ? [{ value: t.card_code, serial: t.num_trans ?? '' }] : [];
  const note = {
    ...(t.refund_message ? { refundMessage: t.refund_message } : {}),
    ...(t.date_traitement ? { processedAt: t.date_traitement } : {}),
  };
  return {
    orderId,
    status,
    quantity: 1,
    deliveredQuantity: card.length,
    fulfilledAmountC: status === 'REFUNDED' ? 0 : centimesOr0(t.balance_amount),
    pricePerUnitC: null,
    items: card,
    productId: t.type ? (t.type.toUpperCase().startsWith('4G') ? '4G' : t.type.toUpperCase()) : null,
    typeId: t.topup_amount ? String(t.topup_amount) : null,
    time: t.created_at ?? null,
    providerRef: t.ref ?? null,
    providerStatus: t.status.toUpperCase(),
    note: Object.keys(note).length > 0 ? note : null,
    recipient: t.number ?? null,
    amountC: centimesOr0(t.topup_amount),
  };
}
