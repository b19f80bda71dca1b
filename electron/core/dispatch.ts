import { commands, isCommandName, type CommandHandlers } from '../../shared/contract';
import { AppError, type Result } from '../../shared/result';
import type { Logger } from './ports';

/**
 * The one path from an untrusted message to a handler, shared by the IPC and HTTP adapters:
 * validate the input with the contract's schema, run the handler, and return a Result. Nothing is
 * thrown, and an unexpected error's text (which could hold anything) never crosses the boundary.
 */
export async function dispatchCommand(handlers: CommandHandlers, name: unknown, rawInput: unknown, logger?: Logger): Promise<Result<unknown>> {
  if (!isCommandName(name)) return { ok: false, error: { code: 'NOT_FOUND', message: 'Unknown command' } };
  const parsed = commands[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || '(input)';
    return { ok: false, error: { code: 'INVALID_INPUT', message: `${field}: ${issue?.message ?? 'invalid'}`, details: { field } } };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toShape() };
    logger?.error('command failed', { command: name, error: e instanceof Error ? e.name : typeof e });
    return { ok: false, error: { code: 'INTERNAL', message: 'Unexpected error in the till; the sale data is safe' } };
  }
}
