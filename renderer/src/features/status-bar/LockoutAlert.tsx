import { useTranslation } from 'react-i18next';
import { openBackoffice } from '../backoffice/backofficeActions';
import { useFormat } from '../../ui/useFormat';
import type { LockoutAlert as Alert } from '../../../../shared/shop';
import { useSessionStore } from '../session/sessionStore';

/** One empty list, so the store selector returns the same value while there is nothing to say. */
const NONE: Alert[] = [];

/**
 * Tells the owner that wrong PINs locked a cashier out (someone may be guessing). The core sends
 * these to the owner only, and keeps them until the owner opens the list of cashiers.
 */
export function LockoutAlert() {
  const { t } = useTranslation();
  const f = useFormat();
  const alerts = useSessionStore((s) => (s.status === 'signedIn' && s.session?.cashier?.role === 'owner' ? (s.session.lockoutAlerts ?? NONE) : NONE));
  if (alerts.length === 0) return null;
  return (
    <div className="warn-box lockout-alert" role="alert">
      <ul>
        {alerts.map((a) => (
          <li key={a.cashierId} dir="auto">
            {t('staff.lockoutAlert', { name: a.name, n: f.int(a.count), time: f.dateTime(new Date(a.lastAt).toISOString()) })}
          </li>
        ))}
      </ul>
      <button type="button" className="btn small-btn" onClick={() => openBackoffice('staff')}>
        {t('staff.lockoutAlertOpen')}
      </button>
    </div>
  );
}
