import i18next, { type TFunction } from 'i18next';
import { DEFAULT_SETTINGS, type Language, type Mode, type SaleState, type Settings } from '../../../shared/domain';
import type { ProductLine, ProviderNote } from '../product-lines/product-line';
import { defaultInstructions, receiptStrings } from './receipt-strings';
import { moneyFigures } from '../sales/money-figures';
import { slipFormat, slipGeometry, slipPageCss, type SlipFormat } from './slip-format';

export interface ReceiptData {
  saleId: number;
  state: SaleState;
  mode: Mode;
  createdAt: number;
  cashier: string;
  /** The counter that sold it, in a shop with several (sale numbers are per counter); absent alone. */
  till?: string | null;
  productId: string;
  productTitle: string;
  typeName: string;
  quantity: number;
  unitRetailC: number;
  deliveredQuantity: number;
  refundDueC: number;
  /** The refund the cashier confirmed handing back (sales:confirmRefund); 0 or absent until then. */
  refundHandedC?: number;
  reason: string | null;
  /** What was delivered (codes and serials), printed by the sale's product line. */
  cards: { value: string; serial: string }[];
  /** The sale's own entry fields (sales.entry), for lines that print them (a phone number). */
  entry?: Record<string, unknown> | null;
  /** The sale's product line: its section of the receipt (product-line.ts). */
  line: Pick<ProductLine, 'receiptSection'>;
  /** A top-up's number, amount, refs and what the provider said; absent for gift cards. */
  topUp?: TopUpReceipt | null;
}

export interface TopUpReceipt {
  recipient: string;
  amountC: number;
  clientRef: string | null;
  providerRef: string | null;
  providerStatus: string | null;
  note: ProviderNote | null;
}

const translators = new Map<Language, TFunction>();
function translator(lang: Language): TFunction {
  let t = translators.get(lang);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      initAsync: false,
      resources: { [lang]: { translation: receiptStrings[lang] } },
      // Values are formatted first and the whole line is escaped once, where it enters the HTML.
      interpolation: { escapeValue: false },
    });
    t = instance.t.bind(instance) as TFunction;
    translators.set(lang, t);
  }
  return t;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The shipped French default: a shop that never touched it gets the thank-you line in the receipt's language. */
const UNTOUCHED_FOOTER = DEFAULT_SETTINGS.shop.footer;

/** The owner's own footer where they wrote one; else the default line in the receipt's language. An emptied field prints none. */
export function footerFor(settings: Settings, t: TFunction): string {
  const own = settings.shop.footer.trim();
  if (own === UNTOUCHED_FOOTER) return t('footer');
  return own;
}

function instructionsFor(data: ReceiptData, settings: Settings, lang: Language, fmt: SlipFormat): string | null {
  // The owner's own text is printed as written; the shipped steps follow the receipt's digits.
  const custom = settings.instructions[data.productId];
  if (custom) return custom;
  const shipped = defaultInstructions.find((d) => d.match.test(data.productTitle))?.text[lang];
  return shipped ? fmt.digits(shipped) : null;
}

/**
 * A receipt as a standalone HTML document (Arabic and French shape correctly only when the
 * browser engine lays the text out, never as raw printer text). It holds the codes, so it leaves
 * the core only for the printer or the screen showing the sale just completed.
 *
 * One digit system per receipt: with Arabic digits on, every number the till prints (sale number,
 * date, quantities, amounts, card n/total, DUPLICATA n°) uses them. Codes and serials stay exactly
 * as the provider gave them: the customer types them into a store that expects those characters.
 * They are marked `translate="no"` and class code/serial. The shop's address and phone follow the
 * receipt's digits too; text the owner writes as a sentence (shop name, footer, own instructions)
 * and people's names are printed as typed.
 */
