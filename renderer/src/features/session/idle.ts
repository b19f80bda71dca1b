/**
 * The renderer's half of the idle lock. The core locks itself after `idleLockMinutes` without a
 * command; the screen must lock at the same moment even when the cashier only reads or scrolls,
 * and must tell the core that someone is still there (session:touch) without a call per keystroke.
 *
 * - `activity()` is cheap (it only notes the time): the idle timer checks the time when it fires
 *   and re-arms itself for what is left, so a stream of pointer moves sets no timers.
 * - `onTouch` runs at most once per `touchEveryMs`: at once when the last touch is old enough,
 *   otherwise once at the end of the window (so the core never falls behind the screen by more).
 */
export interface IdleClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface IdleOptions {
  idleMs: number;
  touchEveryMs: number;
  onIdle(): void;
  onTouch(): void;
}

export const TOUCH_EVERY_MS = 30_000;

export const systemClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class IdleWatcher {
  private lastActivity = 0;
  private lastTouch = 0;
  private idleTimer: unknown = null;
  private touchTimer: unknown = null;
  private running = false;

  constructor(
    private readonly opts: IdleOptions,
    private readonly clock: IdleClock = systemClock,
  ) {}

  /** Starts watching; signing in counts as activity (the core just saw it). */
  start(): void {
    this.stop();
    this.running = true;
    const now = this.clock.now();
    this.lastActivity = now;
    this.lastTouch = now;
    this.arm(this.opts.idleMs);
  }

  stop(): void {
    this.running = false;
    if (this.idleTimer !== null) this.clock.clearTimeout(this.idleTimer);
    if (this.touchTimer !== null) this.clock.clearTimeout(this.touchTimer);
    this.idleTimer = null;
    this.touchTimer = null;
  }

  get active(): boolean {
    return this.running;
  }

  activity(): void {
    if (!this.running) return;
    const now = this.clock.now();
    this.lastActivity = now;
    if (now - this.lastTouch >= this.opts.touchEveryMs) {
      this.touch();
    } else if (this.touchTimer === null) {
      this.touchTimer = this.clock.setTimeout(
        () => {
          this.touchTimer = null;
          if (this.running && this.lastActivity > this.lastTouch) this.touch();
        },
        this.lastTouch + this.opts.touchEveryMs - now,
      );
    }
  }

  /** The settings changed: the new idle time counts from the last activity. */
  setIdleMs(ms: number): void {
    this.opts.idleMs = ms;
    if (!this.running) return;
    if (this.idleTimer !== null) this.clock.clearTimeout(this.idleTimer);
    this.arm(Math.max(0, this.lastActivity + ms - this.clock.now()));
  }

  private touch(): void {
    this.lastTouch = this.clock.now();
    this.opts.onTouch();
  }

  private arm(ms: number): void {
    this.idleTimer = this.clock.setTimeout(() => this.check(), ms);
  }

  private check(): void {
    this.idleTimer = null;
    if (!this.running) return;
    const quiet = this.clock.now() - this.lastActivity;
    if (quiet >= this.opts.idleMs) {
      this.stop();
      this.opts.onIdle();
    } else {
      this.arm(this.opts.idleMs - quiet);
    }
  }
}
