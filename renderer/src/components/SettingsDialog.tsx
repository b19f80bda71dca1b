import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain';
import { toggleFavourite, updateSettings } from '../actions/settings';
import { LANGUAGES } from '../i18n';
import { fieldFromError, formFromSettings, patchFromForm, type FieldErrors, type FormField, type SettingsForm } from '../logic/settingsForm';
import { useCatalogStore } from '../stores/catalog';
import { selectIsOwner, useSessionStore } from '../stores/session';
import { useSettingsStore } from '../stores/settings';
import { useUiStore } from '../stores/ui';
import { ApiKeySection } from './ApiKeySection';
import { ProductImagesSection } from './ProductImagesSection';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { ProductSelect } from './ProductSelect';

export function SettingsDialog() {
  const open = useUiStore((s) => s.settingsOpen);
  const isOwner = useSessionStore(selectIsOwner);
  // Settings, the API key and the markup are the owner's.
  if (!open || !isOwner) return null;
  return <SettingsDialogBody />;
}

const close = () => useUiStore.setState({ settingsOpen: false });

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="settings-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function SettingsDialogBody() {
  const { t, i18n } = useTranslation();
  const settings = useSettingsStore((s) => s.settings);
  const saving = useSettingsStore((s) => s.saving === 'saving');
  const products = useCatalogStore((s) => s.catalog?.products);
  const decimalMark = i18n.language === 'en' ? '.' : ',';
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(settings, decimalMark));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<import('../../../shared/result').AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const [newOverride, setNewOverride] = useState({ productId: '', markup: '' });
  const closeRef = useRef<HTMLButtonElement>(null);

  const titleOf = useMemo(() => {
    const m = new Map((products ?? []).map((p) => [p.id, p.title]));
    return (id: string) => m.get(id) ?? id;
  }, [products]);
  const sortedProducts = useMemo(() => [...(products ?? [])].sort((a, b) => a.title.localeCompare(b.title)), [products]);

  const set = <K extends keyof SettingsForm>(k: K, v: SettingsForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setSaved(false);
  };

  const err = (field: FormField) => {
    const e = errors[field];
    return e ? t(e.key, e.values ?? {}) : null;
  };

  const field = (id: FormField, label: string, input: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode, hint?: string) => {
    const message = err(id);
    const domId = `set-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const describedBy = [hint ? `${domId}-hint` : '', message ? `${domId}-err` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={domId}>{label}</label>
        {input({ id: domId, 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy })}
        {hint && (
          <p id={`${domId}-hint`} className="small muted">
            {hint}
          </p>
        )}
        {message && (
          <p id={`${domId}-err`} className="field-error">
            {message}
          </p>
        )}
      </div>
    );
  };

  const textInput = (k: keyof SettingsForm, extra: Record<string, unknown> = {}) => (p: Record<string, unknown>) => (
    <input type="text" {...p} {...extra} value={form[k] as string} onChange={(e) => set(k, e.target.value as never)} />
  );

  const checkbox = (k: 'silentPrint' | 'autoPrint' | 'showQrCodes' | 'arabicDigits', label: string) => (
    <label className="check">
      <input type="checkbox" checked={form[k]} onChange={(e) => set(k, e.target.checked)} />
      {label}
    </label>
  );

  const save = async () => {
    setSaved(false);
    setServerError(null);
    const { patch, errors: found } = patchFromForm(form, settings);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (Object.keys(patch).length === 0) {
      setSaved(true);
      return;
    }
    const r = await updateSettings(patch);
    if (r.ok) {
      setForm(formFromSettings(r.value, decimalMark));
      setSaved(true);
    } else {
      setServerError(r.error);
      const f = fieldFromError(r.error);
      if (f) setErrors({ [f]: { key: 'settings.validation.refused' } });
    }
  };

  const addOverride = () => {
    if (!newOverride.productId) return;
    set('overrides', [...form.overrides.filter((o) => o.productId !== newOverride.productId), { ...newOverride }]);
    setNewOverride({ productId: '', markup: '' });
  };

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <Dialog labelledBy="settings-title" onClose={close} className="settings-dialog" initialFocus={closeRef}>
      <div className="screen-head sticky-head">
        <h2 id="settings-title">{t('settings.title')}</h2>
        <button ref={closeRef} type="button" className="btn" onClick={close}>
          {t('settings.close')}
        </button>
      </div>

      <ApiKeySection />

      <form
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Section id="set-sec-shop" title={t('settings.section.shop')}>
          {field('shopName', t('settings.shop.name'), textInput('shopName', { maxLength: 80 }))}
          {field('shopAddress', t('settings.shop.address'), textInput('shopAddress', { maxLength: 200 }))}
          {field('shopPhone', t('settings.shop.phone'), textInput('shopPhone', { maxLength: 40, inputMode: 'tel', dir: 'ltr' }))}
          {field('shopFooter', t('settings.shop.footer'), (p) => (
            <textarea {...p} rows={2} maxLength={300} value={form.shopFooter} onChange={(e) => set('shopFooter', e.target.value)} />
          ))}
        </Section>

        <Section id="set-sec-print" title={t('settings.section.printing')}>
          <fieldset className="field">
            <legend>{t('settings.printing.paper')}</legend>
            {(['58', '80'] as const).map((w) => (
              <label key={w} className="radio">
                <input type="radio" name="paper" value={w} checked={form.paperWidthMm === w} onChange={() => set('paperWidthMm', w)} />
                {t(`settings.printing.paper${w}`)}
              </label>
            ))}
          </fieldset>
          {field('printerName', t('settings.printing.printerName'), textInput('printerName', { maxLength: 200 }), t('settings.printing.printerHint'))}
          {checkbox('silentPrint', t('settings.printing.silentPrint'))}
          {checkbox('autoPrint', t('settings.printing.autoPrint'))}
          {checkbox('showQrCodes', t('settings.printing.showQr'))}
        </Section>

        <Section id="set-sec-prices" title={t('settings.section.prices')}>
          {field('markup', t('settings.prices.markup'), textInput('markup', { inputMode: 'decimal', dir: 'ltr' }), t('settings.prices.markupHint'))}
          <h4>{t('settings.prices.overrides')}</h4>
          {form.overrides.length === 0 && <p className="small muted">{t('settings.prices.noOverrides')}</p>}
          <ul className="plain-list">
            {form.overrides.map((o, i) => (
              <li key={o.productId} className="override-row">
                {field(`override:${o.productId}`, `${titleOf(o.productId)} (%)`, (p) => (
                  <input
                    type="text"
                    {...p}
                    inputMode="decimal"
                    dir="ltr"
                    value={o.markup}
                    onChange={(e) => set('overrides', form.overrides.map((x, j) => (j === i ? { ...x, markup: e.target.value } : x)))}
                  />
                ))}
                <button
                  type="button"
                  className="btn small-btn ghost"
                  onClick={() => set('overrides', form.overrides.filter((_, j) => j !== i))}
                >
                  {t('settings.prices.removeOverride', { product: titleOf(o.productId) })}
                </button>
              </li>
            ))}
          </ul>
          <div className="override-add">
            <ProductSelect
              id="set-override-product"
              label={t('settings.prices.overrideProduct')}
              emptyLabel={t('settings.prices.chooseProduct')}
              value={newOverride.productId}
              products={sortedProducts}
              onChange={(productId) => setNewOverride((n) => ({ ...n, productId }))}
            />
            <div className="field">
              <label htmlFor="set-override-markup">{t('settings.prices.overrideMarkup')}</label>
              <input
                id="set-override-markup"
                type="text"
                inputMode="decimal"
                dir="ltr"
                value={newOverride.markup}
                onChange={(e) => setNewOverride((n) => ({ ...n, markup: e.target.value }))}
              />
            </div>
            <button type="button" className="btn" disabled={!newOverride.productId || !newOverride.markup.trim()} onClick={addOverride}>
              {t('settings.prices.addOverride')}
            </button>
          </div>
          <ProductImagesSection products={sortedProducts} />
        </Section>

        <Section id="set-sec-counter" title={t('settings.section.counter')}>
          {field('cashierName', t('settings.counter.cashierName'), textInput('cashierName', { maxLength: 60 }))}
          {field('lowBalance', t('settings.counter.lowBalance'), textInput('lowBalance', { inputMode: 'decimal', dir: 'ltr' }))}
          {field('maxQuantity', t('settings.counter.maxQuantity'), textInput('maxQuantity', { inputMode: 'numeric', dir: 'ltr' }))}
          {field('queueCap', t('settings.counter.queueCap'), textInput('queueCap', { inputMode: 'numeric', dir: 'ltr' }))}
          {field('queueExpiry', t('settings.counter.queueExpiry'), textInput('queueExpiry', { inputMode: 'numeric', dir: 'ltr' }))}
          {field('idleLock', t('settings.counter.idleLock'), textInput('idleLock', { inputMode: 'numeric', dir: 'ltr' }))}
          {field('reprintWindow', t('settings.counter.reprintWindow'), textInput('reprintWindow', { inputMode: 'numeric', dir: 'ltr' }), t('settings.counter.reprintWindowHint'))}
          {field('apiRate', t('settings.counter.apiRate'), textInput('apiRate', { inputMode: 'numeric', dir: 'ltr' }), t('settings.counter.apiRateHint'))}
        </Section>

        <Section id="set-sec-display" title={t('settings.section.display')}>
          {field('language', t('settings.display.language'), (p) => (
            <select {...p} value={form.language} onChange={(e) => set('language', e.target.value as Language)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          ))}
          {checkbox('arabicDigits', t('settings.display.arabicDigits'))}
        </Section>

        <Section id="set-sec-fav" title={t('settings.section.favourites')}>
          {settings.favourites.length === 0 ? (
            <p className="small muted">{t('settings.favourites.none')}</p>
          ) : (
            <ul className="plain-list">
              {settings.favourites.map((id) => (
                <li key={id} className="fav-row">
                  <span>★ {titleOf(id)}</span>
                  <button type="button" className="btn small-btn ghost" onClick={() => void toggleFavourite(id)}>
                    {t('settings.favourites.remove', { product: titleOf(id) })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <div className="settings-footer">
          {hasErrors && (
            <p className="field-error" role="alert">
              {t('settings.fixErrors')}
            </p>
          )}
          {serverError && <ErrorNote error={serverError} compact />}
          <p className="small" aria-live="polite">
            {saving ? t('settings.saving') : saved ? t('settings.saved') : ''}
          </p>
          <button type="submit" className="btn primary big" disabled={saving}>
            {t('settings.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
