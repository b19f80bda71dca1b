import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain';
import { toggleFavourite } from './settingsActions';
import { LANGUAGES } from '../../i18n';
import { useProductList } from '../catalog/useProductList';
import { useSettingsStore } from './settingsStore';
import { ApiKeySection } from './ApiKeySection';
import { ProductImagesSection } from './ProductImagesSection';
import { ProductSelect } from '../catalog/ProductSelect';
import { Section, type SettingsKit } from './SettingsFields';
import { TextField } from '../../ui/TextField';
import { TillSection } from './TillSection';

/** The settings' parts: Boutique, Ventes, Impression, Sécurité, Avancé (one component each). */

export function ShopPanel({ kit }: { kit: SettingsKit }) {
  const { t } = useTranslation();
  const { form, set, field, textInput, checkbox } = kit;
  return (
    <>
      <Section id="set-sec-shop" title={t('settings.section.shop')}>
        {field('shopName', t('settings.shop.name'), textInput('shopName', { maxLength: 80 }))}
        {field('shopAddress', t('settings.shop.address'), textInput('shopAddress', { maxLength: 200 }))}
        {field('shopPhone', t('settings.shop.phone'), textInput('shopPhone', { maxLength: 40, inputMode: 'tel', dir: 'ltr' }))}
        {field('shopFooter', t('settings.shop.footer'), (p) => (
          <textarea {...p} rows={2} maxLength={300} value={form.shopFooter} onChange={(e) => set('shopFooter', e.target.value)} />
        ))}
        {field('cashierName', t('settings.counter.cashierName'), textInput('cashierName', { maxLength: 60 }))}
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
    </>
  );
}

/** A markup being typed for a product, before "Ajouter": kept by the dialog so closing can ask. */
export type NewOverride = { productId: string; markup: string };

export function SalesPanel({ kit, newOverride, setNewOverride }: { kit: SettingsKit; newOverride: NewOverride; setNewOverride: (n: NewOverride) => void }) {
  const { t } = useTranslation();
  const { form, set, field, textInput } = kit;
  const { titleOf } = useProductList();
  const favourites = useSettingsStore((s) => s.settings.favourites);

  const addOverride = () => {
    if (!newOverride.productId) return;
    set('overrides', [...form.overrides.filter((o) => o.productId !== newOverride.productId), { ...newOverride }]);
    setNewOverride({ productId: '', markup: '' });
  };

  return (
    <>
      <Section id="set-sec-prices" title={t('settings.section.prices')}>
        {field('markup', t('settings.prices.markup'), textInput('markup', { inputMode: 'decimal', dir: 'ltr' }), t('settings.prices.markupHint'))}
        {field('topupFee', t('settings.prices.topupFee'), textInput('topupFee', { inputMode: 'decimal', dir: 'ltr' }), t('settings.prices.topupFeeHint'))}
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
                  onChange={(e) =>
                    set(
                      'overrides',
                      form.overrides.map((x, j) => (j === i ? { ...x, markup: e.target.value } : x)),
                    )
                  }
                />
              ))}
              <button
                type="button"
                className="btn small-btn ghost"
                onClick={() =>
                  set(
                    'overrides',
                    form.overrides.filter((_, j) => j !== i),
                  )
                }
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
            onChange={(productId) => setNewOverride({ ...newOverride, productId })}
          />
          <TextField
            id="set-override-markup"
            label={t('settings.prices.overrideMarkup')}
            inputMode="decimal"
            dir="ltr"
            value={newOverride.markup}
            onChange={(markup) => setNewOverride({ ...newOverride, markup })}
          />
          <button type="button" className="btn" disabled={!newOverride.productId || !newOverride.markup.trim()} onClick={addOverride}>
            {t('settings.prices.addOverride')}
          </button>
        </div>
        <ProductImagesSection />
      </Section>
      <Section id="set-sec-counter" title={t('settings.section.counter')}>
        {field('maxQuantity', t('settings.counter.maxQuantity'), textInput('maxQuantity', { inputMode: 'numeric', dir: 'ltr' }))}
        {field('lowBalance', t('settings.counter.lowBalance'), textInput('lowBalance', { inputMode: 'decimal', dir: 'ltr' }))}
      </Section>
      <Section id="set-sec-fav" title={t('settings.section.favourites')}>
        {favourites.length === 0 ? (
          <p className="small muted">{t('settings.favourites.none')}</p>
        ) : (
          <ul className="plain-list">
            {favourites.map((id) => (
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
    </>
  );
}

export function PrintingPanel({ kit }: { kit: SettingsKit }) {
  const { t } = useTranslation();
  const { form, set, field, textInput, checkbox } = kit;
  return (
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
  );
}

export function SecurityPanel({ kit }: { kit: SettingsKit }) {
  const { t } = useTranslation();
  const { field, textInput } = kit;
  return (
    <>
      <ApiKeySection />
      <Section id="set-sec-security" title={t('settingsNav.securityHeading')}>
        {field('idleLock', t('settings.counter.idleLock'), textInput('idleLock', { inputMode: 'numeric', dir: 'ltr' }))}
        {field(
          'reprintWindow',
          t('settings.counter.reprintWindow'),
          textInput('reprintWindow', { inputMode: 'numeric', dir: 'ltr' }),
          t('settings.counter.reprintWindowHint'),
        )}
      </Section>
    </>
  );
}

export function AdvancedPanel({ kit }: { kit: SettingsKit }) {
  const { t } = useTranslation();
  const { field, textInput } = kit;
  return (
    <>
      <TillSection />
      <Section id="set-sec-advanced" title={t('settingsNav.advancedHeading')}>
        <p className="small muted">{t('settingsNav.advancedNote')}</p>
        {field('apiRate', t('settings.counter.apiRate'), textInput('apiRate', { inputMode: 'numeric', dir: 'ltr' }), t('settings.counter.apiRateHint'))}
        {field('queueCap', t('settings.counter.queueCap'), textInput('queueCap', { inputMode: 'numeric', dir: 'ltr' }))}
        {field('queueExpiry', t('settings.counter.queueExpiry'), textInput('queueExpiry', { inputMode: 'numeric', dir: 'ltr' }))}
        {field('maxOfflinePriceAge', t('settings.counter.maxOfflinePriceAge'), textInput('maxOfflinePriceAge', { inputMode: 'numeric', dir: 'ltr' }))}
      </Section>
    </>
  );
}

export function usePendingOverride() {
  return useState<NewOverride>({ productId: '', markup: '' });
}
