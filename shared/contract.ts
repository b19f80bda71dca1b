import { z } from 'zod';
import {
  appStatusSchema,
  balanceSchema,
  catalogSchema,
  connectionStateSchema,
  productDetailSchema,
  receiptSchema,
  saleSchema,
  saleStateSchema,
  settingsPatchSchema,
  settingsSchema,
} from './domain';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be a provider id');
const saleId = z.number().int().positive();
const none = z.object({}).strict();

/**
 * Every command the renderer may send, named `domain:verb`, with its input and output schemas.
 * The handler map (`CommandHandlers`) is derived from this object, so a command without a handler
 * does not compile, and both adapters (IPC and HTTP) validate with these same schemas.
 */
export const commands = {
  'app:status': { input: none, output: appStatusSchema },
  'catalog:list': { input: z.object({ refresh: z.boolean().optional() }).strict(), output: catalogSchema },
  'catalog:product': { input: z.object({ productId: id }).strict(), output: productDetailSchema },
  'account:balance': { input: z.object({ refresh: z.boolean().optional() }).strict(), output: balanceSchema },
  'sales:confirm': {
    input: z
      .object({
        productId: id,
        typeId: id,
        quantity: z.number().int().min(1).max(100),
        /** The unit price the cashier saw; the sale is refused if the live price moved. */
        expectedUnitRetailC: z.number().int().nonnegative(),
      })
      .strict(),
    output: saleSchema,
  },
  'sales:get': { input: z.object({ saleId }).strict(), output: saleSchema },
  'sales:list': {
    input: z
      .object({ states: z.array(saleStateSchema).max(20).optional(), limit: z.number().int().min(1).max(500).optional() })
      .strict(),
    output: z.array(saleSchema),
  },
  'sales:cancel': { input: z.object({ saleId }).strict(), output: saleSchema },
  'sales:sendNow': { input: z.object({ saleId }).strict(), output: saleSchema },
  'sales:receipt': { input: z.object({ saleId }).strict(), output: receiptSchema },
  'sales:print': { input: z.object({ saleId }).strict(), output: z.object({ printed: z.boolean() }) },
  'settings:get': { input: none, output: settingsSchema },
  'settings:update': { input: settingsPatchSchema, output: settingsSchema },
  'apiKey:set': { input: z.object({ key: z.string().trim().min(8).max(200) }).strict(), output: appStatusSchema },
  'apiKey:clear': { input: none, output: appStatusSchema },
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.infer<Commands[K]['output']>;
export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export type CommandHandlers = {
  [K in CommandName]: (input: z.infer<Commands[K]['input']>) => Promise<CommandOutput<K>>;
};

export const events = {
  'sales:changed': saleSchema,
  'connection:changed': z.object({ state: connectionStateSchema, queued: z.number().int().nonnegative() }),
  'balance:changed': balanceSchema,
  'status:changed': appStatusSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.infer<Events[K]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}
