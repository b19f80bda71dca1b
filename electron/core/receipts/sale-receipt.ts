import type { Receipt, SaleState } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { Ledger, SaleRow } from '../ledger/ledger';
import { DEFAULT_LINE, type ProductLines } from '../product-lines/registry';
import { refundDue } from '../sales/sale-dto';
import type { SettingsService } from '../settings/settings-service';
import { renderReceiptHtml } from './receipt-html';
import { sharedTillName } from '../shared-ledger/till-identity';
import { providerNote, sentAmountC } from '../sales/top-up-facts';

/** Sales that have something to hand the customer: codes, a pending slip, or a refund slip. */
export const RECEIPT_STATES: readonly SaleState[] = ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'CANCELLED', 'QUEUED', 'EXPIRED', 'TO_VERIFY'];

/** A slip exists for these states, and for an internet card the provider queued (the customer comes back for it). */
export function hasReceipt(row: Pick<SaleRow, 'state' | 'provider_status'>): boolean {
  return RECEIPT_STATES.includes(row.state) || (row.state === 'PLACED' && row.provider_status === 'QUEUED');
}

export async function saleReceipt(
  ledger: Ledger,
  lines: ProductLines,
  settings: SettingsService,
  row: SaleRow,
  reprint?: { n: number; at: number },
): Promise<Receipt> {
  if (!hasReceipt(row)) {
    throw new AppError('INVALID_STATE', 'This sale has no receipt yet', { state: row.state });
  }
  const s = settings.get();
  const html = await renderReceiptHtml(
    {
      saleId: row.id,
      state: row.state,
      mode: row.mode,
      createdAt: row.created_at,
      cashier: row.cashier,
      // Sale numbers are per counter: in a shop with several, the slip names the counter.
      till: sharedTillName(ledger),
      productId: row.product_id,
      productTitle: row.product_title,
      typeName: row.type_name,
      quantity: row.quantity,
      unitRetailC: row.unit_retail_c,
      deliveredQuantity: row.delivered_quantity,
      refundDueC: refundDue(row),
      refundHandedC: row.refund_handed_c,
      reason: row.reason_message,
      cards: ledger.cards(row.id),
      entry: row.entry === null ? null : (JSON.parse(row.entry) as Record<string, unknown>),
      // A sale of a line this till does not have (a ledger restored from another till) still gets
      // its slip, the refund first of all: what it delivered prints as plain codes and serials.
      line: lines.get(lines.has(row.line) ? row.line : DEFAULT_LINE),
      topUp:
        row.recipient === null
          ? null
          : {
              recipient: row.recipient,
              amountC: sentAmountC(row),
              clientRef: row.client_ref,
              providerRef: row.provider_ref,
              providerStatus: row.provider_status,
              note: providerNote(row),
            },
    },
    s,
    reprint ? { reprint } : {},
  );
  return { saleId: row.id, html, paperWidthMm: s.paperWidthMm };
}
