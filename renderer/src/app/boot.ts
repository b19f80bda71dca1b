import { api, onCallError } from '../bridge';
import { useStatusStore } from '../features/status-bar/statusStore';
import { receiveSale } from '../features/pending-sales/salesActions';
import { applySession, loadSession, watchSignedOut } from '../features/session/sessionActions';
import { watchNoShift } from '../features/shift/shiftActions';
import { loadEverything } from './loadEverything';
import { applyBalance, applyStatus } from '../features/status-bar/statusActions';

let started = false;
let unsubscribers: (() => void)[] = [];

/**
 * Subscribes to the core's events, then loads. Subscribing first means an event that arrives
 * during the first load is not missed (the merge keeps the newest copy of each sale).
 */
export async function startApp(): Promise<void> {
  if (started) return;
  started = true;
  const bridge = api();
  unsubscribers = [
    bridge.on('sales:changed', receiveSale),
    bridge.on('connection:changed', ({ state, queued }) => useStatusStore.setState({ connection: state, queued })),
    bridge.on('balance:changed', applyBalance),
    bridge.on('status:changed', applyStatus),
    bridge.on('session:changed', (state) => void applySession(state)),
    onCallError(watchSignedOut),
    // The shift was closed elsewhere and a sale was refused: back to the float screen.
    onCallError(watchNoShift),
    bridge.onTransport((transport) => {
      const was = useStatusStore.getState().transport;
      useStatusStore.setState({ transport });
      // Back after a loss: whatever happened meanwhile, reload rather than guess.
      if (was === 'down' && transport === 'up') void loadSession().then(() => loadEverything());
    }),
  ];
  await loadSession({ quiet: true });
  await loadEverything();
  if (typeof document !== 'undefined') document.documentElement.dataset.tillReady = 'true';
}

export function stopApp(): void {
  for (const u of unsubscribers) u();
  unsubscribers = [];
  started = false;
}
