import type { Result } from './result';
import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload } from './contract';

/**
 * What the renderer sees of the core, whichever transport carries it (preload or HTTP).
 * `call` never throws: every failure arrives as `{ ok: false, error }`.
 */
export interface TillApi {
  call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
}

/** The HTTP adapter's wire format (browser host). */
export const HTTP_SECRET_HEADER = 'x-till-secret';
export const HTTP_COMMAND_PREFIX = '/api/command/';
export const HTTP_EVENTS_PATH = '/api/events';

/**
 * What the Electron preload puts on `window` (via contextBridge): one function per command, each
 * bound to its own IPC channel (`till:<command>`), and a subscription per event name. There is no
 * generic "invoke any channel" function.
 */
export const PRELOAD_GLOBAL = 'tillBridge';
export type PreloadBridge = {
  commands: { [K in CommandName]: (input: CommandInput<K>) => Promise<Result<CommandOutput<K>>> };
  subscribe<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
};
export const ipcCommandChannel = (name: CommandName) => `till:${name}`;
export const ipcEventChannel = (name: EventName) => `till-event:${name}`;
