/**
 * The provider's plan names mix emoji, Latin and Arabic ("📱 PREPAID | عادي"). Thermal printers
 * and machines without an emoji font draw the emoji as empty boxes, so the till shows and prints
 * the words only; the kind of plan is said by its group on screen.
 */
export function printableName(name: string): string {
  return name
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
