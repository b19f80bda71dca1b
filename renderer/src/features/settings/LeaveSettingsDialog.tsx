import { useTranslation } from 'react-i18next';
import { QuestionDialog } from '../../ui/QuestionDialog';

/**
 * "Quitter sans enregistrer ?": asked when the settings close with changes not saved. Escape (or
 * "Continuer la modification") goes back to the settings, with everything typed still there.
 */
export function LeaveSettingsDialog({ saving, onSave, onDiscard, onKeep }: { saving: boolean; onSave: () => void; onDiscard: () => void; onKeep: () => void }) {
  const { t } = useTranslation();
  return (
    <QuestionDialog
      titleId="leave-settings-title"
      title={t('unsaved.title')}
      className="confirm-dialog leave-dialog"
      safeLabel={t('unsaved.keep')}
      onSafe={onKeep}
      answers={[
        { label: t('unsaved.discard'), kind: 'danger', onClick: onDiscard },
        { label: t('unsaved.save'), kind: 'primary', disabled: saving, onClick: onSave },
      ]}
    >
      <p>{t('unsaved.body')}</p>
    </QuestionDialog>
  );
}
