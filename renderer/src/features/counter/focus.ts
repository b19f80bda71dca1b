/** Moving focus between screens by id, so a cashier never has to reach for the mouse. */
export const SEARCH_ID = 'product-search';
export const QUANTITY_ID = 'sale-quantity';

export function focusSearch(select = false): void {
  const el = document.getElementById(SEARCH_ID) as HTMLInputElement | null;
  if (!el) return;
  el.focus();
  if (select) el.select();
}

/** The tile that holds the grid's roving tab stop. */
export function focusGrid(): boolean {
  const el = document.querySelector<HTMLElement>('[data-tile-active="true"]');
  if (!el) return false;
  el.focus();
  return true;
}

export function focusQuantity(): void {
  const el = document.getElementById(QUANTITY_ID) as HTMLInputElement | null;
  if (!el) return;
  el.focus();
  el.select();
}

export function focusFirstDenomination(): void {
  document.querySelector<HTMLButtonElement>('.denom:not(:disabled)')?.focus();
}

/** The card with this type id if it can still be chosen, else the first one in stock. */
export function focusDenomination(typeId: string | null): void {
  const chosen = typeId ? [...document.querySelectorAll<HTMLButtonElement>('.denom:not(:disabled)')].find((b) => b.dataset.typeId === typeId) : undefined;
  if (chosen) chosen.focus();
  else focusFirstDenomination();
}

/** Digit n (1-9, Arabic-Indic too) focuses the n-th card; false when there is none or it is out of stock. */
export function focusDenominationAt(n: number): boolean {
  const button = document.querySelectorAll<HTMLButtonElement>('.denom')[n - 1];
  if (!button || button.disabled) return false;
  button.focus();
  return true;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || !!target.closest('input, textarea, select');
}

export function anyDialogOpen(): boolean {
  return !!document.querySelector('dialog[open]');
}
