import type { EventName, EventPayload } from '../../../shared/contract';
import type { EventListener, Logger } from './ports';

/** Publishes one contract event to whoever listens (the IPC window, the HTTP event stream). */
export type Emit = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/**
 * The core's events, from the domains that cause them to the adapters that forward them. A
 * listener that throws is logged (by name, never by payload) and the others still hear the event.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly logger: Logger) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readonly emit: Emit = (name, payload) => {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch (e) {
        this.logger.warn('event listener failed', { event: name, error: e instanceof Error ? e.name : 'unknown' });
      }
    }
  };
}
