import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach } from 'vitest';
import { PG_TEST_USER, findPostgresBinDir, postgresTestUserIds } from '../../../scripts/postgres-for-tests.mjs';
import { pollUntil, postgresProcesses, signalAll } from './pg-processes';

/**
 * A throw-away PostgreSQL server for one test: Debian's server binaries (installed by `npm test`'s
 * set-up), a fresh cluster in its own temporary directory, listening on 127.0.0.1 on a free port
 * and on a Unix socket in that directory, trusting every local connection as `postgres`.
 *
 * Who runs it: PostgreSQL refuses to run as root, and the tests run as root here and on CI. The
 * server is then run as the dedicated system user PG_TEST_USER (created by the set-up; see
 * scripts/postgres-for-tests.mjs) through `setpriv`, which changes uid, gid and groups and then
 * *execs* the binary: no PAM session and no intermediate process (unlike `runuser`/`su`), so the pid
 * the test holds is the postmaster's own and signals reach it directly. The temporary directory is
 * handed to that user; the tests, as root, still read its log and postmaster.pid. Run as an
 * ordinary user, the tests start the server as themselves.
 *
 * The postmaster is started directly (not through pg_ctl, which would detach it), and counted as
 * ready when its postmaster.pid says "ready" (what `pg_ctl -w` waits for): no fixed sleep.
 */
export interface PgServer {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Directory of the server's Unix socket (`host` for a socket connection with `pg`). */
  readonly socketDir: string;
  readonly dataDir: string;
  urlFor(database: string): string;
  /** The postmaster's pid while it runs, else null. */
  pid(): number | null;
  /** Every live process of this server (postmaster, backends, auxiliary processes). */
  processes(): number[];
  /** Starts it again after stop() or kill(), on the same data and port. */
  start(): Promise<void>;
  /** Fast shutdown (sessions ended, a clean checkpoint), waited on until no process of it is left. The data stay. */
  stop(): Promise<void>;
  /** stop() then start(): "PostgreSQL restarted mid-shift". Clients see their connections end. */
  restart(): Promise<void>;
  /** SIGKILL to the postmaster and every backend, as if the machine lost power; start() then runs crash recovery. */
  kill(): Promise<void>;
  /** The server's log, for failure messages. */
  logTail(lines?: number): string;
  /** Stops it if it runs and removes its directory. Idempotent. */
  dispose(): Promise<void>;
}

export interface PgServerOptions {
  /**
   * fsync off by default: a test's server is thrown away, and killing its processes (kill()) loses
   * nothing the operating system already holds. A bench timing commits as a till would see them
   * turns it on.
   */
  fsync?: boolean;
  /** More server settings, postgresql.conf names: e.g. { max_connections: '200' }. */
  settings?: Readonly<Record<string, string>>;
  /** How long the first start (initdb included for a process's first server), or a restart, may take. */
  startTimeoutMs?: number;
}

const execFileAsync = promisify(execFile);
const SUPERUSER = 'postgres';
const HOST = '127.0.0.1';
// No PG* variables from the caller's environment: the server, initdb and cp see only these.
const SERVER_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC' };

type Identity = { uid: number; gid: number } | null;

/** The command that runs `bin` as the server's user: see the comment on PgServer. */
function asServerUser(identity: Identity, bin: string, args: string[]): [string, string[]] {
  return identity ? ['setpriv', ['--reuid', String(identity.uid), '--regid', String(identity.gid), '--clear-groups', '--', bin, ...args]] : [bin, args];
}

const runsAs = (identity: Identity) => (identity ? PG_TEST_USER : 'this user');

/** Every server this process started and has not disposed of: stopped however the process exits. */
const live = new Set<{ dispose(): Promise<void>; killNow(): void }>();
process.once('exit', () => {
  for (const server of live) server.killNow();
  removeTemplate();
});

/**
 * initdb takes 1-2 s here, a copy of its result a quarter of that: the first server of a test
 * process runs initdb once into a template, and every server copies it (`cp -a`, as the server's
 * user, so the copy is that user's with initdb's modes). Settings are given at start, not here.
 */
