import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, type FieldControlProps } from '../../ui/Field';
import type { FieldErrors, FormField, SettingsForm } from './settingsForm';
import { useStatusStore } from '../status-bar/statusStore';
import { isShopWideField } from './tillSettings';

/** What every settings part needs to draw a labelled field bound to the form. */
export type SettingsKit = {
  form: SettingsForm;
  set: <K extends keyof SettingsForm>(k: K, v: SettingsForm[K]) => void;
  field: (id: FormField, label: string, input: (props: InputProps) => ReactNode, hint?: string) => ReactNode;
  textInput: (k: keyof SettingsForm, extra?: Record<string, unknown>) => (p: InputProps) => ReactNode;
  checkbox: (k: 'silentPrint' | 'autoPrint' | 'showQrCodes' | 'arabicDigits', label: string) => ReactNode;
};

type InputProps = FieldControlProps;

/**
 * The parts are not inside one <form> (the API key has its own form, and forms do not nest): the
 * text fields join the save form by its id, so Enter in any of them still saves.
 */
export const SETTINGS_FORM_ID = 'settings-form';

export function useSettingsKit(form: SettingsForm, set: SettingsKit['set'], errors: FieldErrors): SettingsKit {
  const { t } = useTranslation();

  // Joined to a shop's server, the settings every till shares say so (issue 12).
  const shared = useStatusStore((s) => (s.appStatus?.till.shared ?? 'off') !== 'off');
  const field: SettingsKit['field'] = (id, label, input, hint) => {
    const e = errors[id];
    const shown = shared && isShopWideField(id) ? <ShopWideLabel label={label} /> : label;
    return <Field id={`set-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`} label={shown} hint={hint} error={e ? t(e.key, e.values ?? {}) : null} control={input} />;
  };

  const textInput: SettingsKit['textInput'] =
    (k, extra = {}) =>
    (p) => <input type="text" form={SETTINGS_FORM_ID} {...p} {...extra} value={form[k] as string} onChange={(e) => set(k, e.target.value as never)} />;

  const checkbox: SettingsKit['checkbox'] = (k, label) => (
    <label className="check">
      <input type="checkbox" checked={form[k]} onChange={(e) => set(k, e.target.checked)} />
      {label}
    </label>
  );

  return { form, set, field, textInput, checkbox };
}

function ShopWideLabel({ label }: { label: string }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      <span className="badge-shop-wide" data-testid="shop-wide">
        {t('tillSettings.shopWide')}
      </span>
    </>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}
