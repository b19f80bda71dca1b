import type { Language, Settings } from '../../../shared/domain';
import { formatDzd } from '../../../shared/money';

/**
 * Everything printed on a slip (receipt, refund slip, shift or day report) goes through one
 * formatter, so that one slip has one digit system and one punctuation style.
 */

export type PaperMm = Settings['paperWidthMm'];

/**
 * A thermal head does not reach the edges of the roll: about 48 mm of a 58 mm roll and 72 mm of
 * an 80 mm roll are printable. Slips are laid out to that width; the rest is margin.
 */
export const PRINTABLE_MM: Record<PaperMm, number> = { 58: 48, 80: 72 };

export interface SlipGeometry {
  paperMm: PaperMm;
  printableMm: number;
  /** Left and right margin, outside the content. */
  sideMm: number;
  /** 58 mm: too narrow for a table of amounts side by side; totals get their own line. */
  narrow: boolean;
}

export function slipGeometry(paperMm: PaperMm): SlipGeometry {
  const printableMm = PRINTABLE_MM[paperMm];
  return { paperMm, printableMm, sideMm: (paperMm - printableMm) / 2, narrow: paperMm === 58 };
}

/** CSS that keeps the content inside the printable width; the margins are padding outside it. */
export function slipPageCss(g: SlipGeometry, fontPx: number): string {
  return `@page { size: ${g.paperMm}mm auto; margin: 0; }
  * { box-sizing: border-box; }
  body { margin: 0; width: ${g.paperMm}mm; padding: 3mm ${g.sideMm}mm; font-size: ${fontPx}px; color: #000;
    font-family: "DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", Arial, sans-serif; overflow-wrap: anywhere; }
  table { width: 100%; border-collapse: collapse; table-layout: auto; }`;
}

const WESTERN_DIGIT = /[0-9]/g;
const ARABIC_INDIC_ZERO = 0x0660;
/** Direction marks Intl puts around Arabic amounts: they sit between a currency's dot and the sentence's. */
const BIDI_MARKS = '[\\u200e\\u200f\\u061c]*';

export interface SlipFormat {
  lang: Language;
  /** True only for an Arabic slip with Arabic-Indic digits chosen in the settings. */
  arabicDigits: boolean;
  dir: 'rtl' | 'ltr';
  money(c: number): string;
  /** Whole numbers: sale and shift numbers, quantities, counts (no grouping: "n° 1234"). */
  int(n: number): string;
  dateTime(ms: number): string;
  /** Display text that carries numbers (a product title, an ISO day): its digits in the slip's system. */
  digits(text: string): string;
  /** "Libellé :" in French (narrow no-break space), "Label:" in English and Arabic. */
  label(text: string): string;
  /**
   * A sentence that may end with an amount: Arabic's currency abbreviation "د.ج." already ends with
   * a full stop, so the sentence's own stop is dropped instead of printing "د.ج..".
   */
  sentence(text: string): string;
}

const LOCALES: Record<Language, string> = { fr: 'fr-DZ', ar: 'ar-DZ', en: 'en-GB' };

function localeTag(lang: Language, arabicDigits: boolean): string {
  return lang === 'ar' ? `ar-DZ-u-nu-${arabicDigits ? 'arab' : 'latn'}` : LOCALES[lang];
}

/** The currency sign formatDzd prints ("DA", "DZD", "د.ج."), read from the same locale data. */
function currencySymbol(lang: Language, arabicDigits: boolean): string {
  const tag = lang === 'ar' ? localeTag(lang, arabicDigits) : `${lang}-DZ`;
  const parts = new Intl.NumberFormat(tag, { style: 'currency', currency: 'DZD' }).formatToParts(1);
  return parts.find((p) => p.type === 'currency')?.value ?? '';
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const cache = new Map<string, SlipFormat>();

export function slipFormat(settings: Pick<Settings, 'language' | 'arabicDigits'>): SlipFormat {
  const lang = settings.language;
  // Arabic-Indic digits are an Arabic choice: a French or English slip always prints 0-9.
  const arabicDigits = lang === 'ar' && settings.arabicDigits;
  const key = `${lang}|${arabicDigits}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const tag = localeTag(lang, arabicDigits);
  const int = new Intl.NumberFormat(tag, { useGrouping: false, maximumFractionDigits: 0 });
  const dt = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
  const symbol = currencySymbol(lang, arabicDigits);
  const doubleStop = symbol.endsWith('.') ? new RegExp(`(${escapeRegex(symbol)}${BIDI_MARKS})\\.`, 'gu') : null;
  const f: SlipFormat = {
    lang,
    arabicDigits,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    money: (c) => formatDzd(c, lang, { arabicDigits }),
    int: (n) => int.format(n),
    dateTime: (ms) => dt.format(new Date(ms)),
    digits: (text) => (arabicDigits ? text.replace(WESTERN_DIGIT, (d) => String.fromCharCode(ARABIC_INDIC_ZERO + Number(d))) : text),
    label: (text) => (lang === 'fr' ? `${text}\u202f:` : `${text}:`),
    sentence: (text) => (doubleStop ? text.replace(doubleStop, '$1') : text),
  };
  cache.set(key, f);
  return f;
}
