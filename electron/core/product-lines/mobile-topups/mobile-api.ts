import { z } from 'zod';
import type { OneClickDzClient } from '../../provider/client';
import type { LineOrder, LineType } from '../product-line';
import { centimesOr0, costPpmOf } from '../top-up-kit/money';
import { topUpReads } from '../top-up-kit/top-up-reads';
import { topUpStatus } from '../top-up-kit/top-up-status';
import { sendTopUp } from '../top-up-kit/sent-answer';

/**
 * The provider's mobile top-up endpoints (/v3/mobile/*, oneclickdz-topups.md §1), read
 * defensively: plan fields the docs show missing (`cost` on wholesale plans) are optional, and an
 * unreadable plan or list row is dropped rather than failing the whole answer.
 */
const planSchema = z.looseObject({
  code: z.string().min(1).max(64),
  name: z.string().max(200).optional(),
  operator: z.string().max(40),
  cost: z.number().finite().optional(),
  isEnabled: z.boolean().optional(),
  min_amount: z.number().finite().nonnegative().optional(),
  max_amount: z.number().finite().nonnegative().optional(),
  amount: z.number().finite().nonnegative().optional(),
});
export type MobilePlan = z.infer<typeof planSchema> & { dynamic: boolean };

const plansDataSchema = z.looseObject({ dynamicPlans: z.array(z.unknown()).optional(), fixedPlans: z.array(z.unknown()).optional() });

const offerSchema = z.looseObject({
  typename: z.string().max(200).optional(),
  plan_code: z.string().max(64),
  amount: z.number().finite().nonnegative().optional(),
});
const topUpSchema = z.looseObject({
  _id: z.string().min(1).max(128).optional(),
  id: z.string().min(1).max(128).optional(),
  ref: z.string().max(200).nullish(),
  status: z.string().max(40),
  plan_code: z.string().max(64).nullish(),
  MSSIDN: z.string().max(20).nullish(),
  topup_amount: z.number().finite().nullish(),
  balance_amount: z.number().finite().nullish(),
  created_at: z.string().max(64).nullish(),
  refund_message: z.string().max(2000).nullish(),
  suggested_offers: z.array(z.unknown()).max(50).nullish(),
});

/** Wholesale plans (GROS_*, operator GMobilis: 5 000 to 300 000 DA) are not retail: the counter never shows them. */
export function isRetailPlan(p: MobilePlan): boolean {
  return p.operator !== 'GMobilis' && !p.code.startsWith('GROS_');
}

export function planKind(p: MobilePlan): string {
  if (p.code.startsWith('FACTURE')) return 'bill';
  if (p.code.startsWith('GETMENU')) return 'getmenu';
  return p.dynamic ? 'prepaid' : 'fixed';
}

/** A plan as a type of the operator's "product": fixed plans have a face value, dynamic ones a range. */
export function planType(p: MobilePlan): LineType {
  const costPpm = costPpmOf(p.cost);
  const enabled = p.isEnabled !== false;
  const name = p.name ?? p.code;
  const kind = planKind(p);
  if (p.dynamic) {
    const minC = centimesOr0(p.min_amount);
    const maxC = Math.max(minC, centimesOr0(p.max_amount));
    return {
      id: p.code,
      name,
      costC: costPpm === null ? minC : Math.round((minC * costPpm) / 1e6),
      stock: 1_000_000,
      range: { minC, maxC, costPpm },
      enabled,
      kind,
    };
  }
  const faceC = centimesOr0(p.amount);
  return { id: p.code, name, costC: costPpm === null ? faceC : Math.round((faceC * costPpm) / 1e6), stock: 1_000_000, faceC, enabled, kind };
}

export function mobileApi(api: OneClickDzClient) {
  return {
    async plans(): Promise<MobilePlan[]> {
      const data = api.parse(plansDataSchema, await api.read('/v3/mobile/plans'), 'mobile plans');
      const read = (rows: unknown[] | undefined, dynamic: boolean) =>
        (rows ?? []).flatMap((r) => {
          const p = planSchema.safeParse(r);
          return p.success ? [{ ...p.data, dynamic }] : [];
        });
      return [...read(data.dynamicPlans, true), ...read(data.fixedPlans, false)];
    },
    send(body: { plan_code: string; MSSIDN: string; amount: number; ref: string }, opts: { turnTaken: boolean }) {
      return sendTopUp(api, '/v3/mobile/send', body, opts);
    },
    ...topUpReads(api, { basePath: '/v3/mobile', label: 'mobile top-up', noun: 'top-up' }, topUpSchema, toLineOrder),
  };
}

function toLineOrder(t: z.infer<typeof topUpSchema>, fallbackId: string): LineOrder | null {
  const orderId = t._id ?? t.id ?? fallbackId;
  if (!orderId) return null;
  const status = topUpStatus(t.status);
  const offers = (t.suggested_offers ?? []).flatMap((o) => {
    const p = offerSchema.safeParse(o);
    return p.success ? [{ name: p.data.typename ?? p.data.plan_code, planCode: p.data.plan_code, amountC: centimesOr0(p.data.amount) }] : [];
  });
  const note = {
    ...(t.refund_message ? { refundMessage: t.refund_message } : {}),
    ...(offers.length > 0 ? { suggestedOffers: offers } : {}),
  };
  return {
    orderId,
    status,
    quantity: 1,
    deliveredQuantity: status === 'FULFILLED' ? 1 : 0,
    fulfilledAmountC: status === 'REFUNDED' ? 0 : centimesOr0(t.balance_amount),
    pricePerUnitC: null,
    items: [],
    productId: null,
    typeId: t.plan_code ?? null,
    time: t.created_at ?? null,
    providerRef: t.ref ?? null,
    providerStatus: t.status.toUpperCase(),
    note: Object.keys(note).length > 0 ? note : null,
    recipient: t.MSSIDN ?? null,
    amountC: centimesOr0(t.topup_amount),
  };
}
