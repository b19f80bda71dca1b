/**
 * A till in its own process that takes the sender lock through the shared ledger's own code and
 * keeps it (its fn never ends), so a test can kill it with SIGKILL mid-send. Run with tsx:
 *   node --import tsx tests/unit/helpers/sender-lock-holder.ts <postgres url> <key id>
 * Prints "holding" once fn runs, i.e. once it has the lock.
 */
import { createSharedPool } from '../../../electron/core/shared-ledger/pool';
import { withSenderLock } from '../../../electron/core/shared-ledger/sender-lock';

const [url, keyId] = process.argv.slice(2);
if (!url || !keyId) throw new Error('usage: sender-lock-holder.ts <postgres url> <key id>');
const pool = createSharedPool({ url });
setInterval(() => undefined, 60_000); // alive until killed, whatever the pool does
await withSenderLock(pool, keyId, async () => {
  process.stdout.write('holding\n');
  await new Promise<never>(() => undefined);
});
