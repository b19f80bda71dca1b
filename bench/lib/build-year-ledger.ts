/** `node --import tsx bench/lib/build-year-ledger.ts <dataDir>`: writes the year ledger (see year-ledger.ts). */
import { buildYearLedger } from './year-ledger';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: build-year-ledger.ts <dataDir>\n');
  process.exit(2);
}
const info = buildYearLedger(dir);
process.stdout.write(
  `[year-ledger] built ${info.sales} sales, ${info.cards} encrypted cards, ${info.events} events in ${(info.buildMs / 1000).toFixed(1)} s (bulk path, one transaction)\n`,
);
