import type { Settings } from '../../../../shared/domain';

/**
 * A printer named in the settings means the shop has a receipt printer at the counter: each sale
 * delivered in full prints by itself (silently in Electron) and the counter returns to the grid.
 * Without one, the receipt screen stays and the cashier prints from it.
 */
export function printsHandsFree(settings: Pick<Settings, 'printerName'>): boolean {
  return settings.printerName.trim() !== '';
}
