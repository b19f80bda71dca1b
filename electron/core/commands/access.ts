import type { CommandHandlers, CommandName } from '../../../shared/contract';
import { errorWithoutCost, maySeeCost, withoutCosts } from '../sales/cost-visibility';
import type { SessionManager } from '../staff/session';

/**
 * Who may call what. `public` works on the PIN screen; `watch` needs a signed-in cashier but does
 * not count as activity (the screen polls it), so the idle lock still falls; `cashier` and
 * `owner` count as activity. A Record over every command: forgetting one does not compile.
 */
export type Access = 'public' | 'watch' | 'cashier' | 'owner';

export const ACCESS: Record<CommandName, Access> = {
  'app:status': 'public',
  'settings:get': 'public',
  'session:get': 'public',
  'session:setupOwner': 'public',
  'session:login': 'public',
  'session:logout': 'public',
  'session:touch': 'public',
  'catalog:list': 'cashier',
  'catalog:product': 'cashier',
  'internet:checkNumber': 'cashier',
  'account:balance': 'watch',
  'sales:confirm': 'cashier',
  'sales:get': 'watch',
  'sales:list': 'watch',
  'sales:cancel': 'cashier',
  'sales:sendNow': 'cashier',
  'sales:sendAnyway': 'owner',
  'sales:cancelHeld': 'owner',
  'sales:reviewCandidates': 'owner',
  'sales:adoptCandidate': 'owner',
  'sales:dismissReview': 'owner',
  'sales:receipt': 'cashier',
  'sales:print': 'cashier',
  'sales:savePdf': 'cashier',
  'sales:timeline': 'cashier',
  'sales:reveal': 'cashier',
  'sales:reprint': 'cashier',
  'history:search': 'cashier',
  'sales:confirmRefund': 'cashier',
  'shift:current': 'watch',
  'shift:open': 'cashier',
  'shift:count': 'cashier',
  'shift:close': 'cashier',
  'settings:update': 'owner',
  'apiKey:set': 'owner',
  'apiKey:clear': 'owner',
  'staff:list': 'owner',
  'staff:add': 'owner',
  'staff:update': 'owner',
  'reports:day': 'owner',
  // Shop scope of history:search and sales:list is the owner's too: checked in shop-views/shop-scope.ts.
  'shop:tills': 'owner',
  'reports:html': 'cashier',
  'exports:csv': 'owner',
  'reconcile:day': 'owner',
  'backup:create': 'owner',
  'backup:restore': 'owner',
  'backup:list': 'owner',
  'till:get': 'owner',
  'till:rename': 'owner',
  'till:setLedgerUrl': 'owner',
  'till:shopPassphrase': 'owner',
};

export function guardHandlers(handlers: CommandHandlers, session: SessionManager): CommandHandlers {
  const guarded = {} as Record<CommandName, (input: never) => Promise<unknown>>;
  for (const name of Object.keys(handlers) as CommandName[]) {
    const access = ACCESS[name];
    const handler = handlers[name] as (input: never) => Promise<unknown>;
    guarded[name] = async (input: never) => {
      if (access === 'watch') session.require('cashier', { touch: false });
      else if (access !== 'public') session.require(access);
      // Costs and margins are the owner's, whatever the command (sales/cost-visibility.ts), and
      // whatever the way out: an answer, or a refusal that names what the sale would cost.
      let answer: unknown;
      try {
        answer = await handler(input);
      } catch (e) {
        throw maySeeCost(session.active()) ? e : errorWithoutCost(e);
      }
      return maySeeCost(session.active()) ? answer : withoutCosts(answer);
    };
  }
  return guarded as unknown as CommandHandlers;
}
