import pg from 'pg';

export interface SharedPoolOptions {
  /** postgresql://… of the shop's server. */
  url: string;
  /** How long a till waits for a connection before calling the server unreachable. */
  connectTimeoutMs?: number;
  /** Connections this till may hold: one is held for the whole send while it has the sender lock. */
  max?: number;
  /** Names this till's sessions on the server (pg_stat_activity): the other tills see it is alive (sender-marks.ts). */
  applicationName?: string;
  /** How long the server keeps a transaction this till left open and silent (then ends the session). */
  idleInTransactionMs?: number;
}

/**
 * Asked of the server for each of the till's sessions. A till that vanishes without closing its
 * socket (power cut, cable, a laptop put to sleep) would otherwise keep its session, and with it the
 * sender lock and a mark the others honour, for as long as the OS's default keepalive takes (over two
 * hours on Linux): the server probes a silent till after 15 s and gives up 3 × 5 s later. A transaction
 * left open (only the schema migrations use one) is ended after idleInTransactionMs, so a till that
 * stopped mid-migration does not hold every other till's join.
 */
function sessionOptions(idleInTransactionMs: number): string {
  return [
    'tcp_keepalives_idle=15',
    'tcp_keepalives_interval=5',
    'tcp_keepalives_count=3',
    `idle_in_transaction_session_timeout=${Math.max(1, Math.round(idleInTransactionMs))}`,
  ]
    .map((o) => `-c ${o}`)
    .join(' ');
}

/**
 * The till's pool to the shared server. A bounded connect time, so that a server that does not
 * answer (cable pulled, host down) becomes an 'unreachable' result in seconds instead of a sale
 * stuck forever; and an 'error' listener, because pg emits 'error' on the pool when an *idle*
 * connection dies (server restarted) and an unheard 'error' event would end the till's process.
 */
const INT8_OID = 20;

export function createSharedPool(options: SharedPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    max: options.max ?? 4,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
    options: sessionOptions(options.idleInTransactionMs ?? 60_000),
    // A server that vanishes without closing the socket (cable, power) is otherwise never noticed
    // on a connection that waits (the sender lock's); keepalive lets the OS find it, if slowly.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // bigint columns (centimes, epoch ms, local ids) as numbers: all stay far below 2^53.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', () => undefined); // the dead connection is already out of the pool; the next query reconnects
  return pool;
}

/**
 * Whether an error means "the server could not be asked" (down, restarting, refusing, connection
 * dropped) rather than "the server answered no". Those become the typed 'unreachable' results; any
 * other error (a bug, a schema that is not there) is thrown, so it is seen rather than waited on.
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    // SQLSTATE class 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN'].includes(code)) return true;
  }
  // pg's own messages for a connection that ended or a pool that timed out (they carry no code).
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection timeout/i.test(error.message);
}