let template: Promise<string> | null = null;
let templateBase: string | null = null;
/** Vitest may end a test process without its 'exit' event: pgServersDisposedAfterEach calls this after the file. */
export function removeTemplate(): void {
  if (templateBase) fs.rmSync(templateBase, { recursive: true, force: true });
  templateBase = null;
  template = null;
}
function templateCluster(binDir: string, identity: Identity, timeoutMs: number): Promise<string> {
  template ??= (async () => {
    templateBase = fs.mkdtempSync(path.join(os.tmpdir(), 'till-pg-template-'));
    if (identity) fs.chownSync(templateBase, identity.uid, identity.gid);
    const dataDir = path.join(templateBase, 'data');
    const [initdb, args] = asServerUser(identity, path.join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      SUPERUSER,
      '--auth=trust',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ]);
    try {
      await execFileAsync(initdb, args, { cwd: templateBase, env: SERVER_ENV, timeout: timeoutMs });
    } catch (e) {
      const err = e as { stderr?: string; message: string };
      template = null;
      throw new Error(`initdb failed (as ${runsAs(identity)}): ${err.stderr || err.message}`, { cause: e });
    }
    return dataDir;
  })();
  return template;
}

/**
 * For a test file: returns `start`, which starts a server, and disposes of every server so started
 * after each test (and of the template cluster after the file). Call it once, at the top of the file.
 */
export function pgServersDisposedAfterEach(defaults: PgServerOptions = {}): (options?: PgServerOptions) => Promise<PgServer> {
  const started: PgServer[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.dispose()));
  });
  afterAll(removeTemplate);
  return async (options = {}) => {
    const server = await startPgServer({ ...defaults, ...options });
    started.push(server);
    return server;
  };
}

