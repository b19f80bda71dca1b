import type { z } from 'zod';
import { commands, isCommandName, type CommandHandlers, type CommandName } from '../../../shared/contract';
import { AppError, type AppErrorShape, type Result } from '../../../shared/result';
import type { Logger } from '../platform/ports';

/**
 * The one path from an untrusted message to a handler, shared by the IPC and HTTP adapters:
 * validate the input with the contract's schema, run the handler, check the output, and return a
 * Result. Nothing is thrown, and an unexpected error's text (which could hold anything) never
 * crosses the boundary.
 */

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
  const where =
    error instanceof Error
      ? error.stack
          ?.split('\n')
          .slice(1, 6)
          .map((l) => l.trim())
      : undefined;
  logger?.error('command failed', { command, error: error instanceof Error ? error.name : typeof error, where });
  return INTERNAL;
}

/** Runs one command for one call from either adapter; never rejects. */
export async function dispatchCommand(name: CommandName, handlers: CommandHandlers, rawInput: unknown, logger?: Logger): Promise<Result<unknown>> {
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
      logger?.error('command returned an invalid value', {
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

/** For transports where the command name itself is untrusted text (the HTTP path). */
export async function dispatchByName(handlers: CommandHandlers, name: unknown, rawInput: unknown, logger?: Logger): Promise<Result<unknown>> {
  if (!isCommandName(name)) return { ok: false, error: { code: 'NOT_FOUND', message: 'Unknown command' } };
  return dispatchCommand(name, handlers, rawInput, logger);
}
