import { settingsPatchSchema, type Language, type SettingsPatch, type SettingsView } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { bpToPercentText, centimesToInputText, parseDzdToCentimes, parsePercentToBp, parseWholeNumber } from '../../ui/amounts';

/** What the settings screen edits: text as typed, converted only when saved. */
export type SettingsForm = {
  shopName: string;
  shopAddress: string;
  shopPhone: string;
  shopFooter: string;
  paperWidthMm: '58' | '80';
  printerName: string;
  silentPrint: boolean;
  autoPrint: boolean;
  showQrCodes: boolean;
  markup: string;
  /** The owner's fee on every top-up, in dinars as typed. */
  topupFee: string;
  overrides: { productId: string; markup: string }[];
  lowBalance: string;
  maxQuantity: string;
  queueCap: string;
  queueExpiry: string;
  idleLock: string;
  reprintWindow: string;
  apiRate: string;
  maxOfflinePriceAge: string;
  cashierName: string;
  language: Language;
  arabicDigits: boolean;
};

export type FormField = Exclude<keyof SettingsForm, 'overrides'> | `override:${string}`;
export type FieldError = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Partial<Record<FormField, FieldError>>;

export function formFromSettings(s: SettingsView, decimalMark = ','): SettingsForm {
  return {
    shopName: s.shop.name,
    shopAddress: s.shop.address,
    shopPhone: s.shop.phone,
    shopFooter: s.shop.footer,
    paperWidthMm: s.paperWidthMm === 58 ? '58' : '80',
    printerName: s.printerName,
    silentPrint: s.silentPrint,
    autoPrint: s.autoPrint,
    showQrCodes: s.showQrCodes,
    // Null for anyone but the owner (the core keeps the margin to the owner): nothing to edit then.
    markup: s.markupBp === null ? '' : bpToPercentText(s.markupBp, decimalMark),
    topupFee: centimesToInputText(s.topupFeeC, decimalMark),
    overrides: Object.entries(s.markupOverridesBp ?? {}).map(([productId, bp]) => ({ productId, markup: bpToPercentText(bp, decimalMark) })),
    lowBalance: centimesToInputText(s.lowBalanceThresholdC, decimalMark),
    maxQuantity: String(s.maxQuantityPerSale),
    queueCap: String(s.queueCap),
    queueExpiry: String(s.queueExpiryMinutes),
    idleLock: String(s.idleLockMinutes),
    reprintWindow: String(s.reprintWindowMinutes),
    apiRate: String(s.apiRequestsPerMinute),
    maxOfflinePriceAge: String(s.maxOfflinePriceAgeHours),
    cashierName: s.cashierName,
    language: s.language,
    arabicDigits: s.arabicDigits,
  };
}

const MAX_BP = 100_000;

function text(errors: FieldErrors, field: FormField, value: string, max: number, required = false): string {
  const v = value.trim();
  if (required && !v) errors[field] = { key: 'settings.validation.required' };
  else if (v.length > max) errors[field] = { key: 'settings.validation.tooLong', values: { max } };
  return v;
}

function whole(errors: FieldErrors, field: FormField, value: string, min: number, max: number): number {
  const n = parseWholeNumber(value);
  if (n === null) {
    errors[field] = { key: 'settings.validation.whole' };
    return min;
  }
  if (n < min || n > max) errors[field] = { key: 'settings.validation.range', values: { min, max } };
  return n;
}

function percent(errors: FieldErrors, field: FormField, value: string): number {
  const bp = parsePercentToBp(value);
  if (bp === null) {
    errors[field] = { key: 'settings.validation.percent' };
    return 0;
  }
  if (bp > MAX_BP) errors[field] = { key: 'settings.validation.range', values: { min: 0, max: MAX_BP / 100 } };
  return bp;
}

/**
 * Turns the form into a settings:update patch holding only what changed, after checking every
 * field (and the whole patch against the contract's schema, so nothing the core would refuse leaves).
 */
