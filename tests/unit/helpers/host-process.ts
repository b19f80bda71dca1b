import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { HTTP_COMMAND_PREFIX, HTTP_SECRET_HEADER } from '../../../shared/api';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';

/**
 * The browser host as a real child process (run from TypeScript with tsx), so tests can kill it
 * with SIGKILL at any moment and start it again on the same data directory.
 */
export class HostProcess {
  private child: ChildProcess | null = null;
  private base = '';
  private secret = '';
  /** The host's last log lines (stderr, redacted by its logger), for a failing test's message. */
  private readonly recent: string[] = [];

  constructor(private readonly env: Record<string, string>) {}

  /** The running host's pid, origin (`http://127.0.0.1:port`) and per-launch secret, for raw-socket tests. */
  get pid(): number | undefined {
    return this.child?.pid;
  }
  get origin(): string {
    return this.base;
  }
  get launchSecret(): string {
    return this.secret;
  }
  /** The last `n` lines the host logged (across restarts). */
  recentLog(n = 20): string[] {
    return this.recent.slice(-n);
  }
  /** True once the process has ended, however it ended. */
  get exited(): boolean {
    return !this.child || this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/serve.ts', '--port', '0'], {
      cwd: process.cwd(),
      env: { ...process.env, ONECLICKDZ_API_KEY: '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      this.recent.push(line);
      if (this.recent.length > 200) this.recent.shift();
    });
    this.child = child;
    const url = await new Promise<string>((resolve, reject) => {
      const rl = readline.createInterface({ input: child.stdout! });
      const timer = setTimeout(() => reject(new Error('host did not start')), 30_000);
      rl.on('line', (line) => {
        if (line.startsWith('TILL_URL=')) {
          clearTimeout(timer);
          resolve(line.slice('TILL_URL='.length));
        }
      });
      child.once('exit', (code) => reject(new Error(`host exited early (${code})`)));
    });
    const u = new URL(url);
    this.base = `${u.protocol}//${u.host}`;
    this.secret = new URLSearchParams(u.hash.slice(1)).get('secret') ?? '';
    await this.signInOwner();
  }

  /** Every sale needs a signed-in cashier: the owner is created on a fresh ledger. */
  private async signInOwner(): Promise<void> {
    const state = await this.must('session:get', {});
    if (state.needsSetup) await this.must('session:setupOwner', { name: 'Patron', pin: '1234' });
    else await this.must('session:login', { cashierId: state.cashiers.find((c) => c.role === 'owner')!.id, pin: '1234' });
    // No sale without an open shift: an empty drawer, opened through the contract.
    if (!(await this.must('shift:current', {}))) await this.must('shift:open', { openingCashC: 0 });
  }

  async call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>> {
    const res = await fetch(`${this.base}${HTTP_COMMAND_PREFIX}${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HTTP_SECRET_HEADER]: this.secret },
      body: JSON.stringify(input),
    });
    return (await res.json()) as Result<CommandOutput<K>>;
  }

  async must<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
    const r = await this.call(name, input);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  }

  /** `hard` is kill -9: no chance to finish a write or close a socket. */
  async stop(hard = false): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(hard ? 'SIGKILL' : 'SIGTERM');
    });
  }
}
