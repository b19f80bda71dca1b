/**
 * A sequential worker: `step` runs one unit of work and says how long to wait before the next.
 * `kick` asks for an immediate run; runs never overlap, which is what makes the order sender
 * single-flight.
 */
export class Lane {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly step: () => Promise<number>,
    private readonly onError: (e: unknown) => void,
    private readonly maxWaitMs: number,
  ) {}

  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private async loop(): Promise<void> {
    for (;;) {
      this.again = false;
      let wait: number;
      try {
        wait = await this.step();
      } catch (e) {
        this.onError(e);
        wait = 1000;
      }
      if (this.closed) return;
      if (this.again || wait <= 0) continue;
      this.timer = setTimeout(() => this.kick(), Math.min(wait, this.maxWaitMs));
      return;
    }
  }
}
