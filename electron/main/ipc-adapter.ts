import type { z } from 'zod';
import { COMMAND_NAMES, commands, type CommandHandlers, type CommandName } from '../../shared/contract';
import { ipcCommandChannel } from '../../shared/api';
import { AppError, type AppErrorShape, type Result } from '../../shared/result';
import type { Logger } from '../core/ports';
import type { SenderFrameLike } from './window-policy';

/**
 * The ipcMain side of the contract (design §3): one `ipcMain.handle` per command. Each call checks
 * the sender, validates the input with the command's zod schema, runs the core's handler, checks
 * the output, and always resolves to a `Result`: nothing is ever thrown across IPC, because
 * Electron would keep only the message of a thrown Error (and that message might carry a secret).
 *
 * `ipcMain` is a parameter (not an import) so tests drive this with a fake.
 */

/** The part of an `IpcMainInvokeEvent` we read. */
export interface IpcInvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

/** The part of Electron's `ipcMain` we use; the real one fits. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcAdapterOptions {
  logger?: Logger;
}

const NOT_ALLOWED: AppErrorShape = { code: 'NOT_ALLOWED', message: 'This window may not call the till.' };
const INTERNAL: AppErrorShape = { code: 'INTERNAL', message: 'Something went wrong inside the till.' };

/** `shop.name`, `states[0]`, or `(input)` for the object itself. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(input)';
}

/**
 * An INVALID_INPUT error naming the offending field(s). Zod 4's default messages describe the
 * expectation ("expected number, received string"), never echo the value, so an API key typed into
 * the wrong box does not come back in the error.
 */
export function invalidInputError(error: z.ZodError): AppErrorShape {
  const issues = error.issues.slice(0, 10).map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
    return { path: formatIssuePath(issue.path), code: issue.code, message: issue.message, ...(keys ? { keys } : {}) };
  });
  const first = issues[0];
  const message = first ? `Invalid input at ${first.path}: ${first.message}` : 'Invalid input';
  return { code: 'INVALID_INPUT', message, details: { field: first?.path ?? '(input)', issues } };
}

function errorToShape(error: unknown, command: CommandName, logger: Logger | undefined): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  // Log the type and where it came from, never the text: a message can carry a URL or header value.
  const where = error instanceof Error ? error.stack?.split('\n').slice(1, 6).map((l) => l.trim()) : undefined;
  logger?.error('ipc handler failed', { command, error: error instanceof Error ? error.name : typeof error, where });
  return INTERNAL;
}

/** Runs one command for one IPC call. Exported for tests; never rejects. */
export async function dispatchCommand(
  name: CommandName,
  handlers: CommandHandlers,
  rawInput: unknown,
  logger?: Logger,
): Promise<Result<unknown>> {
  try {
    const spec = commands[name];
    // A command without input may be invoked with no argument at all.
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) return { ok: false, error: invalidInputError(parsed.error) };

    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);

    // Re-parse the output: strips anything the schema does not name (nothing unplanned crosses).
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      logger?.error('ipc handler returned an invalid value', {
        command: name,
        paths: checked.error.issues.slice(0, 5).map((i) => formatIssuePath(i.path)),
      });
      return { ok: false, error: INTERNAL };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, error: errorToShape(error, name, logger) };
  }
}

/**
 * Registers one handler per command and returns a function that removes them all again.
 * `isTrustedSender` decides from the sender frame (see `trustedSenderPredicate`).
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: CommandHandlers,
  isTrustedSender: (frame: SenderFrameLike | null) => boolean,
  options: IpcAdapterOptions = {},
): () => void {
  const channels: string[] = [];
  for (const name of COMMAND_NAMES) {
    const channel = ipcCommandChannel(name);
    ipcMain.handle(channel, async (event: IpcInvokeEventLike, ...args: unknown[]): Promise<Result<unknown>> => {
      let trusted = false;
      try {
        trusted = isTrustedSender(event?.senderFrame ?? null);
      } catch {
        trusted = false;
      }
      if (!trusted) {
        options.logger?.warn('ipc call from an untrusted sender refused', { command: name });
        return { ok: false, error: NOT_ALLOWED };
      }
      return dispatchCommand(name, handlers, args[0], options.logger);
    });
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
