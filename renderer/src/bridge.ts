import type { z } from 'zod';
import {
  commands,
  EVENT_NAMES,
  events,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type EventName,
  type EventPayload,
} from '../../shared/contract';
import { HTTP_COMMAND_PREFIX, HTTP_EVENTS_PATH, HTTP_SECRET_HEADER, PRELOAD_GLOBAL, type PreloadBridge, type TillApi } from '../../shared/api';
import { appErrorSchema, type AppErrorShape, type Result } from '../../shared/result';

/**
 * The only module that talks to the core. Everything else imports `api()` from here.
 *
 * Two transports carry the same contract: the Electron preload (`window.tillBridge`) and, where
 * Electron is absent, the browser host's HTTP adapter on 127.0.0.1 guarded by a per-launch secret.
 * Whatever comes back is checked against the contract's zod schema before anyone sees it, and no
 * failure ever escapes as an exception: it becomes `{ ok: false, error }`.
 */

/** Whether the renderer can reach the core at all (not the provider: that is `connection:changed`). */
export type TransportState = 'up' | 'down';

export interface Bridge extends TillApi {
  readonly kind: 'preload' | 'http';
  onTransport(listener: (state: TransportState) => void): () => void;
}

const SECRET_STORAGE_KEY = 'till.secret';

function internal(message: string): { ok: false; error: AppErrorShape } {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

/**
 * Checks an envelope that crossed the boundary. Payloads are never echoed into the error: a
 * receipt carries card codes, and error messages may end up on screen or in a log.
 */
export function checkResult<K extends CommandName>(name: K, raw: unknown): Result<CommandOutput<K>> {
  if (!raw || typeof raw !== 'object' || !('ok' in raw)) return internal(`Malformed response to ${name}`);
  const envelope = raw as { ok: unknown; value?: unknown; error?: unknown };
  if (envelope.ok === true) {
    const schema = commands[name].output as unknown as z.ZodType<CommandOutput<K>>;
    const parsed = schema.safeParse(envelope.value);
    if (!parsed.success) return internal(`Unexpected data in the response to ${name}`);
    return { ok: true, value: parsed.data };
  }
  if (envelope.ok === false) {
    const parsed = appErrorSchema.safeParse(envelope.error);
    if (!parsed.success) return internal(`Malformed error in the response to ${name}`);
    return { ok: false, error: parsed.data };
  }
  return internal(`Malformed response to ${name}`);
}

/** Input is validated here too, so that a mistake surfaces as INVALID_INPUT naming the field. */
function checkInput<K extends CommandName>(name: K, input: CommandInput<K>): AppErrorShape | null {
  const parsed = (commands[name].input as unknown as z.ZodType).safeParse(input ?? {});
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : '';
  return {
    code: 'INVALID_INPUT',
    message: field ? `Invalid value for ${field}` : 'Invalid input',
    details: field ? { field } : {},
  };
}

function parseEvent<K extends EventName>(name: K, payload: unknown): EventPayload<K> | null {
  const parsed = (events[name] as unknown as z.ZodType<EventPayload<K>>).safeParse(payload);
  return parsed.success ? parsed.data : null;
}

type AnyListener = (payload: unknown) => void;

class Listeners {
  private readonly map = new Map<EventName, Set<AnyListener>>();
  add(name: EventName, listener: AnyListener): () => void {
    let set = this.map.get(name);
    if (!set) {
      set = new Set();
      this.map.set(name, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }
  emit(name: EventName, payload: unknown): void {
    for (const listener of [...(this.map.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch {
        // One broken listener must not starve the others.
      }
    }
  }
}

class TransportListeners {
  private readonly set = new Set<(state: TransportState) => void>();
  state: TransportState = 'up';
  add(listener: (state: TransportState) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  set_(state: TransportState): void {
    if (state === this.state) return;
    this.state = state;
    for (const l of [...this.set]) l(state);
  }
}

// ---------------------------------------------------------------- Electron preload

export function createPreloadApi(preload: PreloadBridge): Bridge {
  return {
    kind: 'preload',
    async call(name, input) {
      const bad = checkInput(name, input);
      if (bad) return { ok: false, error: bad };
      const fn = preload.commands[name] as unknown as ((i: unknown) => Promise<unknown>) | undefined;
      if (typeof fn !== 'function') return internal(`The core does not offer ${name}`);
      try {
        return checkResult(name, await fn(input ?? {}));
      } catch {
        return internal(`The call to ${name} failed`);
      }
    },
    on(name, listener) {
      return preload.subscribe(name, (payload) => {
        const checked = parseEvent(name, payload);
        if (checked) listener(checked);
      });
    },
    onTransport() {
      return () => {};
    },
  };
}

// ---------------------------------------------------------------- HTTP (browser host)

type EventSourceLike = {
  readyState: number;
  addEventListener(type: string, listener: (ev: { data?: unknown }) => void): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
};

export interface HttpDeps {
  fetch: (
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ) => Promise<{
    status: number;
    json(): Promise<unknown>;
  }>;
  EventSource?: new (url: string) => EventSourceLike;
  secret: string | null;
  /** Origin-relative by default; tests pass an absolute base. */
  baseUrl?: string;
  /** Delay before re-opening an event stream the server closed for good. */
  reconnectMs?: number;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

const EVENT_SOURCE_CLOSED = 2;

export function createHttpApi(deps: HttpDeps): Bridge {
  const base = deps.baseUrl ?? '';
  const secret = deps.secret ?? '';
  const listeners = new Listeners();
  const transport = new TransportListeners();
  let source: EventSourceLike | null = null;
  const schedule = deps.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));

  function openEvents(): void {
    if (source || !deps.EventSource) return;
    const es = new deps.EventSource(`${base}${HTTP_EVENTS_PATH}?secret=${encodeURIComponent(secret)}`);
    source = es;
    for (const name of EVENT_NAMES) {
      es.addEventListener(name, (ev) => {
        if (typeof ev.data !== 'string') return;
        let payload: unknown;
        try {
          payload = JSON.parse(ev.data);
        } catch {
          return;
        }
        const checked = parseEvent(name, payload);
        if (checked) listeners.emit(name, checked);
      });
    }
    es.onopen = () => transport.set_('up');
    es.onerror = () => {
      transport.set_('down');
      // EventSource retries by itself unless the server refused the stream; then we retry.
      if (es.readyState === EVENT_SOURCE_CLOSED) {
        es.close();
        if (source === es) source = null;
        schedule(openEvents, deps.reconnectMs ?? 3000);
      }
    };
  }

  return {
    kind: 'http',
    async call(name, input) {
      const bad = checkInput(name, input);
      if (bad) return { ok: false, error: bad };
      let response: Awaited<ReturnType<HttpDeps['fetch']>>;
      try {
        response = await deps.fetch(`${base}${HTTP_COMMAND_PREFIX}${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HTTP_SECRET_HEADER]: secret },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        transport.set_('down');
        return internal(`The till service cannot be reached (${name})`);
      }
      transport.set_('up');
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return internal(`The till service answered HTTP ${response.status} without a result`);
      }
      return checkResult(name, body);
    },
    on(name, listener) {
      openEvents();
      return listeners.add(name, listener as AnyListener);
    },
    onTransport(listener) {
      return transport.add(listener);
    },
  };
}

// ---------------------------------------------------------------- secret from the page URL

type SecretWindow = {
  location: { hash: string; pathname: string; search: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
  sessionStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
};

/**
 * The browser host opens the till at `…/#secret=XYZ`. Keep it for this tab (so reload works) and
 * take it out of the address bar at once, so it is not bookmarked, shared or shown on screen.
 */
export function takeSecret(win: SecretWindow): string | null {
  const match = /(?:^#|[#&])secret=([^&]*)/.exec(win.location.hash);
  if (match) {
    let secret = match[1] ?? '';
    try {
      secret = decodeURIComponent(secret);
    } catch {
      // keep as is
    }
    try {
      win.sessionStorage.setItem(SECRET_STORAGE_KEY, secret);
    } catch {
      // storage may be disabled; the secret still works for this page
    }
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}`);
    return secret;
  }
  try {
    return win.sessionStorage.getItem(SECRET_STORAGE_KEY);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- the one instance

/** Told about every failed command, whoever called it (the session gate listens for SIGNED_OUT). */
export type CallErrorListener = (name: CommandName, error: AppErrorShape) => void;

const callErrorListeners = new Set<CallErrorListener>();

export function onCallError(listener: CallErrorListener): () => void {
  callErrorListeners.add(listener);
  return () => callErrorListeners.delete(listener);
}

function observed(inner: Bridge): Bridge {
  return {
    kind: inner.kind,
    async call(name, input) {
      const r = await inner.call(name, input);
      if (!r.ok) {
        for (const l of [...callErrorListeners]) {
          try {
            l(name, r.error);
          } catch {
            // A listener's failure must not change the caller's result.
          }
        }
      }
      return r;
    },
    on: (name, listener) => inner.on(name, listener),
    onTransport: (listener) => inner.onTransport(listener),
  };
}

let current: Bridge | null = null;
let wrapped: { inner: Bridge; outer: Bridge } | null = null;

function createDefault(): Bridge {
  const w = globalThis as unknown as Record<string, unknown> & Window;
  const preload = w[PRELOAD_GLOBAL] as PreloadBridge | undefined;
  if (preload && typeof preload === 'object' && preload.commands) return createPreloadApi(preload);
  return createHttpApi({
    fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin', cache: 'no-store' }),
    EventSource: typeof EventSource === 'undefined' ? undefined : (EventSource as unknown as HttpDeps['EventSource']),
    secret: takeSecret(window),
  });
}

/** The bridge to the core, created on first use. */
export function api(): Bridge {
  current ??= createDefault();
  if (wrapped?.inner !== current) wrapped = { inner: current, outer: observed(current) };
  return wrapped.outer;
}

/** Unit tests install a fake core here. */
export function installApi(bridge: Bridge | null): void {
  current = bridge;
  wrapped = null;
}
