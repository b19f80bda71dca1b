import { useTranslation } from 'react-i18next';
import { OpenShiftScreen } from '../shift/OpenShiftScreen';
import { TrainingBanner } from '../status-bar/Header';
import { FirstStart } from './FirstStart';
import { PinScreen } from './PinScreen';
import { useSessionStore } from './sessionStore';

/** What stands between the till and the counter: the first start, the PIN screen, then the float when no shift is open. */
export function SessionGate() {
  const { t } = useTranslation();
  const status = useSessionStore((s) => s.status);
  return (
    <div className="gate">
      <TrainingBanner />
      <main className="gate-main">
        {status === 'loading' && <p className="lead">{t('session.loading')}</p>}
        {status === 'setup' && <FirstStart />}
        {status === 'locked' && <PinScreen />}
        {status === 'signedIn' && <OpenShiftScreen />}
      </main>
    </div>
  );
}