export async function startPgServer(options: PgServerOptions = {}): Promise<PgServer> {
  const binDir = findPostgresBinDir();
  if (binDir === null) {
    throw new Error(
      "No PostgreSQL server binaries in /usr/lib/postgresql/<major>/bin: `npm test` installs Debian's postgresql package (or: apt-get install postgresql).",
    );
  }
  const identity = serverIdentity();
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'till-pg-'));
  const dataDir = path.join(base, 'data');
  const socketDir = path.join(base, 'socket');
  const logFile = path.join(base, 'server.log');
  fs.mkdirSync(socketDir, { mode: 0o700 });
  fs.writeFileSync(logFile, '');
  if (identity) for (const p of [base, socketDir]) fs.chownSync(p, identity.uid, identity.gid);

  const logTail = (lines = 40) => {
    try {
      return fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  };

  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let disposed = false;
  let port = 0;

  const serverArgs = () => {
    const settings: Record<string, string> = {
      listen_addresses: HOST,
      port: String(port),
      unix_socket_directories: socketDir,
      fsync: options.fsync ? 'on' : 'off',
      ...options.settings,
    };
    return ['-D', dataDir, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
  };

  const readyFor = (pid: number): boolean => {
    // postmaster.pid: line 1 the pid, line 8 the status ("starting", then "ready").
    try {
      const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
      return lines[0] === String(pid) && lines[7]?.trim() === 'ready';
    } catch {
      return false;
    }
  };

  /** Starts the postmaster on `port`; true once ready, false if it could not bind the port. */
  const launch = async (): Promise<boolean> => {
    const logFd = fs.openSync(logFile, 'a');
    const [cmd, args] = asServerUser(identity, path.join(binDir, 'postgres'), serverArgs());
    const proc = spawn(cmd, args, { cwd: base, env: SERVER_ENV, stdio: ['ignore', logFd, logFd] });
    fs.closeSync(logFd);
    let gone = false;
    exited = new Promise<void>((resolve) => {
      proc.once('exit', () => {
        gone = true;
        resolve();
      });
      proc.once('error', () => {
        gone = true;
        resolve();
      });
    });
    child = proc;
    try {
      await pollUntil(() => gone || readyFor(proc.pid ?? -1), `PostgreSQL ready on ${HOST}:${port}`, startTimeoutMs);
    } catch (e) {
      await killAll();
      throw new Error(`${(e as Error).message}\n${logTail()}`, { cause: e });
    }
    if (!gone) return true;
    child = null;
    if (/could not (bind|create any TCP\/IP sockets)/.test(logTail(10))) return false;
    throw new Error(`PostgreSQL exited while starting (as ${runsAs(identity)}):\n${logTail()}`);
  };

  const waitNoProcessLeft = () => pollUntil(() => postgresProcesses(dataDir).length === 0, `no process left of the server in ${dataDir}`, 30_000);

  const killAll = async () => {
    // The postmaster first, so that it forks nothing more; then whatever is left of it, until none.
    if (child?.pid) signalAll([child.pid], 'SIGKILL');
    await pollUntil(
      () => {
        const left = postgresProcesses(dataDir);
        signalAll(left, 'SIGKILL');
        return left.length === 0;
      },
      `no process left of the server in ${dataDir}`,
      30_000,
    );
    await exited;
    child = null;
  };

  const stop = async () => {
    if (!child) return;
    // SIGINT is PostgreSQL's "fast" shutdown: it ends the sessions and checkpoints, then exits.
    child.kill('SIGINT');
    const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 30_000).unref())]);
    if (!stopped) await killAll();
    await waitNoProcessLeft();
    child = null;
  };

  const start = async () => {
    if (disposed) throw new Error('this PostgreSQL server was disposed of');
    if (child) throw new Error('this PostgreSQL server is already running');
    if (!(await launch())) throw new Error(`port ${port} is taken: PostgreSQL cannot start again on it\n${logTail(5)}`);
  };

  const state = {
    killNow() {
      // At process exit, synchronously: no waiting, just nothing left running and nothing on disk.
      if (child?.pid) signalAll([child.pid], 'SIGKILL');
      signalAll(postgresProcesses(dataDir), 'SIGKILL');
      fs.rmSync(base, { recursive: true, force: true });
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        await stop();
      } catch {
        await killAll();
      } finally {
        live.delete(state);
        fs.rmSync(base, { recursive: true, force: true });
      }
    },
  };
  live.add(state);

  try {
    const [cp, cpArgs] = asServerUser(identity, 'cp', ['-a', await templateCluster(binDir, identity, startTimeoutMs), dataDir]);
    await execFileAsync(cp, cpArgs, { cwd: base, env: SERVER_ENV, timeout: startTimeoutMs });
    // A free port can be taken between our probe and the server's bind: try another one then.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      if (await launch()) break;
      if (attempt === 3) throw new Error(`PostgreSQL found no free port in 3 attempts\n${logTail(5)}`);
    }
  } catch (e) {
    await state.dispose();
    throw e;
  }

  const urlFor = (database: string) => `postgresql://${SUPERUSER}@${HOST}:${port}/${encodeURIComponent(database)}`;
  return {
    url: urlFor('postgres'),
    host: HOST,
    port,
    socketDir,
    dataDir,
    urlFor,
    pid: () => child?.pid ?? null,
    processes: () => postgresProcesses(dataDir),
    start,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    kill: killAll,
    logTail,
    dispose: state.dispose,
  };
}

let cachedIdentity: { uid: number; gid: number } | null | undefined;
/** null: run the server as this process's user; else the uid/gid of PG_TEST_USER (when root). */
function serverIdentity(): { uid: number; gid: number } | null {
  if (cachedIdentity !== undefined) return cachedIdentity;
  if (process.getuid?.() !== 0) return (cachedIdentity = null);
  const ids = postgresTestUserIds();
  if (ids === null) {
    throw new Error(
      `PostgreSQL refuses to run as root and the system user ${PG_TEST_USER} it runs as in tests is missing: ` +
        `\`npm test\` creates it, or: useradd --system --user-group --no-create-home --shell /usr/sbin/nologin ${PG_TEST_USER}`,
    );
  }
  return (cachedIdentity = ids);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
