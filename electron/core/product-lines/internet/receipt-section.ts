import type { ReceiptSale, ReceiptText } from '../product-line';
import { topUpRows } from '../top-up-kit/top-up-receipt';

/**
 * An internet recharge's part of the slip: the line's number and value, the refs and status, then
 * the card Algérie Télécom delivered (the code the customer enters, large and exactly as given;
 * the transaction number, proof of purchase; the processing date). A queued card prints when it
 * arrives (reprint); until then the slip says when to come back.
 */
export async function internetSection(sale: ReceiptSale, x: ReceiptText): Promise<string> {
  const card = sale.items[0];
  const cardBlock = card
    ? `<section class="card">
        <div class="label">${x.esc(x.t('cardCode'))}</div>
        <div class="code" dir="ltr" translate="no">${x.esc(card.value)}</div>
        ${card.serial ? `<div class="label">${x.esc(x.label(x.t('transactionNumber')))} <span class="serial" dir="ltr" translate="no">${x.esc(card.serial)}</span></div>` : ''}
        ${sale.note?.processedAt ? `<div class="small">${x.esc(x.label(x.t('processedAt')))} <span dir="ltr">${x.esc(sale.note.processedAt.replace('T', ' ').slice(0, 16))}</span></div>` : ''}
      </section>`
    : '';
  return `${topUpRows(sale, x)}\n${cardBlock}`;
}
