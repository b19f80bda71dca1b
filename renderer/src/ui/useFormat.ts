import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/domain';
import { formatter, type Formatter } from './format';
import { LANGUAGES } from '../i18n';
import { useSettingsStore } from '../features/settings/settingsStore';

/** Formatting (money, numbers, times) in the language on screen, with the chosen digits. */
export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const arabicDigits = useSettingsStore((s) => s.settings.arabicDigits);
  const lang = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'fr';
  return formatter(lang, arabicDigits);
}
