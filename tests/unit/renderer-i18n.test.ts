import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/result';
import { SALE_STATES } from '../../shared/domain';
import { baseKeys, uiResources, type UiDict } from '../../renderer/src/i18n/strings';

const langs = ['fr', 'ar', 'en'] as const;

function get(dict: UiDict, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as UiDict)[k] : undefined), dict);
}

describe('UI strings', () => {
  it('have the same keys in every language (plural forms aside)', () => {
    const fr = [...baseKeys(uiResources.fr.ui)].sort();
    for (const lang of ['ar', 'en'] as const) expect([...baseKeys(uiResources[lang].ui)].sort()).toEqual(fr);
  });

  it('explain every error code in every language', () => {
    for (const lang of langs) {
      for (const code of ERROR_CODES) {
        const text = get(uiResources[lang].ui, `errors.${code}`);
        expect(typeof text === 'string' && text.length > 20, `${lang} errors.${code}`).toBe(true);
      }
    }
  });

  it('name every sale state in every language', () => {
    for (const lang of langs) for (const state of SALE_STATES) expect(typeof get(uiResources[lang].ui, `progress.state.${state}`)).toBe('string');
  });

  it('use i18next plurals, with all six Arabic forms', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: uiResources, lng: 'fr', fallbackLng: 'fr', defaultNS: 'ui', interpolation: { escapeValue: false } });
    const t = (lng: string, count: number) => i18n.getFixedT(lng)('progress.partial', { count, n: String(count), amount: 'X' });
    expect(t('fr', 1)).toBe('1 carte non livrée : rendez X au client.');
    expect(t('fr', 2)).toBe('2 cartes non livrées : rendez X au client.');
    expect(t('en', 1)).toBe('1 card not delivered: give X back to the customer.');
    const arabic = [0, 1, 2, 3, 11, 100].map((n) => t('ar', n));
    expect(new Set(arabic).size).toBe(6);
    expect(arabic.every((s) => !s.includes('progress.'))).toBe(true);
    const ar = uiResources.ar.ui as UiDict;
    for (const key of ['header.queued', 'grid.count', 'denoms.stock', 'qty.boundStock', 'confirm.blockStock', 'progress.partial']) {
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other']) expect(get(ar, `${key}_${form}`), `${key}_${form}`).toBeTypeOf('string');
    }
  });

  it('label training mode plainly in each language', () => {
    expect(uiResources.fr.ui.header.training).toBe('MODE FORMATION : les codes ne sont pas valables');
    expect(uiResources.ar.ui.header.training).toMatch(/التدريب/);
    expect(uiResources.en.ui.header.training).toMatch(/TRAINING MODE/);
  });
});
