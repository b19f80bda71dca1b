import type { CommandName, EventName } from '../../shared/contract';

/**
 * The contract's command and event names as plain literals, so the sandboxed preload can be
 * bundled without `shared/contract.ts` (which pulls in zod and every schema). The checks below
 * make a missing or misspelt name a compile error, and a unit test compares these lists with
 * COMMAND_NAMES / EVENT_NAMES at run time.
 */
export const PRELOAD_COMMAND_NAMES = [
  'app:status',
  'catalog:list',
  'catalog:product',
  'internet:checkNumber',
  'account:balance',
  'sales:confirm',
  'sales:get',
  'sales:list',
  'sales:cancel',
  'sales:sendNow',
  'sales:sendAnyway',
  'sales:cancelHeld',
  'sales:reviewCandidates',
  'sales:adoptCandidate',
  'sales:dismissReview',
  'sales:receipt',
  'sales:print',
  'sales:savePdf',
  'settings:get',
  'settings:update',
  'apiKey:set',
  'apiKey:clear',
  'session:get',
  'session:setupOwner',
  'session:login',
  'session:logout',
  'session:touch',
  'staff:list',
  'staff:add',
  'staff:update',
  'shift:current',
  'shift:open',
  'shift:count',
  'shift:close',
  'reports:day',
  'shop:tills',
  'reports:html',
  'history:search',
  'sales:timeline',
  'sales:reveal',
  'sales:reprint',
  'sales:confirmRefund',
  'exports:csv',
  'reconcile:day',
  'backup:create',
  'backup:restore',
  'backup:list',
  'till:get',
  'till:rename',
  'till:setLedgerUrl',
  'till:shopPassphrase',
] as const satisfies readonly CommandName[];

export const PRELOAD_EVENT_NAMES = [
  'sales:changed',
  'connection:changed',
  'balance:changed',
  'status:changed',
  'session:changed',
] as const satisfies readonly EventName[];

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };
const commandsComplete: Exhaustive<CommandName, (typeof PRELOAD_COMMAND_NAMES)[number]> = true;
const eventsComplete: Exhaustive<EventName, (typeof PRELOAD_EVENT_NAMES)[number]> = true;
void commandsComplete;
void eventsComplete;
