import { ipcCommandChannel, ipcEventChannel, PRELOAD_GLOBAL, type PreloadBridge } from '../../shared/api';
import type { CommandName, EventName } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { PRELOAD_COMMAND_NAMES, PRELOAD_EVENT_NAMES } from './names';

/**
 * Builds the object the renderer sees as `window.tillBridge`: exactly the contract, one function
 * per command bound to its own channel, plus `subscribe` for the contract's events. No generic
 * invoke, no ipcRenderer, no Electron event objects (they would hand the page a `sender`).
 *
 * Electron modules are parameters so that unit tests run it with fakes; `preload.ts` passes the
 * real ones.
 */

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

/** What the renderer gets when the main process does not answer (e.g. no handler registered). */
const NO_ANSWER: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The till did not answer.' },
};

const isEventName = (name: unknown): name is EventName => typeof name === 'string' && (PRELOAD_EVENT_NAMES as readonly string[]).includes(name);

export function createPreloadBridge(ipcRenderer: IpcRendererLike): PreloadBridge {
  const commands: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of PRELOAD_COMMAND_NAMES) {
    const channel = ipcCommandChannel(name as CommandName);
    commands[name] = (input: unknown) =>
      // The main side never throws; a rejection here means nobody handled the channel.
      ipcRenderer.invoke(channel, input).catch(() => NO_ANSWER);
  }

  function subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
    if (!isEventName(name)) throw new Error(`Unknown event: ${String(name)}`);
    if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function');
    const channel = ipcEventChannel(name);
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      ipcRenderer.removeListener(channel, forward);
    };
  }

  return Object.freeze({
    commands: Object.freeze(commands),
    subscribe,
  }) as unknown as PreloadBridge;
}

export function exposeTillBridge(electron: { contextBridge: ContextBridgeLike; ipcRenderer: IpcRendererLike }): void {
  electron.contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, createPreloadBridge(electron.ipcRenderer));
}
