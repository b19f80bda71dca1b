import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain';
import {
  fieldFromError,
  formFromSettings,
  formIsDirty,
  patchFromForm,
  SETTINGS_TABS,
  tabOfField,
  tabsWithErrors,
} from '../../renderer/src/features/settings/settingsForm';

describe('settings form', () => {
  it('round-trips the defaults to an empty patch', () => {
    const form = formFromSettings(DEFAULT_SETTINGS);
    expect(form.markup).toBe('5');
    expect(form.lowBalance).toBe('5000');
    expect(patchFromForm(form, DEFAULT_SETTINGS)).toEqual({ patch: {}, errors: {} });
  });

  it('sends only what changed, with integer-safe conversions', () => {
    const form = {
      ...formFromSettings(DEFAULT_SETTINGS),
      shopName: '  Cyber Sétif ',
      markup: '4,35',
      lowBalance: '2 500,50',
      paperWidthMm: '58' as const,
      autoPrint: true,
      overrides: [{ productId: 'p1', markup: '1.15' }],
      maxQuantity: '5',
    };
    const { patch, errors } = patchFromForm(form, DEFAULT_SETTINGS);
    expect(errors).toEqual({});
    expect(patch).toEqual({
      shop: { name: 'Cyber Sétif' },
      paperWidthMm: 58,
      autoPrint: true,
      markupBp: 435,
      markupOverridesBp: { p1: 115 },
      lowBalanceThresholdC: 250_050,
      maxQuantityPerSale: 5,
    });
  });

  it('names each invalid field', () => {
    const form = {
      ...formFromSettings(DEFAULT_SETTINGS),
      cashierName: ' ',
      markup: '5,555',
      maxQuantity: '0',
      queueExpiry: 'soon',
      lowBalance: '-3',
      shopPhone: '0'.repeat(41),
      overrides: [{ productId: 'p9', markup: 'x' }],
    };
    const { errors } = patchFromForm(form, DEFAULT_SETTINGS);
    expect(errors).toEqual({
      cashierName: { key: 'settings.validation.required' },
      markup: { key: 'settings.validation.percent' },
      maxQuantity: { key: 'settings.validation.range', values: { min: 1, max: 100 } },
      queueExpiry: { key: 'settings.validation.whole' },
      lowBalance: { key: 'settings.validation.amount' },
      shopPhone: { key: 'settings.validation.tooLong', values: { max: 40 } },
      'override:p9': { key: 'settings.validation.percent' },
    });
  });

  it('finds the field named by an INVALID_INPUT from the core', () => {
    expect(fieldFromError({ code: 'INVALID_INPUT', message: 'x', details: { field: 'shop.name' } })).toBe('shopName');
    expect(fieldFromError({ code: 'INVALID_INPUT', message: 'x', details: { issues: [{ path: ['markupBp'] }] } })).toBe('markup');
    expect(fieldFromError({ code: 'INVALID_INPUT', message: 'queueCap: too big' })).toBe('queueCap');
    expect(fieldFromError({ code: 'INTERNAL', message: 'queueCap' })).toBeNull();
  });

  it('puts the technical fields under Avancé and every field in one part', () => {
    expect(SETTINGS_TABS).toEqual(['shop', 'sales', 'printing', 'security', 'advanced']);
    expect(tabOfField('apiRate')).toBe('advanced');
    expect(tabOfField('queueCap')).toBe('advanced');
    expect(tabOfField('shopName')).toBe('shop');
    expect(tabOfField('override:p1')).toBe('sales');
    for (const k of Object.keys(formFromSettings(DEFAULT_SETTINGS))) {
      if (k === 'overrides') continue;
      expect(SETTINGS_TABS, k).toContain(tabOfField(k as never));
    }
    // An error is never hidden: its part is named, in screen order.
    expect(tabsWithErrors({ apiRate: { key: 'x' }, shopName: { key: 'y' } })).toEqual(['shop', 'advanced']);
  });

  it('knows when closing would lose something typed', () => {
    const form = formFromSettings(DEFAULT_SETTINGS);
    expect(formIsDirty(form, DEFAULT_SETTINGS)).toBe(false);
    expect(formIsDirty({ ...form, shopName: 'Cyber Sétif' }, DEFAULT_SETTINGS)).toBe(true);
    expect(formIsDirty({ ...form, autoPrint: !form.autoPrint }, DEFAULT_SETTINGS)).toBe(true);
    // A value the save would refuse is a change too.
    expect(formIsDirty({ ...form, apiRate: 'beaucoup' }, DEFAULT_SETTINGS)).toBe(true);
    // Spaces the save trims away are not.
    expect(formIsDirty({ ...form, shopName: `${form.shopName}  ` }, DEFAULT_SETTINGS)).toBe(false);
  });
});