export async function renderReceiptHtml(data: ReceiptData, settings: Settings, extra: { reprint?: { n: number; at: number } } = {}): Promise<string> {
  const lang = settings.language;
  const t = translator(lang);
  const fmt = slipFormat(settings);
  const geo = slipGeometry(settings.paperWidthMm);
  const money = (c: number) => fmt.money(c);
  const reprint = extra.reprint
    ? `<div class="reprint" role="note">${esc(t('reprint', { n: fmt.int(extra.reprint.n), when: fmt.dateTime(extra.reprint.at) }))}</div>`
    : '';
  const codeSize = geo.narrow ? 15 : 19;

  const banner =
    data.mode === 'training'
      ? `<div class="banner" role="note">${esc(t('training'))}</div>`
      : data.mode === 'sandbox'
        ? `<div class="banner" role="note">${esc(t('sandbox'))}</div>`
        : '';

  // What the customer receives is the product line's to print (gift cards: each code and serial).
  const lineSection = await data.line.receiptSection(
    {
      state: data.state,
      quantity: data.quantity,
      productTitle: data.productTitle,
      typeName: data.typeName,
      items: data.cards,
      entry: data.entry ?? null,
      showQrCodes: settings.showQrCodes,
      recipient: data.topUp?.recipient ?? null,
      amountC: data.topUp?.amountC ?? 0,
      clientRef: data.topUp?.clientRef ?? null,
      providerRef: data.topUp?.providerRef ?? null,
      providerStatus: data.topUp?.providerStatus ?? null,
      note: data.topUp?.note ?? null,
    },
    { lang, t: (key, values) => t(key, values ?? {}), int: fmt.int, money, label: fmt.label, esc },
  );

  const outcome = outcomeText(data, t, fmt, money(data.refundDueC));

  // Paid, to hand back (or handed back) and net from the one function every surface uses.
  const m = moneyFigures({
    state: data.state,
    quantity: data.quantity,
    deliveredQuantity: data.deliveredQuantity,
    unitRetailC: data.unitRetailC,
    refundHandedC: data.refundHandedC ?? 0,
  });
  const paid = m.paidC;
  const instructions = data.cards.length > 0 ? instructionsFor(data, settings, lang, fmt) : null;
  const shop = settings.shop;
  const footer = footerFor(settings, t);
  // Names keep their own direction: "PSN ١٠ USD" must not turn into "USD ١٠ PSN" on an Arabic receipt.
  const bdi = (text: string) => `<bdi>${esc(text)}</bdi>`;
  const row = (label: string, value: string) => `<tr><td>${esc(label)}</td><td class="v">${value}</td></tr>`;
  // At 58 mm a large "Total payé" and its amount do not share a line: each gets its own.
  const totalRow = geo.narrow
    ? `<tr><td colspan="2" class="total"><div>${esc(t('total'))}</div><div class="v">${esc(money(paid))}</div></td></tr>`
    : `<tr><td class="total">${esc(t('total'))}</td><td class="v total">${esc(money(paid))}</td></tr>`;

  return `<!doctype html>
<html lang="${lang}" dir="${fmt.dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(t('sale', { id: fmt.int(data.saleId) }))}</title>
<style>
  ${slipPageCss(geo, geo.narrow ? 10 : 11)}
  h1 { font-size: 1.4em; margin: 0 0 1mm; text-align: center; }
  .center { text-align: center; }
  .banner { border: 2px solid #000; padding: 1mm; margin: 1mm 0; font-weight: bold; text-align: center; }
  .reprint { font-weight: bold; text-align: center; letter-spacing: 0.05em; border: 1px solid #000; padding: 1mm; margin: 1mm 0; }
  td { padding: 0.3mm 0; vertical-align: top; }
  td:first-child { padding-inline-end: 1mm; }
  .v { text-align: end; font-weight: bold; }
  hr { border: 0; border-top: 1px dashed #000; margin: 2mm 0; }
  .card { border-top: 1px dashed #000; padding: 1.5mm 0; break-inside: avoid; }
  .code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: ${codeSize}px; font-weight: bold; word-break: break-all; text-align: center; margin: 1mm 0; unicode-bidi: isolate; }
  .serial { font-family: "DejaVu Sans Mono", monospace; unicode-bidi: isolate; word-break: break-all; }
  .label, .small { font-size: 0.9em; }
  .total { font-size: 1.3em; font-weight: bold; }
  .outcome { border: 2px solid #000; padding: 1.5mm; margin: 2mm 0; font-weight: bold; }
  .qr { text-align: center; } .qr svg { width: 28mm; height: 28mm; }
</style>
</head>
<body>
${banner}
<h1 dir="auto">${esc(shop.name)}</h1>
${shop.address ? `<div class="center" dir="auto">${esc(fmt.digits(shop.address))}</div>` : ''}
${shop.phone ? `<div class="center" dir="ltr">${esc(fmt.digits(shop.phone))}</div>` : ''}
${reprint}
<hr>
<table>
  <tr><td colspan="2" class="total">${esc(t('sale', { id: fmt.int(data.saleId) }))}</td></tr>
  ${row(t('date'), esc(fmt.dateTime(data.createdAt)))}
  ${data.till ? row(t('till'), bdi(data.till)) : ''}
  ${row(t('cashier'), bdi(data.cashier))}
  ${row(t('product'), bdi(fmt.digits(data.productTitle)))}
  ${row(t('denomination'), bdi(fmt.digits(data.typeName)))}
  ${data.topUp ? '' : row(t('quantity'), esc(fmt.int(data.quantity)))}
  ${data.topUp ? '' : row(t('unitPrice'), esc(money(data.unitRetailC)))}
  ${totalRow}
  ${m.differs ? moneyRows(m, t, fmt, money, row, !data.topUp) : ''}
</table>
${outcome ? `<div class="outcome">${outcome}</div>` : ''}
${lineSection}
${data.cards.length > 0 ? `<hr><div class="small">${esc(t('keepSecret'))}</div>` : ''}
${instructions ? `<div class="small"><strong>${esc(fmt.label(t('instructions')))}</strong> <span dir="auto">${esc(instructions)}</span></div>` : ''}
${banner}
${reprint}
${footer ? `<hr><div class="center" dir="auto">${esc(footer)}</div>` : ''}
</body>
</html>`;
}

