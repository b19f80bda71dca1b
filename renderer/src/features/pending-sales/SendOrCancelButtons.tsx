import { useTranslation } from 'react-i18next';
import type { SaleState } from '../../../../shared/domain';
import { canCancel, canSendNow } from './saleStates';

/**
 * "Envoyer maintenant" and "Annuler" for a sale not sent yet, each only in the states that allow
 * it: the same two buttons in the tray and in the back office's exceptions. `id` is the sale's
 * number as shown; the parent decides what each button does.
 */
export function SendOrCancelButtons({
  state,
  id,
  busy,
  onSendNow,
  onCancel,
}: {
  state: SaleState;
  id: string;
  busy: boolean;
  onSendNow: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {canSendNow(state) && (
        <button type="button" className="btn small-btn" disabled={busy} aria-label={t('tray.sendNowLabel', { id })} onClick={onSendNow}>
          {t('tray.sendNow')}
        </button>
      )}
      {canCancel(state) && (
        <button type="button" className="btn small-btn danger" disabled={busy} aria-label={t('tray.cancelLabel', { id })} onClick={onCancel}>
          {t('tray.cancel')}
        </button>
      )}
    </>
  );
}
