import type { Language } from '../../../shared/domain';
import { formatDzd } from '../../../shared/money';

/** BCP 47 tag for Intl, with the digit system chosen in the settings for Arabic. */
export function localeTag(lang: Language, arabicDigits: boolean): string {
  if (lang === 'ar') return `ar-DZ-u-nu-${arabicDigits ? 'arab' : 'latn'}`;
  return `${lang}-DZ`;
}

export interface Formatter {
  lang: Language;
  money(centimes: number): string;
  int(n: number): string;
  time(iso: string): string;
  dateTime(iso: string): string;
  seconds(n: number): string;
  /** "35 s", "4 min", "2 h" for ages in the tray. */
  age(seconds: number): string;
}

const cache = new Map<string, Formatter>();

export function formatter(lang: Language, arabicDigits: boolean): Formatter {
  const key = `${lang}|${arabicDigits}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const tag = localeTag(lang, arabicDigits);
  const num = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  // Shops here read a 24-hour clock, whatever the CLDR default for the locale.
  const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const dateTime = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const unit = (u: 'second' | 'minute' | 'hour') => new Intl.NumberFormat(tag, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 0 });
  const sec = unit('second');
  const min = unit('minute');
  const hour = unit('hour');
  const safeDate = (iso: string, f: Intl.DateTimeFormat) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? '' : f.format(d);
  };
  const f: Formatter = {
    lang,
    money: (c) => formatDzd(c, lang, { arabicDigits }),
    int: (n) => num.format(n),
    time: (iso) => safeDate(iso, time),
    dateTime: (iso) => safeDate(iso, dateTime),
    seconds: (n) => sec.format(n),
    age: (s) => (s < 60 ? sec.format(s) : s < 3600 ? min.format(Math.floor(s / 60)) : hour.format(Math.floor(s / 3600))),
  };
  cache.set(key, f);
  return f;
}
