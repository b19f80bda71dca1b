import { useTranslation } from 'react-i18next';
import { QuestionDialog } from '../../../ui/QuestionDialog';

/**
 * "Remplacer les ventes actuelles ?": the last word before a restore, with "Annuler" right next to
 * "Oui, remplacer" (Escape cancels too). `name` is the file picked from the list; null when the
 * file is chosen next, in the system's dialog.
 */
export function RestoreConfirmDialog({ name, onConfirm, onCancel }: { name: string | null; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <QuestionDialog
      titleId="restore-confirm-title"
      title={t('backupPick.confirmTitle')}
      safeLabel={t('backupPick.cancel')}
      onSafe={onCancel}
      answers={[{ label: t('backup.restoreConfirm'), kind: 'danger', onClick: onConfirm }]}
    >
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
    </QuestionDialog>
  );
}
