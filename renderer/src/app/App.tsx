import { useTranslation } from 'react-i18next';
import { useCounterKeys } from '../features/counter/useCounterKeys';
import { useStatusStore } from '../features/status-bar/statusStore';
import { ErrorNote } from '../ui/ErrorNote';
import { Header } from '../features/status-bar/Header';
import { CounterScreen } from '../features/top-ups/CounterScreen';
import { SaleReceiptDialog } from '../features/receipts/SaleReceiptDialog';
import { SalesTray } from '../features/pending-sales/SalesTray';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { ShortcutBar } from '../features/counter/ShortcutBar';
import { Toasts } from '../features/pending-sales/Toasts';
import { loadEverything } from './loadEverything';
import { useIdleLock } from '../features/session/useIdleLock';
import { useSessionStore } from '../features/session/sessionStore';
import { Backoffice } from '../features/backoffice/Backoffice';
import { SessionGate } from '../features/session/SessionGate';
import { ShiftDialog } from '../features/shift/ShiftDialog';
import { needsFloat, useShiftStore } from '../features/shift/shiftStore';

/** The PIN screens until someone is signed in; then the counter, locked again after idle time. */
export function App() {
  const gate = useSessionStore((s) => s.status);
  // Signed in on a till with no open shift: the float screen (in the gate) comes first.
  const float = useShiftStore(needsFloat);
  useIdleLock();
  // 'error': the core did not answer session:get (down, or an older core without sessions). The
  // counter shows its own errors as before; the core still refuses what needs a PIN (SIGNED_OUT).
  if ((gate === 'signedIn' && !float) || gate === 'error') return <Counter />;
  return <SessionGate />;
}

function Counter() {
  const { t } = useTranslation();
  const statusError = useStatusStore((s) => (s.status === 'error' ? s.error : null));
  useCounterKeys();
  return (
    <div className="app">
      <Header />
      {statusError && (
        <div className="app-error">
          <ErrorNote error={statusError} onRetry={() => void loadEverything()} />
          {statusError.code === 'NOT_ALLOWED' && <p className="small">{t('app.noSecret')}</p>}
        </div>
      )}
      <div className="body">
        <main className="main">
          <CounterScreen />
        </main>
        <SalesTray />
      </div>
      <ShortcutBar />
      <Toasts />
      <SettingsDialog />
      <SaleReceiptDialog />
      <ShiftDialog />
      <Backoffice />
    </div>
  );
}