export function patchFromForm(form: SettingsForm, current: SettingsView): { patch: SettingsPatch; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const shop = {
    name: text(errors, 'shopName', form.shopName, 80),
    address: text(errors, 'shopAddress', form.shopAddress, 200),
    phone: text(errors, 'shopPhone', form.shopPhone, 40),
    footer: text(errors, 'shopFooter', form.shopFooter, 300),
  };
  const printerName = text(errors, 'printerName', form.printerName, 200);
  const cashierName = text(errors, 'cashierName', form.cashierName, 60, true);
  // The markup is read only where the core sent it (the owner's view); otherwise it is left alone.
  const markupShown = current.markupBp !== null;
  const markupBp = markupShown ? percent(errors, 'markup', form.markup) : null;
  const markupOverridesBp: Record<string, number> = {};
  if (markupShown)
    for (const o of form.overrides) {
      if (!o.productId) continue;
      markupOverridesBp[o.productId] = percent(errors, `override:${o.productId}`, o.markup);
    }
  // The top-up fee sits beside the markup: the owner's, read only where the markup is shown.
  const fee = markupShown ? parseDzdToCentimes(form.topupFee) : null;
  if (markupShown && fee === null) errors.topupFee = { key: 'settings.validation.amount' };
  const low = parseDzdToCentimes(form.lowBalance);
  if (low === null) errors.lowBalance = { key: 'settings.validation.amount' };
  const maxQuantityPerSale = whole(errors, 'maxQuantity', form.maxQuantity, 1, 100);
  const queueCap = whole(errors, 'queueCap', form.queueCap, 0, 500);
  const queueExpiryMinutes = whole(errors, 'queueExpiry', form.queueExpiry, 1, 24 * 60);
  const idleLockMinutes = whole(errors, 'idleLock', form.idleLock, 1, 240);
  const reprintWindowMinutes = whole(errors, 'reprintWindow', form.reprintWindow, 0, 24 * 60);
  const apiRequestsPerMinute = whole(errors, 'apiRate', form.apiRate, 10, 6000);
  const maxOfflinePriceAgeHours = whole(errors, 'maxOfflinePriceAge', form.maxOfflinePriceAge, 1, 168);

  const patch: SettingsPatch = {};
  const shopPatch: NonNullable<SettingsPatch['shop']> = {};
  for (const k of ['name', 'address', 'phone', 'footer'] as const) if (shop[k] !== current.shop[k]) shopPatch[k] = shop[k];
  if (Object.keys(shopPatch).length) patch.shop = shopPatch;
  const paper = form.paperWidthMm === '58' ? 58 : 80;
  if (paper !== current.paperWidthMm) patch.paperWidthMm = paper;
  if (printerName !== current.printerName) patch.printerName = printerName;
  if (form.silentPrint !== current.silentPrint) patch.silentPrint = form.silentPrint;
  if (form.autoPrint !== current.autoPrint) patch.autoPrint = form.autoPrint;
  if (form.showQrCodes !== current.showQrCodes) patch.showQrCodes = form.showQrCodes;
  if (markupBp !== null && markupBp !== current.markupBp) patch.markupBp = markupBp;
  if (markupShown && !sameRecord(markupOverridesBp, current.markupOverridesBp ?? {})) patch.markupOverridesBp = markupOverridesBp;
  if (fee !== null && fee !== current.topupFeeC) patch.topupFeeC = fee;
  if (low !== null && low !== current.lowBalanceThresholdC) patch.lowBalanceThresholdC = low;
  if (maxQuantityPerSale !== current.maxQuantityPerSale) patch.maxQuantityPerSale = maxQuantityPerSale;
  if (queueCap !== current.queueCap) patch.queueCap = queueCap;
  if (queueExpiryMinutes !== current.queueExpiryMinutes) patch.queueExpiryMinutes = queueExpiryMinutes;
  if (idleLockMinutes !== current.idleLockMinutes) patch.idleLockMinutes = idleLockMinutes;
  if (reprintWindowMinutes !== current.reprintWindowMinutes) patch.reprintWindowMinutes = reprintWindowMinutes;
  if (apiRequestsPerMinute !== current.apiRequestsPerMinute) patch.apiRequestsPerMinute = apiRequestsPerMinute;
  if (maxOfflinePriceAgeHours !== current.maxOfflinePriceAgeHours) patch.maxOfflinePriceAgeHours = maxOfflinePriceAgeHours;
  if (cashierName !== current.cashierName) patch.cashierName = cashierName;
  if (form.language !== current.language) patch.language = form.language;
  if (form.arabicDigits !== current.arabicDigits) patch.arabicDigits = form.arabicDigits;

  if (Object.keys(errors).length === 0) {
    const checked = settingsPatchSchema.safeParse(patch);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = fieldForPath(issue.path.map(String).join('.'));
        if (field) errors[field] = { key: 'settings.validation.refused' };
      }
    }
  }
  return { patch, errors };
}

