/**
 * Stand-alone simulator for e2e tests and demos:
 *   tsx simulator/cli.ts [--port N] [--handling-ms N] [--latency-ms N] [--balance N] [--seed N]
 *     [--unknown-error-resolve-ms N] [--queued-resolve-ms N]
 * Prints one JSON line {"url","controlUrl","controlToken"} on stdout, then runs until SIGTERM/SIGINT.
 * Parses process.argv only (no import.meta), so it also works when bundled by esbuild.
 */
import { startSimulator, type SimulatorOptions } from './index';

const FLAGS = {
  '--port': 'port',
  '--handling-ms': 'handlingMs',
  '--latency-ms': 'latencyMs',
  '--balance': 'balanceDzd',
  '--seed': 'seed',
  '--unknown-error-resolve-ms': 'unknownErrorResolveMs',
  '--queued-resolve-ms': 'queuedResolveMs',
} as const satisfies Record<string, keyof SimulatorOptions>;

function isFlag(arg: string): arg is keyof typeof FLAGS {
  return Object.hasOwn(FLAGS, arg);
}

function parseArgs(argv: readonly string[]): SimulatorOptions {
  const options: SimulatorOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const eq = raw.indexOf('=');
    const flag = eq >= 0 ? raw.slice(0, eq) : raw;
    const value = eq >= 0 ? raw.slice(eq + 1) : argv[++i];
    if (!isFlag(flag)) throw new Error(`unknown option: ${flag}`);
    const n = Number(value);
    if (value === undefined || value.trim() === '' || !Number.isFinite(n)) throw new Error(`${flag} needs a number`);
    options[FLAGS[flag]] = n;
  }
  return options;
}

async function main(): Promise<void> {
  // This tool exists to be driven by tests and benchmarks: it opens the control listener, and hands
  // its token only to the process that started it, on the stdout pipe.
  const sim = await startSimulator({ ...parseArgs(process.argv.slice(2)), controlListener: true });
  process.stdout.write(`${JSON.stringify({ url: sim.url, controlUrl: sim.controlUrl, controlToken: sim.controlToken })}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`simulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
