import { COMMAND_NAMES, type CommandHandlers } from '../../shared/contract';
import { ipcCommandChannel } from '../../shared/api';
import type { AppErrorShape, Result } from '../../shared/result';
import { dispatchCommand } from '../core/commands/dispatch';
import type { Logger } from '../core/platform/ports';
import type { SenderFrameLike } from './window-policy';

export { dispatchCommand, formatIssuePath, invalidInputError } from '../core/commands/dispatch';

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
