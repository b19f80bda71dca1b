import { describe, expect, it, vi } from 'vitest';
import { ipcCommandChannel } from '../../shared/api';
import { COMMAND_NAMES, type CommandHandlers, type CommandName } from '../../shared/contract';
import { DEFAULT_SETTINGS } from '../../shared/domain';
import { AppError, type Result } from '../../shared/result';
import { registerIpcHandlers, type IpcInvokeEventLike, type IpcMainLike } from '../../electron/main/ipc-adapter';
import { APP_INDEX_URL, trustedSenderPredicate, type SenderFrameLike } from '../../electron/main/window-policy';

const APP_URL = APP_INDEX_URL;
const TRUSTED: SenderFrameLike = { url: `${APP_URL}#/sell`, parent: null };

/** A fake ipcMain: remembers handlers and lets the test invoke them as a renderer would. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invoke = async (channel: string, input: unknown, frame: SenderFrameLike | null = TRUSTED) => {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return (await listener({ senderFrame: frame }, input)) as Result<unknown>;
  };
  return { ipcMain, registered: handlers, invoke };
}

type Stub = (input: unknown) => Promise<unknown>;

/** A CommandHandlers object derived from COMMAND_NAMES; unstubbed commands fail loudly. */
function fakeHandlers(stubs: Partial<Record<CommandName, Stub>> = {}) {
  const calls: Array<{ name: CommandName; input: unknown }> = [];
  const handlers = Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        calls.push({ name, input });
        const stub = stubs[name];
        if (!stub) throw new Error(`${name} not stubbed`);
        return stub(input);
      },
    ]),
  ) as unknown as CommandHandlers;
  return { handlers, calls };
}

