import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/useFormat';
import { useNow } from '../../ui/useNow';
import { secondsSince } from '../pending-sales/saleStates';
import { useSettingsStore } from '../settings/settingsStore';

/**
 * Offline, prices come from the last check the background warmer made: says how old they are
 * ("prix d'il y a 3 h"), and plainly when they are past the owner's limit, since the till will
 * then refuse the sale. Nothing is shown while prices are live.
 */
export function PriceAge({ detail }: { detail: { live: boolean; checkedAt: string } | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const maxHours = useSettingsStore((s) => s.settings.maxOfflinePriceAgeHours);
  const now = useNow(!!detail && !detail.live, 30_000);
  if (!detail || detail.live) return null;
  const seconds = secondsSince(detail.checkedAt, now);
  const tooOld = seconds > maxHours * 3600;
  const age = f.age(seconds);
  return (
    <p className={tooOld ? 'price-age warn-text' : 'price-age small warn-text'} role={tooOld ? 'alert' : undefined}>
      {tooOld ? t('priceAge.tooOld', { age, max: f.int(maxHours) }) : t('priceAge.offline', { age })}
    </p>
  );
}
