import type { SharedCompanion } from './shared-ledger';
import type { TillIdentity } from './till-identity';
import { registerTill } from './tills';

/**
 * A till renamed by its owner is renamed in the shop's `tills` table at the next round (joining
 * registers the name of the moment, so only later renames are left to push).
 */
export function tillNameSync(till: TillIdentity): SharedCompanion {
  let pushed = till.name;
  return {
    name: 'till-name',
    async sync(pool) {
      const name = till.name;
      if (name === pushed) return 'done';
      if ((await registerTill(pool, { tillId: till.id, name })) === 'unreachable') return 'unreachable';
      pushed = name;
      return 'done';
    },
  };
}