function sameRecord(a: Record<string, number>, b: Record<string, number>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

const PATH_TO_FIELD: Record<string, FormField> = {
  'shop.name': 'shopName',
  'shop.address': 'shopAddress',
  'shop.phone': 'shopPhone',
  'shop.footer': 'shopFooter',
  paperWidthMm: 'paperWidthMm',
  printerName: 'printerName',
  silentPrint: 'silentPrint',
  autoPrint: 'autoPrint',
  showQrCodes: 'showQrCodes',
  markupBp: 'markup',
  topupFeeC: 'topupFee',
  lowBalanceThresholdC: 'lowBalance',
  maxQuantityPerSale: 'maxQuantity',
  queueCap: 'queueCap',
  queueExpiryMinutes: 'queueExpiry',
  idleLockMinutes: 'idleLock',
  reprintWindowMinutes: 'reprintWindow',
  apiRequestsPerMinute: 'apiRate',
  maxOfflinePriceAgeHours: 'maxOfflinePriceAge',
  cashierName: 'cashierName',
  language: 'language',
  arabicDigits: 'arabicDigits',
};

/** Settings path ("shop.name", "markupOverridesBp.<id>") → form field. */
export function fieldForPath(path: string): FormField | null {
  if (path.startsWith('markupOverridesBp.')) return `override:${path.slice('markupOverridesBp.'.length)}`;
  return PATH_TO_FIELD[path] ?? null;
}

/** The field an INVALID_INPUT from the core names, in whichever shape the details carry it. */
export function fieldFromError(error: AppErrorShape): FormField | null {
  if (error.code !== 'INVALID_INPUT') return null;
  const d = error.details ?? {};
  const candidates: unknown[] = [d.field, d.path];
  if (Array.isArray(d.issues) && d.issues[0] && typeof d.issues[0] === 'object') candidates.push((d.issues[0] as { path?: unknown }).path);
  for (const c of candidates) {
    const path = Array.isArray(c) ? c.map(String).join('.') : typeof c === 'string' ? c : null;
    if (path) {
      const field = fieldForPath(path);
      if (field) return field;
    }
  }
  // Last resort: a settings key named in the message.
  for (const [path, field] of Object.entries(PATH_TO_FIELD)) if (error.message.includes(path)) return field;
  return null;
}

/**
 * The settings screen's parts. The technical knobs (the provider request budget, the offline
 * queue) sit under "Avancé", away from what a shop owner changes every week.
 */
export const SETTINGS_TABS = ['shop', 'sales', 'printing', 'security', 'advanced'] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

const TAB_OF_FIELD: Record<Exclude<FormField, `override:${string}`>, SettingsTab> = {
  shopName: 'shop',
  shopAddress: 'shop',
  shopPhone: 'shop',
  shopFooter: 'shop',
  cashierName: 'shop',
  language: 'shop',
  arabicDigits: 'shop',
  markup: 'sales',
  topupFee: 'sales',
  lowBalance: 'sales',
  maxQuantity: 'sales',
  paperWidthMm: 'printing',
  printerName: 'printing',
  silentPrint: 'printing',
  autoPrint: 'printing',
  showQrCodes: 'printing',
  idleLock: 'security',
  reprintWindow: 'security',
  apiRate: 'advanced',
  queueCap: 'advanced',
  queueExpiry: 'advanced',
  maxOfflinePriceAge: 'advanced',
};

/** The part of the screen a field is shown in (so an error is never hidden in another part). */
export function tabOfField(field: FormField): SettingsTab {
  if (field.startsWith('override:')) return 'sales';
  return TAB_OF_FIELD[field as keyof typeof TAB_OF_FIELD] ?? 'advanced';
}

/** The parts holding at least one error, in screen order. */
export function tabsWithErrors(errors: FieldErrors): SettingsTab[] {
  const tabs = new Set((Object.keys(errors) as FormField[]).map(tabOfField));
  return SETTINGS_TABS.filter((t) => tabs.has(t));
}

/**
 * Whether closing would lose something typed: any change the save would send, or any value the
 * save would refuse (which is a change too, just not a valid one yet).
 */
export function formIsDirty(form: SettingsForm, current: SettingsView): boolean {
  const { patch, errors } = patchFromForm(form, current);
  return Object.keys(patch).length > 0 || Object.keys(errors).length > 0;
}
