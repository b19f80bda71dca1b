import { describe, expect, it, vi } from 'vitest';
import { ipcCommandChannel, ipcEventChannel, PRELOAD_GLOBAL, type PreloadBridge } from '../../shared/api';
import { COMMAND_NAMES, EVENT_NAMES, type EventName } from '../../shared/contract';
import { exposeTillBridge, type IpcRendererLike } from '../../electron/preload/bridge';
import { PRELOAD_COMMAND_NAMES, PRELOAD_EVENT_NAMES } from '../../electron/preload/names';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeElectron(invokeImpl: (channel: string, input: unknown) => Promise<unknown> = async () => ({ ok: true, value: null })) {
  const exposed: Array<{ key: string; api: unknown }> = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipcRenderer = {
    invoke: vi.fn((channel: string, ...args: unknown[]) => invokeImpl(channel, args[0])),
    on: vi.fn((channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
  } satisfies IpcRendererLike;
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.push({ key, api })) };
  /** What the main process's webContents.send would do. */
  const emit = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'the-ipcRenderer-must-not-leak' }, payload);
  };
  exposeTillBridge({ contextBridge, ipcRenderer });
  const bridge = exposed[0]?.api as PreloadBridge;
  return { exposed, bridge, ipcRenderer, contextBridge, listeners, emit };
}

describe('preload bridge', () => {
  it('exposes exactly one global, under PRELOAD_GLOBAL', () => {
    const { exposed } = fakeElectron();
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.key).toBe(PRELOAD_GLOBAL);
  });

  it('exposes only `commands` and `subscribe` (no ipcRenderer, no generic invoke)', () => {
    const { bridge } = fakeElectron();
    expect(Object.keys(bridge).sort()).toEqual(['commands', 'subscribe']);
    expect(typeof bridge.subscribe).toBe('function');
    expect(Object.getOwnPropertyNames(bridge).sort()).toEqual(['commands', 'subscribe']);
    expect(Object.isFrozen(bridge) && Object.isFrozen(bridge.commands)).toBe(true);
  });

  it('has one function per contract command, and nothing else', () => {
    const { bridge } = fakeElectron();
    expect(Object.keys(bridge.commands).sort()).toEqual([...COMMAND_NAMES].sort());
    for (const name of COMMAND_NAMES) expect(typeof bridge.commands[name]).toBe('function');
  });

  it('keeps its literal name lists in step with the contract', () => {
    expect([...PRELOAD_COMMAND_NAMES].sort()).toEqual([...COMMAND_NAMES].sort());
    expect([...PRELOAD_EVENT_NAMES].sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('sends each command on its own channel with the input, and returns the main answer', async () => {
    const answer = { ok: true, value: { printed: true } };
    const { bridge, ipcRenderer } = fakeElectron(async () => answer);
    await expect(bridge.commands['sales:print']({ saleId: 4 })).resolves.toBe(answer);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(ipcCommandChannel('sales:print'), { saleId: 4 });
    for (const name of COMMAND_NAMES) {
      ipcRenderer.invoke.mockClear();
      await (bridge.commands[name] as (input: unknown) => Promise<unknown>)({});
      expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      expect(ipcRenderer.invoke.mock.calls[0]?.[0]).toBe(ipcCommandChannel(name));
    }
  });

  it('resolves to an INTERNAL Result instead of rejecting when main does not answer', async () => {
    const { bridge } = fakeElectron(() => Promise.reject(new Error("No handler registered for 'till:app:status'")));
    await expect(bridge.commands['app:status']({})).resolves.toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.any(String) },
    });
  });

  it('subscribes to contract events and passes only the payload to the listener', () => {
    const { bridge, emit, ipcRenderer } = fakeElectron();
    const listener = vi.fn();
    const unsubscribe = bridge.subscribe('connection:changed', listener);
    expect(ipcRenderer.on).toHaveBeenCalledWith(ipcEventChannel('connection:changed'), expect.any(Function));
    emit(ipcEventChannel('connection:changed'), { state: 'offline', queued: 2 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ state: 'offline', queued: 2 }]);

    unsubscribe();
    emit(ipcEventChannel('connection:changed'), { state: 'online', queued: 0 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    unsubscribe(); // idempotent
    expect(ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
  });

  it('accepts every contract event', () => {
    const { bridge } = fakeElectron();
    for (const name of EVENT_NAMES) expect(typeof bridge.subscribe(name, () => undefined)).toBe('function');
  });

  it('refuses event names outside the contract, and does not listen', () => {
    const { bridge, ipcRenderer } = fakeElectron();
    const subscribe = bridge.subscribe as (name: string, listener: () => void) => () => void;
    for (const name of ['sales:secret', 'till:apiKey:set', 'electron-store-get-data', '', 'constructor', '__proto__']) {
      expect(() => subscribe(name, () => undefined)).toThrow(/Unknown event/);
    }
    expect(() => bridge.subscribe('sales:changed' as EventName, 'nope' as never)).toThrow(TypeError);
    expect(ipcRenderer.on).not.toHaveBeenCalled();
  });
});