function setup(stubs: Partial<Record<CommandName, Stub>> = {}) {
  const ipc = fakeIpcMain();
  const fake = fakeHandlers(stubs);
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const unregister = registerIpcHandlers(ipc.ipcMain, fake.handlers, trustedSenderPredicate(APP_URL), { logger });
  return { ...ipc, ...fake, logger, unregister };
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract command, on its own channel', () => {
    const { registered } = setup();
    expect([...registered.keys()].sort()).toEqual(COMMAND_NAMES.map(ipcCommandChannel).sort());
    expect(registered.size).toBe(COMMAND_NAMES.length);
  });

  it('removes every handler again when unregistered', () => {
    const { registered, unregister } = setup();
    unregister();
    expect(registered.size).toBe(0);
  });

  it('calls the handler with the parsed input and returns { ok: true, value }', async () => {
    const { invoke, calls } = setup({ 'sales:print': async () => ({ printed: true }) });
    const result = await invoke(ipcCommandChannel('sales:print'), { saleId: 7 });
    expect(result).toEqual({ ok: true, value: { printed: true } });
    expect(calls).toEqual([{ name: 'sales:print', input: { saleId: 7 } }]);
  });

  it('accepts a missing input for commands that take none', async () => {
    const { invoke, calls } = setup({ 'settings:get': async () => DEFAULT_SETTINGS });
    const result = await invoke(ipcCommandChannel('settings:get'), undefined);
    expect(result).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(calls).toHaveLength(1);
  });

  describe('refuses untrusted senders with NOT_ALLOWED and never calls the handler', () => {
    const cases: Array<[string, SenderFrameLike | null]> = [
      ['a remote page', { url: 'https://evil.example/index.html', parent: null }],
      ['a local http server', { url: 'http://127.0.0.1:5173/index.html', parent: null }],
      ['another local file', { url: 'file:///tmp/index.html', parent: null }],
      ['the renderer build loaded from file:// (the old origin)', { url: 'file:///opt/till/resources/app.asar/dist/renderer/index.html', parent: null }],
      ['another app:// host', { url: 'app://evil/index.html', parent: null }],
      ['a data: page', { url: 'data:text/html,<script>1</script>', parent: null }],
      ['a subframe of the app', { url: APP_URL, parent: { url: APP_URL } }],
      ['a destroyed frame (null)', null],
    ];
    for (const [label, frame] of cases) {
      it(label, async () => {
        const { invoke, calls } = setup({ 'sales:print': async () => ({ printed: true }) });
        const result = await invoke(ipcCommandChannel('sales:print'), { saleId: 1 }, frame);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error.code).toBe('NOT_ALLOWED');
        expect(calls).toHaveLength(0);
      });
    }
  });

  it('treats a sender check that throws as untrusted', async () => {
    const ipc = fakeIpcMain();
    const { handlers, calls } = fakeHandlers({ 'sales:print': async () => ({ printed: true }) });
    registerIpcHandlers(ipc.ipcMain, handlers, () => {
      throw new Error('boom');
    });
    const result = await ipc.invoke(ipcCommandChannel('sales:print'), { saleId: 1 });
    expect(!result.ok && result.error.code).toBe('NOT_ALLOWED');
    expect(calls).toHaveLength(0);
  });

  describe('rejects invalid input with INVALID_INPUT naming the field, without calling the handler', () => {
    it('a number out of range', async () => {
      const { invoke, calls } = setup();
      const result = await invoke(ipcCommandChannel('sales:confirm'), {
        productId: 'psn-us',
        typeId: 't10',
        quantity: 0,
        expectedUnitRetailC: 100,
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toContain('quantity');
      expect(result.error.details?.field).toBe('quantity');
      expect(calls).toHaveLength(0);
    });

    it('a nested field', async () => {
      const { invoke, calls } = setup();
      const result = await invoke(ipcCommandChannel('settings:update'), { shop: { name: 42 } });
      expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
      expect(!result.ok && result.error.message).toContain('shop.name');
      expect(calls).toHaveLength(0);
    });

    it('an array element', async () => {
      const { invoke } = setup();
      const result = await invoke(ipcCommandChannel('sales:list'), { states: ['QUEUED', 'NOPE'] });
      expect(!result.ok && result.error.message).toContain('states[1]');
    });

    it('an unknown key', async () => {
      const { invoke, calls } = setup();
      const result = await invoke(ipcCommandChannel('catalog:list'), { refresh: true, channel: 'till:apiKey:set' });
      expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
      expect(JSON.stringify(!result.ok && result.error)).toContain('channel');
      expect(calls).toHaveLength(0);
    });

    it('a non-object input', async () => {
      const { invoke, calls } = setup();
      const result = await invoke(ipcCommandChannel('sales:get'), 'DROP TABLE sales');
      expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
      expect(calls).toHaveLength(0);
    });

    it('without echoing the rejected value (a mistyped API key stays out of the error)', async () => {
      const { invoke } = setup();
      const result = await invoke(ipcCommandChannel('apiKey:set'), { key: 'sk_9f' });
      expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
      expect(!result.ok && result.error.message).toContain('key');
      expect(JSON.stringify(result)).not.toContain('sk_9f');
    });
  });

  it('turns a thrown non-AppError into INTERNAL with a generic message (no raw text, not even in the log)', async () => {
    const secret = 'sk_live_THIS_IS_SECRET';
    const { invoke, logger } = setup({
      'apiKey:set': async () => {
        throw new Error(`fetch failed: Authorization: Bearer ${secret}`);
      },
    });
    const result = await invoke(ipcCommandChannel('apiKey:set'), { key: 'abcdefghij' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(Object.keys(result.error)).toEqual(['code', 'message']);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(JSON.stringify(result)).not.toContain('fetch failed');
    expect(logger.error).toHaveBeenCalled();
    expect(JSON.stringify(logger.error.mock.calls)).not.toContain(secret);
  });

  it('turns thrown non-Error values into INTERNAL too', async () => {
    const { invoke } = setup({
      'sales:get': async () => {
        throw 'a string with a code 1234-5678-9012';
      },
    });
    const result = await invoke(ipcCommandChannel('sales:get'), { saleId: 3 });
    expect(!result.ok && result.error.code).toBe('INTERNAL');
    expect(JSON.stringify(result)).not.toContain('1234');
  });

  it('keeps an AppError code, message and details', async () => {
    const { invoke } = setup({
      'sales:confirm': async () => {
        throw new AppError('INSUFFICIENT_BALANCE', 'The OneClickDZ balance is too low.', { balanceC: 1200, neededC: 5000 });
      },
    });
    const result = await invoke(ipcCommandChannel('sales:confirm'), {
      productId: 'psn-us',
      typeId: 't10',
      quantity: 1,
      expectedUnitRetailC: 100,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INSUFFICIENT_BALANCE', message: 'The OneClickDZ balance is too low.', details: { balanceC: 1200, neededC: 5000 } },
    });
  });

  it('answers INTERNAL when the handler returns something outside the output schema', async () => {
    const { invoke } = setup({ 'sales:print': async () => ({ printed: 'yes' }) });
    const result = await invoke(ipcCommandChannel('sales:print'), { saleId: 1 });
    expect(!result.ok && result.error.code).toBe('INTERNAL');
  });

  it('strips output fields the contract does not name', async () => {
    const { invoke } = setup({ 'sales:print': async () => ({ printed: true, rawCode: '1111-2222' }) });
    const result = await invoke(ipcCommandChannel('sales:print'), { saleId: 1 });
    expect(result).toEqual({ ok: true, value: { printed: true } });
  });

  it('never rejects, whatever the handler does', async () => {
    const ipc = fakeIpcMain();
    const { handlers } = fakeHandlers({ 'account:balance': () => Promise.reject(new TypeError('x')) });
    // A handler that throws synchronously instead of rejecting.
    const mutable = handlers as unknown as Record<string, unknown>;
    mutable['catalog:product'] = () => {
      throw new RangeError('sync throw');
    };
    registerIpcHandlers(ipc.ipcMain, handlers, () => true);
    await expect(ipc.invoke(ipcCommandChannel('account:balance'), {})).resolves.toMatchObject({ ok: false });
    await expect(ipc.invoke(ipcCommandChannel('catalog:product'), { productId: 'p1' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    // Unstubbed commands throw a plain Error, bad inputs fail validation: always a Result.
    for (const name of COMMAND_NAMES) {
      await expect(ipc.invoke(ipcCommandChannel(name), {})).resolves.toHaveProperty('ok', false);
      await expect(ipc.invoke(ipcCommandChannel(name), null)).resolves.toHaveProperty('ok', false);
    }
  });
});
