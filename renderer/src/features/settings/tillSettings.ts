import type { Settings } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { isShopWideSetting } from '../../../../shared/shop-wide-settings';
import type { TillSettings } from '../../../../shared/till-settings';
import type { FormField } from './settingsForm';

/** Which setting each field of the settings form edits: to mark the shop-wide ones. */
const SETTING_OF_FIELD: Record<Exclude<FormField, `override:${string}`>, keyof Settings> = {
  shopName: 'shop',
  shopAddress: 'shop',
  shopPhone: 'shop',
  shopFooter: 'shop',
  cashierName: 'cashierName',
  language: 'language',
  arabicDigits: 'arabicDigits',
  markup: 'markupBp',
  topupFee: 'topupFeeC',
  lowBalance: 'lowBalanceThresholdC',
  maxQuantity: 'maxQuantityPerSale',
  paperWidthMm: 'paperWidthMm',
  printerName: 'printerName',
  silentPrint: 'silentPrint',
  autoPrint: 'autoPrint',
  showQrCodes: 'showQrCodes',
  idleLock: 'idleLockMinutes',
  reprintWindow: 'reprintWindowMinutes',
  apiRate: 'apiRequestsPerMinute',
  queueCap: 'queueCap',
  queueExpiry: 'queueExpiryMinutes',
  maxOfflinePriceAge: 'maxOfflinePriceAgeHours',
};

/** Whether a field of the settings form is the shop's (the same at every joined till). */
export function isShopWideField(field: FormField): boolean {
  if (field.startsWith('override:')) return isShopWideSetting('markupOverridesBp');
  return isShopWideSetting(SETTING_OF_FIELD[field as keyof typeof SETTING_OF_FIELD]);
}

export type Note = { key: string; values?: Record<string, string>; warn?: boolean };

/** What the section says about the shop's server: in use, saved, and when a change takes effect. */
export function ledgerUrlNotes(view: TillSettings): Note[] {
  const l = view.sharedLedger;
  const notes: Note[] = [l.inUse ? { key: 'tillSettings.inUse', values: { url: l.inUse } } : { key: 'tillSettings.alone' }];
  if (l.source === 'environment') notes.push({ key: 'tillSettings.environment', warn: true });
  notes.push(l.saved ? { key: 'tillSettings.saved', values: { url: l.saved } } : { key: 'tillSettings.noneSaved' });
  if (l.restartNeeded) notes.push({ key: 'tillSettings.nextStart', warn: true });
  return notes;
}

const REASONS = ['NOT_A_URL', 'NOT_POSTGRES', 'NO_HOST_OR_DATABASE', 'TOO_LONG', 'TILL_NAME', 'SHOP_PASSPHRASE'] as const;

/** The section's own words for a refused name or URL; null: the generic error note says it. */
export function tillErrorKey(error: AppErrorShape): string | null {
  const reason = error.details?.reason;
  if (typeof reason === 'string' && (REASONS as readonly string[]).includes(reason)) return `tillSettings.errors.${reason}`;
  // Refused at the edge by the contract (too long to even reach the core).
  if (error.code === 'INVALID_INPUT' && error.details?.field === 'name') return 'tillSettings.errors.TILL_NAME';
  if (error.code === 'INVALID_INPUT' && error.details?.field === 'url') return 'tillSettings.errors.TOO_LONG';
  // Too short or too long for a shop passphrase is refused at the edge: it cannot be the shop's.
  if (error.code === 'INVALID_INPUT' && error.details?.field === 'passphrase') return 'tillSettings.errors.SHOP_PASSPHRASE';
  return null;
}
