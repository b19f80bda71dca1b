import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { Bridge } from '../../../renderer/src/bridge';

export type Handler<K extends CommandName> = (input: CommandInput<K>) => Result<CommandOutput<K>> | Promise<Result<CommandOutput<K>>>;

/** A core in memory for renderer tests: handlers per command, a call log, events on demand. */
export class FakeCore {
  calls: { name: CommandName; input: unknown }[] = [];
  handlers: Partial<{ [K in CommandName]: Handler<K> }> = {};
  listeners = new Map<EventName, Set<(p: unknown) => void>>();
  bridge: Bridge = {
    kind: 'http',
    call: async (name, input) => {
      this.calls.push({ name, input });
      const h = this.handlers[name] as Handler<typeof name> | undefined;
      if (!h) return { ok: false, error: { code: 'NOT_SUPPORTED', message: name } };
      return h(input as never) as never;
    },
    on: (name, l) => {
      const set = this.listeners.get(name) ?? new Set();
      this.listeners.set(name, set);
      set.add(l as (p: unknown) => void);
      return () => set.delete(l as (p: unknown) => void);
    },
    onTransport: () => () => {},
  };
  on<K extends CommandName>(name: K, h: Handler<K>) {
    (this.handlers as Record<string, unknown>)[name] = h;
  }
  emit<K extends EventName>(name: K, payload: EventPayload<K>) {
    for (const l of this.listeners.get(name) ?? []) l(payload);
  }
  count(name: CommandName) {
    return this.calls.filter((c) => c.name === name).length;
  }
  last(name: CommandName) {
    return this.calls.filter((c) => c.name === name).at(-1)?.input;
  }
}
