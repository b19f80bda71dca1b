import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { plainKeyProtector } from '../core/platform/file-secrets';
import type { Logger } from '../core/platform/ports';
import { migrateLedgerToPostgres, MigrationRefused, type MigrationReport } from '../core/shared-ledger/ledger-to-postgres';
import { sharedLedgerUrlOrThrow } from '../core/shared-ledger/shared-ledger-url';

/**
 * The owner's command line for the migration (scripts/ledger-to-postgres.mjs runs it). The shop
 * passphrase comes from a file or is typed (never a command-line argument: other users of the
 * machine see those in `ps`). Exit codes: 0 copied and checked, 1 a check failed, 2 refused.
 */
const USAGE = `usage: npm run ledger:to-postgres -- --data-dir DIR --url postgres://user:password@host:port/db [--passphrase-file FILE]
  --data-dir         the till's data dir (default: POS_DATA_DIR)
  --url              the shop's PostgreSQL server (default: POS_DATABASE_URL)
  --passphrase-file  a file holding the shop passphrase (else it is asked for, or read from stdin)`;

class UsageError extends Error {}

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): { dataDir: string; url: string; passphraseFile: string | null } {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') throw new UsageError('');
    if (a === '--passphrase')
      throw new UsageError('the passphrase is never given on the command line (other users see it in ps): use --passphrase-file or type it');
    if (!['--data-dir', '--url', '--passphrase-file'].includes(a)) throw new UsageError(`unknown argument ${a}`);
    const v = argv[++i];
    if (v === undefined) throw new UsageError(`${a} needs a value`);
    flags.set(a, v);
  }
  const dataDir = flags.get('--data-dir') ?? env.POS_DATA_DIR?.trim();
  if (!dataDir) throw new UsageError('the till data dir is needed (--data-dir or POS_DATA_DIR)');
  const url = sharedLedgerUrlOrThrow('--url', flags.get('--url') ?? env.POS_DATABASE_URL);
  if (!url) throw new UsageError("the shop's server is needed (--url or POS_DATABASE_URL)");
  return { dataDir: path.resolve(dataDir), url, passphraseFile: flags.get('--passphrase-file') ?? null };
}

/** Typed at a terminal without echo, or the first line of stdin when it is not a terminal. */
async function askPassphrase(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true });
  if (process.stdin.isTTY) {
    process.stderr.write('Shop passphrase: ');
    // Keystrokes are not echoed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  if (process.stdin.isTTY) process.stderr.write('\n');
  return line;
}

function print(r: MigrationReport): void {
  const out: string[] = [
    `till ${r.tillName} (${r.tillId}) -> ${r.server}`,
    `pushed ${r.pushed} rows`,
    ...r.counts.map((c) => `${c.table.padEnd(12)} here ${c.local}, server ${c.shared}${c.local === c.shared ? '' : '  MISMATCH'}`),
    ...r.totals.map(
      (t) =>
        `${t.state.padEnd(17)} ${t.local.sales} sales, paid ${t.local.paidC} c, net ${t.local.netC} c` +
        (t.local.sales === t.shared.sales && t.local.paidC === t.shared.paidC && t.local.netC === t.shared.netC
          ? ''
          : `  MISMATCH (server: ${t.shared.sales} sales, paid ${t.shared.paidC} c, net ${t.shared.netC} c)`),
    ),
    `codes checked ${r.codes.checked}, open with the shop key and match: ${r.codes.checked - r.codes.mismatched}`,
    ...r.problems.map((p) => `PROBLEM: ${p}`),
    r.problems.length === 0 ? "OK: the server holds this till's whole ledger" : `FAILED: ${r.problems.length} problem(s)`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

const logger: Logger = {
  info: () => undefined,
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  error: (m, f) => process.stderr.write(`error: ${m}${f?.problem ? ` (${String(f.problem)})` : ''}\n`),
};

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    process.stderr.write(`${e instanceof UsageError && e.message ? `${e.message}\n` : ''}${USAGE}\n`);
    return 2;
  }
  // The browser host keeps the data key in a 0600 file (plainKeyProtector); an Electron till's is
  // sealed by the OS keychain and cannot be opened here (README: "Several counters").
  let passphrase: string | null = null;
  if (args.passphraseFile) passphrase = fs.readFileSync(args.passphraseFile, 'utf8').split(/\r?\n/)[0] ?? '';
  else if (!fs.existsSync(path.join(args.dataDir, 'keys', 'shop-key.bin'))) passphrase = await askPassphrase();
  try {
    const report = await migrateLedgerToPostgres({ dataDir: args.dataDir, url: args.url, passphrase, protector: plainKeyProtector, logger });
    print(report);
    return report.problems.length === 0 ? 0 : 1;
  } catch (e) {
    process.stderr.write(`${e instanceof MigrationRefused ? 'refused' : 'failed'}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

process.exitCode = await main();
