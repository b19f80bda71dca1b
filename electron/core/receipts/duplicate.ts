import type { Receipt } from '../../../shared/domain';
import type { SaleRow } from '../ledger/ledger';
import type { ProductLines } from '../product-lines/registry';
import type { CodeAccessDeps } from '../sales/sale-access';
import { saleReceipt } from './sale-receipt';

/**
 * A receipt printed again is a numbered duplicate ("DUPLICATA n° N"), whichever way it was asked
 * for (the history's reprint, the tray's reprint in Electron): the customer can never be handed a
 * second "original" for the same codes. The number counts the reprints in the sale's timeline; the
 * caller writes the line (`record`) only once the duplicate was really handed out.
 */
export async function duplicateReceipt(
  s: CodeAccessDeps & { lines: ProductLines },
  row: SaleRow,
): Promise<{ receipt: Receipt; record: (who: string) => void }> {
  const n = s.ledger.events(row.id).filter((e) => e.kind === 'reprinted').length + 1;
  const at = s.now();
  const receipt = await saleReceipt(s.ledger, s.lines, s.settings, row, { n, at });
  return { receipt, record: (who) => s.ledger.addEvent(row.id, 'reprinted', `${n} ${who}`, at) };
}
