import { useTranslation } from 'react-i18next';
import { useGlobalKeys } from '../hooks/useGlobalKeys';
import { useFlowStore } from '../stores/flow';
import { useStatusStore } from '../stores/status';
import { DenominationScreen } from './DenominationScreen';
import { ErrorNote } from './ErrorNote';
import { GridScreen } from './GridScreen';
import { Header } from './Header';
import { ProgressScreen } from './ProgressScreen';
import { SaleReceiptDialog } from './SaleReceiptDialog';
import { SalesTray } from './SalesTray';
import { SettingsDialog } from './SettingsDialog';
import { ShortcutBar } from './ShortcutBar';
import { Toasts } from './Toasts';
import { loadEverything } from '../actions/boot';
import { useIdleLock } from '../hooks/useIdleLock';
import { useSessionStore } from '../stores/session';
import { Backoffice } from './Backoffice';
import { SessionGate } from './SessionGate';
import { ShiftDialog } from './ShiftDialog';
import { needsFloat, useShiftStore } from '../stores/shift';

function Screen() {
  const step = useFlowStore((s) => s.step);
  switch (step) {
    case 'grid':
      return <GridScreen />;
    case 'denominations':
    case 'confirm': // the confirmation is a dialog over the cards: going back just closes it
      return <DenominationScreen />;
    case 'progress':
      return <ProgressScreen />;
  }
}

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
  useGlobalKeys();
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
          <Screen />
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
