import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';

/**
 * "Quitter sans enregistrer ?": asked when the settings close with changes not saved. Escape (or
 * "Continuer la modification") goes back to the settings, with everything typed still there.
 */
export function LeaveSettingsDialog({ saving, onSave, onDiscard, onKeep }: { saving: boolean; onSave: () => void; onDiscard: () => void; onKeep: () => void }) {
  const { t } = useTranslation();
  const keepRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog labelledBy="leave-settings-title" onClose={onKeep} className="confirm-dialog leave-dialog" initialFocus={keepRef}>
      <h2 id="leave-settings-title">{t('unsaved.title')}</h2>
      <p>{t('unsaved.body')}</p>
      <div className="dialog-actions wrap-actions">
        <button ref={keepRef} type="button" className="btn big" onClick={onKeep}>
          {t('unsaved.keep')}
        </button>
        <button type="button" className="btn danger big" onClick={onDiscard}>
          {t('unsaved.discard')}
        </button>
        <button type="button" className="btn primary big" disabled={saving} onClick={onSave}>
          {t('unsaved.save')}
        </button>
      </div>
    </Dialog>
  );
}
