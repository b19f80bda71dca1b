import { dzd, success } from '../../envelope';
import { caller, validationError, type Route } from '../../route-kit';
import type { SimProductLine } from '../product-line';
import type { TopupLineDeps } from '../topup-book';
import { duplicatedRef, insufficientBalance, readOnlyKey, topupReadRoutes } from '../topup-kit';
import { planJson } from './plans';
import { judgeAgainstPlan, parseMobileSend } from './send-body';
import { MobileTopupStore, type MobileTopupRecord } from './store';

/** A mobile top-up as check-id, check-ref and list send it (oneclickdz-topups.md §1.5). */
function topupJson(t: MobileTopupRecord): Record<string, unknown> {
  return {
    _id: t.id,
    ref: t.topupRef,
    status: t.status,
    plan_code: t.planCode,
    MSSIDN: t.number,
    topup_amount: t.amount,
    balance_amount: t.status === 'REFUNDED' ? 0 : dzd(t.debitC),
    created_at: new Date(t.createdAtMs).toISOString(),
    ...(t.refundMessage === undefined ? {} : { refund_message: t.refundMessage }),
    ...(t.suggestedOffers === undefined ? {} : { suggested_offers: t.suggestedOffers }),
  };
}

function routes(store: MobileTopupStore): readonly Route[] {
  return [
    {
      endpoint: 'catalog',
      method: 'GET',
      pattern: /^\/v3\/mobile\/plans$/,
      needsToken: true,
      handle: ({ now }) => {
        const plans = store.allPlans();
        return success(now, {
          dynamicPlans: plans.filter((p) => p.kind === 'dynamic').map(planJson),
          fixedPlans: plans.filter((p) => p.kind === 'fixed').map(planJson),
        });
      },
    },
    {
      endpoint: 'placeOrder',
      method: 'POST',
      pattern: /^\/v3\/mobile\/send$/,
      needsToken: true,
      handle: (ctx) => {
        const { now } = ctx;
        const { key, info } = caller(ctx);
        if (info.scope !== 'READ-WRITE') return readOnlyKey(now);
        const shape = parseMobileSend(ctx.body);
        if (!shape.ok) return validationError(now, shape.problem);
        // Before the plan's rules: a resend of an accepted top-up must hear that it exists, even if
        // its plan went into maintenance since.
        if (shape.value.ref !== null && store.book.refUsed(key, shape.value.ref)) return duplicatedRef(now);
        const judged = judgeAgainstPlan(shape.value, store.plan(shape.value.planCode));
        if (!judged.ok) return validationError(now, judged.problem);
        const sent = store.send({
          key,
          username: info.username,
          plan: judged.value.plan,
          number: shape.value.number,
          amount: judged.value.amount,
          ref: shape.value.ref,
        });
        if (!sent.ok) return insufficientBalance(now, sent.requiredC, sent.availableC);
        return success(now, { topupId: sent.topup.id, topupRef: sent.topup.topupRef });
      },
    },
    ...topupReadRoutes('mobile', store, topupJson, (now, page) => success(now, { items: page.items.map(topupJson), pagination: page.pagination })),
  ];
}

/** The mobile line of one simulator: its routes, and its store for the control. */
export function createMobileTopupLine(deps: TopupLineDeps): { line: SimProductLine; store: MobileTopupStore } {
  const store = new MobileTopupStore(deps);
  return { line: { id: 'mobile-topups', routes: routes(store) }, store };
}
