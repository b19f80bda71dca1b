import { ar } from './ar';
import { en } from './en';
import { fr } from './fr';
import type { UiDict } from './types';

export type { UiDict } from './types';
export { ar, en, fr };

/** Resources for i18next: one namespace, `ui`, per language. Receipt strings live elsewhere. */
export const uiResources = {
  fr: { ui: fr },
  ar: { ui: ar },
  en: { ui: en },
} satisfies Record<'fr' | 'ar' | 'en', { ui: UiDict }>;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every key of a dictionary, plural forms folded into their base key (for parity checks). */
export function baseKeys(dict: UiDict, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(dict)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.add(path.replace(PLURAL_SUFFIX, ''));
    else for (const sub of baseKeys(v, path)) out.add(sub);
  }
  return out;
}