/**
 * The boxed sentence that tells the customer how the sale ended, when it is not simply delivered.
 * A top-up speaks of a recharge, not of cards; one the provider could not settle (TO_VERIFY) is
 * never refunded at the counter; an internet card queued at Algérie Télécom comes later.
 */
function outcomeText(data: ReceiptData, t: TFunction, fmt: SlipFormat, amount: string): string {
  const missing = data.quantity - data.deliveredQuantity;
  const topUp = Boolean(data.topUp);
  let text = '';
  if (data.state === 'PARTIALLY_FILLED') text = t('partial', { count: missing, missing: fmt.int(missing), amount });
  else if (data.state === 'REFUNDED') text = t(topUp ? 'topUpRefunded' : 'refunded', { amount });
  else if (data.state === 'REJECTED') text = t('rejected', { reason: fmt.digits(data.reason ?? ''), amount });
  else if (data.state === 'CANCELLED') text = t('cancelled', { amount });
  else if (data.state === 'TO_VERIFY') text = t('topUpToVerify');
  else if (data.state === 'PLACED' && data.topUp?.providerStatus === 'QUEUED') text = t('topUpQueued');
  else if (data.state === 'QUEUED' || data.state === 'EXPIRED') text = t(topUp ? 'topUpPending' : 'pending');
  else if (data.cards.length === 0 && !topUp) text = t('pending');
  return text && esc(fmt.sentence(text));
}

/** Where paid and net differ: cards delivered of ordered, what goes back (or went back), and net. */
function moneyRows(
  m: ReturnType<typeof moneyFigures>,
  t: TFunction,
  fmt: SlipFormat,
  money: (c: number) => string,
  row: (label: string, value: string) => string,
  countsCards: boolean,
): string {
  const lines = countsCards
    ? [`<tr><td colspan="2">${esc(t('delivered', { count: m.delivered, delivered: fmt.int(m.delivered), ordered: fmt.int(m.ordered) }))}</td></tr>`]
    : [];
  if (m.owedC > 0) lines.push(row(t('toHandBack'), esc(money(m.owedC))));
  if (m.handedBackC > 0) lines.push(row(t('handedBack'), esc(money(m.handedBackC))));
  lines.push(row(t('net'), esc(money(m.netC))));
  return lines.join('\n  ');
}
