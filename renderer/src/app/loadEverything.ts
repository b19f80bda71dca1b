import { loadCatalog } from '../features/catalog/catalogActions';
import { loadSales } from '../features/pending-sales/salesActions';
import { useSessionStore } from '../features/session/sessionStore';
import { loadSettings } from '../features/settings/settingsActions';
import { loadShift } from '../features/shift/shiftActions';
import { loadStatus, refreshBalance } from '../features/status-bar/statusActions';

/**
 * Everything the till needs on screen, fetched in parallel. On the PIN screens only what is
 * public (settings for the language, status for the training banner): the rest needs a cashier.
 * Its own module (not in boot.ts): a sign-in calls it, and the boot calls the session, so
 * keeping it in the boot tied boot.ts and sessionActions.ts into an import cycle.
 */
export async function loadEverything(): Promise<void> {
  const gate = useSessionStore.getState().status;
  if (gate === 'setup' || gate === 'locked') {
    await Promise.all([loadSettings(), loadStatus()]);
    return;
  }
  await Promise.all([loadSettings(), loadStatus(), loadCatalog(), refreshBalance(false), loadSales(), loadShift()]);
}
