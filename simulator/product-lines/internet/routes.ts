import type { ApiReply } from '../../envelope';
import { failure, success } from '../../envelope';
import { caller, validationError, type Route } from '../../route-kit';
import type { SimProductLine } from '../product-line';
import type { TopupLineDeps } from '../topup-book';
import { duplicatedRef, insufficientBalance, readOnlyKey, topupReadRoutes } from '../topup-kit';
import { isInternetType, type InternetType } from './products';
import { lineInfo, phoneProblem } from './scenarios';
import { parseInternetSend } from './send-body';
import { InternetTopupStore, type InternetTopupRecord } from './store';

/** An internet top-up as check-id, check-ref and list send it (oneclickdz-topups.md §2.4): the card once delivered. */
function topupJson(t: InternetTopupRecord): Record<string, unknown> {
  return {
    _id: t.id,
    ref: t.topupRef,
    status: t.status,
    type: t.type,
    number: t.number,
    topup_amount: t.value,
    ...t.card,
    created_at: new Date(t.createdAtMs).toISOString(),
  };
}

/** `?type=ADSL|4G`, required (the English reference; the Arabic guide's optional type is not followed). */
function queryType(now: Date, query: URLSearchParams): { ok: true; type: InternetType } | { ok: false; reply: ApiReply } {
  const type = query.get('type');
  if (type === null) return { ok: false, reply: validationError(now, { field: 'type', message: "querystring must have required property 'type'" }) };
  if (!isInternetType(type)) {
    return {
      ok: false,
      reply: validationError(now, { field: 'type', message: 'querystring/type must be equal to one of the allowed values (ADSL, 4G)', value: type }),
    };
  }
  return { ok: true, type };
}

/** ERR_PHONE, at 400 (the docs give no HTTP code; the mobile line's validation errors are 400). */
function phoneError(now: Date, type: InternetType, number: string, reason: string): ApiReply {
  return failure(now, 400, 'ERR_PHONE', `Invalid phone number for ${type} service`, { number, type, reason });
}

function routes(store: InternetTopupStore): readonly Route[] {
  return [
    {
      endpoint: 'catalog',
      method: 'GET',
      pattern: /^\/v3\/internet\/products$/,
      needsToken: true,
      handle: ({ now, query }) => {
        const t = queryType(now, query);
        if (!t.ok) return t.reply;
        const products = store.productsOf(t.type).map((p) => ({ cost: p.cost, value: p.value, available: p.available }));
        return success(now, { products, type: t.type });
      },
    },
    {
      endpoint: 'checkProduct',
      method: 'GET',
      pattern: /^\/v3\/internet\/check-number$/,
      needsToken: true,
      handle: ({ now, query }) => {
        const t = queryType(now, query);
        if (!t.ok) return t.reply;
        const number = query.get('number');
        if (number === null) return validationError(now, { field: 'number', message: "querystring must have required property 'number'" });
        const problem = phoneProblem(t.type, number);
        return problem === null ? success(now, lineInfo(t.type)) : phoneError(now, t.type, number, problem);
      },
    },
    {
      endpoint: 'placeOrder',
      method: 'POST',
      pattern: /^\/v3\/internet\/send$/,
      needsToken: true,
      handle: (ctx) => {
        const { now } = ctx;
        const { key, info } = caller(ctx);
        if (info.scope !== 'READ-WRITE') return readOnlyKey(now);
        const parsed = parseInternetSend(ctx.body);
        if (!parsed.ok) return validationError(now, parsed.problem);
        const body = parsed.value;
        // Before the number and the stock: a resend of an accepted top-up must hear that it exists.
        if (body.ref !== null && store.book.refUsed(key, body.ref)) return duplicatedRef(now);
        const problem = phoneProblem(body.type, body.number);
        if (problem !== null) return phoneError(now, body.type, body.number, problem);
        const sent = store.send({ key, username: info.username, ...body });
        if (sent.ok) return success(now, { topupId: sent.topup.id, topupRef: sent.topup.topupRef });
        if (sent.code === 'INSUFFICIENT_BALANCE') return insufficientBalance(now, sent.requiredC, sent.availableC);
        // 400 like a gift card's OUT_OF_STOCK (the docs give no HTTP code for ERR_STOCK).
        return failure(now, 400, 'ERR_STOCK', 'Card value out of stock', { type: body.type, value: body.value });
      },
    },
    ...topupReadRoutes('internet', store, topupJson, (now, page) => {
      const { page: currentPage, totalPages, totalResults } = page.pagination;
      // The documented odd one out: `data.topups` and `meta.pagination`, in other words.
      return success(now, { topups: page.items.map(topupJson) }, undefined, {
        pagination: { currentPage, totalPages, totalItems: totalResults, hasNextPage: currentPage < totalPages },
      });
    }),
  ];
}

/** The internet line of one simulator: its routes, and its store for the control. */
export function createInternetLine(deps: TopupLineDeps): { line: SimProductLine; store: InternetTopupStore } {
  const store = new InternetTopupStore(deps);
  return { line: { id: 'internet', routes: routes(store) }, store };
}
