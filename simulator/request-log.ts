import type { SimRequestLogEntry } from './types';

/** Bounded so that a training session left running for days cannot grow without limit. */
const MAX_ENTRIES = 10_000;

/** Method, path (no query string) and outcome only: never the key, never a body. */
export class RequestLog {
  private entries: SimRequestLogEntry[] = [];

  push(entry: SimRequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): SimRequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  reset(): void {
    this.entries = [];
  }
}
