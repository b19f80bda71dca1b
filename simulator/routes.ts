import { dzd, success } from './envelope';
import type { SimProductLine } from './product-lines/product-line';
import { caller, validationError, type Route } from './route-kit';
import { inWindow, paginate, parsePageQuery } from './validation';
import { transactionJson } from './views';

export type { Route, RouteContext } from './route-kit';

/** The account's endpoints, shared by every product line. */
export const ACCOUNT_ROUTES: readonly Route[] = [
  {
    endpoint: 'ping',
    method: 'GET',
    pattern: /^\/v3\/ping$/,
    needsToken: false,
    handle: ({ now }) => success(now, { api: 'ok', operators: { mobilis: 'up', ooredoo: 'up', djezzy: 'up', mobilisFixedPlans: 'up' } }),
  },
  {
    endpoint: 'validate',
    method: 'GET',
    pattern: /^\/v3\/validate$/,
    needsToken: true,
    handle: (ctx) => {
      const { key, info } = caller(ctx);
      return success(ctx.now, {
        username: info.username,
        apiKey: { key, isEnabled: true, type: info.type, allowedips: [], scope: info.scope },
      });
    },
  },
  {
    endpoint: 'balance',
    method: 'GET',
    pattern: /^\/v3\/account\/balance$/,
    needsToken: true,
    handle: ({ now, state }) => success(now, { balance: dzd(state.getBalanceC()) }),
  },
  {
    endpoint: 'transactions',
    method: 'GET',
    pattern: /^\/v3\/account\/transactions$/,
    needsToken: true,
    handle: ({ now, state, query }) => {
      const q = parsePageQuery(query);
      if (!q.ok) return validationError(now, q.problem);
      // Newest first, like the orders list; the ledger is append-only so reversing is enough.
      const rows = state
        .transactions()
        .filter((t) => inWindow(t.timeMs, q.query))
        .reverse();
      const page = paginate(rows, q.query);
      return success(now, { items: page.items.map(transactionJson), pagination: page.pagination });
    },
  },
];

/** The provider's endpoints: the account's, then each product line's (simulator/product-lines/). */
export function apiRoutes(lines: readonly SimProductLine[]): readonly Route[] {
  return [...ACCOUNT_ROUTES, ...lines.flatMap((line) => line.routes.map((route) => ({ ...route, line: line.id })))];
}

export function matchRoute(routes: readonly Route[], method: string, pathname: string): { route: Route; params: string[] } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(pathname);
    if (m) return { route, params: m.slice(1).map((p) => safeDecode(p)) };
  }
  return null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
