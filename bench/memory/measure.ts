/**
 * The memory measurement itself, bundled by bench/memory.ts and run with plain `node --expose-gc`
 * (no TypeScript loader in the process), on a copy of the year ledger the launcher prepared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TRAINING_API_KEY } from '../../simulator';
import { FINAL, findOffers, openCore } from '../lib/core';
import { metric, runBench } from '../lib/report';
import { SimProcess } from '../lib/sim-process';
import { mapLimit, sleep } from '../lib/stats';
import { readYearInfo } from '../lib/year-ledger';

const SALES = 500;
const MB = 1024 * 1024;

async function settle(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await sleep(100);
  }
  return process.memoryUsage();
}

runBench('memory', async (r) => {
  const gcAvailable = typeof (globalThis as { gc?: unknown }).gc === 'function';
  const dataDir = process.env.BENCH_MEMORY_DIR;
  if (!dataDir) throw new Error('run through bench/memory.ts (BENCH_MEMORY_DIR is not set)');
  const info = readYearInfo(dataDir);
  const sim = await SimProcess.start(['--handling-ms', '0', '--balance', '1000000000']);
  try {
    const before = await settle();

    const till = await openCore({
      dataDir,
      apiUrl: sim.url,
      apiKey: TRAINING_API_KEY,
      timing: { firstPollMs: 20, pollMs: 50, probeMinMs: 50, probeMaxMs: 200, idleMs: 500 },
    });
    const opened = await settle();
    await till.h['settings:update']({ queueCap: SALES, apiRequestsPerMinute: 6000 }); // the simulator here has no limit
    const offers = await findOffers(till.h, 6);
    for (const o of offers) await sim.control('POST', '/stock', { productId: o.productId, typeId: o.typeId, qty: 1_000_000 });
    for (const o of offers) await till.h['catalog:product']({ productId: o.productId });

    await sim.control('POST', '/offline', { offline: true });
    const ids = await mapLimit(
      Array.from({ length: SALES }, (_, i) => i),
      100,
      async (i) => (await till.h['sales:confirm']({ ...offers[i % offers.length]!, quantity: 1 + (i % 3) })).id,
    );
    await sim.control('POST', '/offline', { offline: false });
    const t0 = performance.now();
    await Promise.all(ids.map((id) => till.waitState(id, FINAL, 120_000)));
    r.log(`drained ${ids.length} sales in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // What the screens would do next: the recent sales, a history search, today's report.
    await till.h['sales:list']({ limit: 50 });
    const loose = till.h as unknown as Record<string, ((input: unknown) => Promise<unknown>) | undefined>;
    const sample = info.samples[5]!;
    await loose['history:search']?.({ codeSuffix: sample.code.slice(-4), limit: 50 });
    await loose['reports:day']?.({ day: new Date().toISOString().slice(0, 10) });
    await sleep(300);
    const after = await settle();
    await till.core.close();

    r.note(
      `${info.sales}-sale ledger (${(fs.statSync(path.join(dataDir, 'ledger.sqlite')).size / MB).toFixed(0)} MB on disk) opened with createCore, ${SALES} sales queued offline and drained against the simulator (in another process), ` +
        `then sales:list, a history search and today's report. process.memoryUsage() after ${gcAvailable ? 'gc() (--expose-gc)' : 'NO gc (run with --expose-gc)'}. ` +
        `Run from an esbuild bundle under plain node, as the built till runs (no TypeScript loader); ${(before.rss / MB).toFixed(0)} MB before createCore (node, modules, harness).`,
    );
    r.add(
      metric({
        name: 'core RSS: 100k ledger open, queue drained',
        unit: 'MB',
        median: after.rss / MB,
        p95: null,
        runs: 1,
        target: '≤ 200 MB',
        pass: after.rss / MB <= 200,
      }),
    );
    r.add(metric({ name: 'RSS before createCore (node + modules)', unit: 'MB', median: before.rss / MB, p95: null, runs: 1, target: 'info', pass: null }));
    r.add(metric({ name: 'RSS right after createCore', unit: 'MB', median: opened.rss / MB, p95: null, runs: 1, target: 'info', pass: null }));
    r.add(metric({ name: 'JS heap used after the drain', unit: 'MB', median: after.heapUsed / MB, p95: null, runs: 1, target: 'info', pass: null }));
    r.add(
      metric({
        name: 'external + array buffers after the drain',
        unit: 'MB',
        median: (after.external + after.arrayBuffers) / MB,
        p95: null,
        runs: 1,
        target: 'info',
        pass: null,
      }),
    );
  } finally {
    await sim.stop();
  }
});
