import { dzdToCentimes } from '../../../../shared/money';

/** The provider's `cost` multiplier (0.9925) as parts per million (992500), or null when it gives none (wholesale plans). */
export function costPpmOf(multiplier: number | null | undefined): number | null {
  if (typeof multiplier !== 'number' || !Number.isFinite(multiplier) || multiplier <= 0 || multiplier > 2) return null;
  return Math.round(multiplier * 1_000_000);
}

/** A DZD figure from the provider in centimes, 0 when absent or unreadable. */
export function centimesOr0(dzd: number | null | undefined): number {
  if (typeof dzd !== 'number' || !Number.isFinite(dzd) || dzd < 0) return 0;
  return dzdToCentimes(dzd);
}
