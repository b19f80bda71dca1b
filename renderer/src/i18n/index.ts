import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain';
import { uiResources } from './strings';

export const LANGUAGES: readonly Language[] = ['fr', 'ar', 'en'];

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: uiResources,
  lng: 'fr',
  // i18next 27 no longer falls back by default: a missing key in ar/en shows the French text.
  fallbackLng: 'fr',
  supportedLngs: LANGUAGES as Language[],
  defaultNS: 'ui',
  ns: ['ui'],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  react: { useSuspense: false },
});

export function isRtl(lang: string): boolean {
  return lang === 'ar';
}

/** Switches the UI language and the document's direction at once. */
export function applyLanguage(lang: Language): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang;
    document.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr';
    document.title = i18n.t('app.title');
  }
}
