import QRCode from 'qrcode';
import type { ReceiptSale, ReceiptText } from '../product-line';

/**
 * The gift cards' part of the receipt: each card's code (large, with its QR code when the shop
 * wants them) and serial. Codes and serials stay exactly as the provider sent them: marked
 * `translate="no"`, left to right, never reshaped by the receipt's language.
 */
export async function giftCardSection(sale: ReceiptSale, x: ReceiptText): Promise<string> {
  const blocks = await Promise.all(
    sale.items.map(async (c, i) => {
      const qr = sale.showQrCodes ? await QRCode.toString(c.value, { type: 'svg', margin: 0, width: 120 }) : '';
      return `<section class="card">
        <div class="small">${x.esc(x.t('card', { n: x.int(i + 1), total: x.int(sale.items.length) }))}</div>
        <div class="label">${x.esc(x.t('code'))}</div>
        <div class="code" dir="ltr" translate="no">${x.esc(c.value)}</div>
        <div class="label">${x.esc(x.label(x.t('serial')))} <span class="serial" dir="ltr" translate="no">${x.esc(c.serial)}</span></div>
        ${qr ? `<div class="qr">${qr}</div>` : ''}
      </section>`;
    }),
  );
  return blocks.join('\n');
}
