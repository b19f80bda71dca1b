import type { CommandHandlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { ReceiptPrinter } from '../platform/ports';
import type { ProductLines } from '../product-lines/registry';
import { requireCodeAccess, requireVisibleSale, type CodeAccessDeps } from '../sales/sale-access';
import { duplicateReceipt } from './duplicate';
import { saleReceipt } from './sale-receipt';

export interface ReceiptHandlerDeps extends CodeAccessDeps {
  /** Electron's native printing; absent in the browser host, where the page prints. */
  printer: ReceiptPrinter | undefined;
  /** Each sale's product line prints its own section of the receipt. */
  lines: ProductLines;
}

/** A sale's receipt: shown, printed, or saved as PDF, by whoever may see its codes (sale-access.ts). */
export function receiptHandlers(s: ReceiptHandlerDeps): Pick<CommandHandlers, 'sales:receipt' | 'sales:print' | 'sales:savePdf'> {
  const receipt = async (saleId: number) => {
    const { row } = requireCodeAccess(s, saleId);
    return saleReceipt(s.ledger, s.lines, s.settings, row);
  };
  return {
    'sales:receipt': async ({ saleId }) => receipt(saleId),
    'sales:print': async ({ saleId }) => {
      if (!s.printer) throw new AppError('NOT_SUPPORTED', 'This till prints through the browser');
      const { row, who } = requireCodeAccess(s, saleId);
      // Printed once already (by itself after the sale, or by hand): this one is a numbered duplicate.
      const again = row.print_count > 0 ? await duplicateReceipt(s, row) : null;
      const { html } = again ? again.receipt : await saleReceipt(s.ledger, s.lines, s.settings, row);
      const settings = s.settings.get();
      const printed = await s.printer.print(html, { widthMm: settings.paperWidthMm, printerName: settings.printerName, silent: settings.silentPrint });
      if (printed) {
        s.ledger.touch(saleId, { print_count: requireVisibleSale(s, saleId).row.print_count + 1 });
        if (again) again.record(who.name);
        else s.ledger.addEvent(saleId, 'printed', null);
      }
      return { printed };
    },
    'sales:savePdf': async ({ saleId }) => {
      if (!s.printer) throw new AppError('NOT_SUPPORTED', "This till saves PDFs through the browser's print dialog");
      const { html, paperWidthMm } = await receipt(saleId);
      const file = await s.printer.savePdf(html, { widthMm: paperWidthMm, defaultName: `recu-${saleId}.pdf` });
      if (file) s.ledger.addEvent(saleId, 'saved-pdf', null);
      return { saved: file !== null };
    },
  };
}
