import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/result';
import { updateSettings } from './settingsActions';
import {
  fieldFromError,
  formFromSettings,
  formIsDirty,
  patchFromForm,
  SETTINGS_TABS,
  tabOfField,
  tabsWithErrors,
  type FieldErrors,
  type SettingsForm,
  type SettingsTab,
} from './settingsForm';
import { selectIsOwner, useSessionStore } from '../session/sessionStore';
import { useSettingsStore } from './settingsStore';
import { useUiStore } from '../../app/uiStore';
import { TitledDialog } from '../../ui/Dialog';
import { TabList } from '../../ui/TabList';
import { ErrorNote } from '../../ui/ErrorNote';
import { LeaveSettingsDialog } from './LeaveSettingsDialog';
import { SETTINGS_FORM_ID, useSettingsKit } from './SettingsFields';
import { AdvancedPanel, PrintingPanel, SalesPanel, SecurityPanel, ShopPanel, usePendingOverride } from './SettingsPanels';
import { Form } from '../../ui/Form';

export function SettingsDialog() {
  const open = useUiStore((s) => s.settingsOpen);
  const isOwner = useSessionStore(selectIsOwner);
  // Settings, the API key and the markup are the owner's.
  if (!open || !isOwner) return null;
  return <SettingsDialogBody />;
}

const closeNow = () => useUiStore.setState({ settingsOpen: false });

function SettingsDialogBody() {
  const { t, i18n } = useTranslation();
  const settings = useSettingsStore((s) => s.settings);
  const saving = useSettingsStore((s) => s.saving === 'saving');
  const decimalMark = i18n.language === 'en' ? '.' : ',';
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(settings, decimalMark));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const [tab, setTab] = useState<SettingsTab>('shop');
  const [asking, setAsking] = useState(false);
  const [newOverride, setNewOverride] = usePendingOverride();

  const set = <K extends keyof SettingsForm>(k: K, v: SettingsForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setSaved(false);
  };
  const kit = useSettingsKit(form, set, errors);

  /** Saves; true when everything typed is now stored. An error opens the part that holds it. */
  const save = async (): Promise<boolean> => {
    setSaved(false);
    setServerError(null);
    const { patch, errors: found } = patchFromForm(form, settings);
    setErrors(found);
    const bad = tabsWithErrors(found);
    if (bad[0]) {
      setTab(bad[0]);
      return false;
    }
    if (Object.keys(patch).length === 0) {
      setSaved(true);
      return true;
    }
    const r = await updateSettings(patch);
    if (r.ok) {
      setForm(formFromSettings(r.value, decimalMark));
      setSaved(true);
      return true;
    }
    setServerError(r.error);
    const f = fieldFromError(r.error);
    if (f) {
      setErrors({ [f]: { key: 'settings.validation.refused' } });
      setTab(tabOfField(f));
    }
    return false;
  };

  // Closing (button, Escape) never drops what was typed without asking.
  const dirty = () => formIsDirty(form, settings) || !!newOverride.productId || !!newOverride.markup.trim();
  const requestClose = () => {
    if (dirty()) setAsking(true);
    else closeNow();
  };

  const withErrors = tabsWithErrors(errors);

  return (
    <TitledDialog
      titleId="settings-title"
      title={t('settings.title')}
      closeLabel={t('settings.close')}
      onClose={requestClose}
      className="settings-dialog"
      stickyHead
    >
      <TabList
        className="tabs settings-tabs"
        label={t('settingsNav.label')}
        current={tab}
        onSelect={setTab}
        tabs={SETTINGS_TABS.map((id) => {
          const bad = withErrors.includes(id);
          return {
            id,
            domId: `set-tab-${id}`,
            controls: `set-panel-${id}`,
            className: bad ? 'tab tab-error' : 'tab',
            description: bad ? t('settingsNav.hasErrors') : undefined,
            content: (
              <>
                {t(`settingsNav.tab.${id}`)}
                {bad && <span aria-hidden="true"> ⚠</span>}
              </>
            ),
          };
        })}
      />

      {/* Every part stays mounted (hidden), so switching parts never loses what was typed. */}
      {SETTINGS_TABS.map((id) => (
        <div key={id} role="tabpanel" id={`set-panel-${id}`} aria-labelledby={`set-tab-${id}`} hidden={id !== tab} className="settings-panel">
          {id === 'shop' && <ShopPanel kit={kit} />}
          {id === 'sales' && <SalesPanel kit={kit} newOverride={newOverride} setNewOverride={setNewOverride} />}
          {id === 'printing' && <PrintingPanel kit={kit} />}
          {id === 'security' && <SecurityPanel kit={kit} />}
          {id === 'advanced' && <AdvancedPanel kit={kit} />}
        </div>
      ))}

      <Form id={SETTINGS_FORM_ID} className="settings-footer" onSubmit={save}>
        {withErrors.length > 0 && (
          <p className="field-error" role="alert">
            {t('settingsNav.fixErrorsIn', { parts: withErrors.map((id) => t(`settingsNav.tab.${id}`)).join(', ') })}
          </p>
        )}
        {serverError && <ErrorNote error={serverError} compact />}
        <p className="small" aria-live="polite">
          {saving ? t('settings.saving') : saved ? t('settings.saved') : ''}
        </p>
        <button type="submit" className="btn primary big" disabled={saving}>
          {t('settings.save')}
        </button>
      </Form>

      {asking && (
        <LeaveSettingsDialog
          saving={saving}
          onKeep={() => setAsking(false)}
          onDiscard={closeNow}
          onSave={async () => {
            setAsking(false);
            if (await save()) closeNow();
          }}
        />
      )}
    </TitledDialog>
  );
}
