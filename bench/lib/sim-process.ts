import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/** The project root: set by the launcher when this runs from a bundle, else the working directory (npm run bench). */
const ROOT = process.env.BENCH_ROOT ?? process.cwd();

/** The simulator in its own process (so its memory is not the core's), driven over its control listener. */
export class SimProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly controlUrl: string,
    private readonly controlToken: string,
  ) {}

  static async start(args: string[]): Promise<SimProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'simulator/cli.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const first = await new Promise<string>((resolve, reject) => {
      const rl = readline.createInterface({ input: child.stdout! });
      const timer = setTimeout(() => reject(new Error('simulator did not start')), 30_000);
      rl.once('line', (line) => {
        clearTimeout(timer);
        resolve(line);
      });
      child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
    });
    const { url, controlUrl, controlToken } = JSON.parse(first) as { url: string; controlUrl: string; controlToken: string };
    return new SimProcess(child, url, controlUrl, controlToken);
  }

  async control(method: 'GET' | 'POST', route: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.controlUrl}${route}`, {
      method,
      headers: { 'x-sim-control-token': this.controlToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as unknown;
    if (!res.ok) throw new Error(`control ${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
