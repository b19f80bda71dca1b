import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../ui/Dialog';

/**
 * "Remplacer les ventes actuelles ?": the last word before a restore, with "Annuler" right next to
 * "Oui, remplacer" (Escape cancels too). `name` is the file picked from the list; null when the
 * file is chosen next, in the system's dialog.
 */
export function RestoreConfirmDialog({ name, onConfirm, onCancel }: { name: string | null; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog labelledBy="restore-confirm-title" onClose={onCancel} className="confirm-dialog" initialFocus={cancelRef}>
      <h2 id="restore-confirm-title">{t('backupPick.confirmTitle')}</h2>
      <p>{t('backup.restoreQuestion')}</p>
      <p>
        {name ? (
          <>
            {t('backupPick.confirmFile')}{' '}
            <bdi dir="ltr" className="masked">
              {name}
            </bdi>
          </>
        ) : (
          t('backupPick.confirmChoose')
        )}
      </p>
      <div className="dialog-actions wrap-actions">
        <button ref={cancelRef} type="button" className="btn big" onClick={onCancel}>
          {t('backupPick.cancel')}
        </button>
        <button type="button" className="btn danger big" onClick={onConfirm}>
          {t('backup.restoreConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
