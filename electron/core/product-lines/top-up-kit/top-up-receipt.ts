import { groupNumber } from '../../../../shared/phone-numbers';
import { printableName } from '../../../../shared/plan-names';
import type { ReceiptSale, ReceiptText } from '../product-line';

/** The status word the slip prints for a top-up, in the receipt's language. */
function statusKey(sale: ReceiptSale): string {
  if (sale.state === 'FULFILLED') return 'topUpDone';
  if (sale.state === 'REFUNDED' || sale.state === 'REJECTED' || sale.state === 'CANCELLED') return 'topUpFailed';
  if (sale.state === 'TO_VERIFY') return 'topUpChecking';
  if (sale.providerStatus === 'QUEUED') return 'topUpQueuedShort';
  return 'topUpWaiting';
}

/**
 * The rows every top-up slip has: the number large and grouped (the customer reads it back), the
 * amount sent, our ref (and the provider's when it differs: both are what support asks for), the
 * status; then what the provider said to the customer (Arabic, right to left) and the offers it
 * suggested instead.
 */
export function topUpRows(sale: ReceiptSale, x: ReceiptText, extra: string[] = []): string {
  const row = (label: string, value: string, cls = '') => `<tr><td>${x.esc(label)}</td><td class="v ${cls}">${value}</td></tr>`;
  const ltr = (v: string, cls = '') => `<span dir="ltr" translate="no" class="${cls}">${x.esc(v)}</span>`;
  const rows = [
    row(x.t('topUpNumber'), ltr(groupNumber(sale.recipient ?? ''), 'recipient')),
    row(x.t('topUpAmount'), x.esc(x.money(sale.amountC))),
    ...extra,
    sale.clientRef ? row(x.t('topUpRef'), ltr(sale.clientRef, 'serial')) : '',
    sale.providerRef && sale.providerRef !== sale.clientRef ? row(x.t('topUpProviderRef'), ltr(sale.providerRef, 'serial')) : '',
    row(x.t('topUpStatus'), x.esc(x.t(statusKey(sale)))),
  ].filter(Boolean);
  const said = sale.note?.refundMessage ? `<div class="small" dir="rtl" lang="ar">${x.esc(sale.note.refundMessage)}</div>` : '';
  const offers = (sale.note?.suggestedOffers ?? []).map((o) => `<li><bdi>${x.esc(printableName(o.name))}</bdi> — ${x.esc(x.money(o.amountC))}</li>`).join('');
  return `<section class="topup">
  <style>.topup .recipient { font-size: 1.4em; letter-spacing: 0.05em; }</style>
  <table>${rows.join('\n')}</table>
  ${said}
  ${offers ? `<div class="small"><strong>${x.esc(x.label(x.t('topUpOffers')))}</strong><ul>${offers}</ul></div>` : ''}
</section>`;
}
