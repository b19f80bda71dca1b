import i18next, { type TFunction } from 'i18next';
import QRCode from 'qrcode';
import type { Language, Mode, SaleState, Settings } from '../../../shared/domain';
import { defaultInstructions, receiptStrings } from '../../../shared/i18n/receipt';
import { formatDzd } from '../../../shared/money';

export interface ReceiptData {
  saleId: number;
  state: SaleState;
  mode: Mode;
  createdAt: number;
  cashier: string;
  productId: string;
  productTitle: string;
  typeName: string;
  quantity: number;
  unitRetailC: number;
  deliveredQuantity: number;
  refundDueC: number;
  reason: string | null;
  cards: { value: string; serial: string }[];
}

const LOCALES: Record<Language, string> = { fr: 'fr-DZ', ar: 'ar-DZ', en: 'en-GB' };

const translators = new Map<Language, TFunction>();
function translator(lang: Language): TFunction {
  let t = translators.get(lang);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      initAsync: false,
      resources: { [lang]: { translation: receiptStrings[lang] } },
      interpolation: { escapeValue: true },
    });
    t = instance.t.bind(instance) as TFunction;
    translators.set(lang, t);
  }
  return t;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function instructionsFor(data: ReceiptData, settings: Settings, lang: Language): string | null {
  const custom = settings.instructions[data.productId];
  if (custom) return custom;
  return defaultInstructions.find((d) => d.match.test(data.productTitle))?.text[lang] ?? null;
}

/**
 * A receipt as a standalone HTML document (Arabic and French shape correctly only when the
 * browser engine lays the text out, never as raw printer text). It holds the codes, so it leaves
 * the core only for the printer or the screen showing the sale just completed.
 */
export async function renderReceiptHtml(data: ReceiptData, settings: Settings, extra: { reprint?: { n: number; at: number } } = {}): Promise<string> {
  const lang = settings.language;
  const t = translator(lang);
  const locale = LOCALES[lang];
  const money = (c: number) => esc(formatDzd(c, locale, { arabicDigits: settings.arabicDigits }));
  const formatWhen = (ms: number) =>
    new Intl.DateTimeFormat(lang === 'ar' ? `ar-DZ-u-nu-${settings.arabicDigits ? 'arab' : 'latn'}` : locale, {
      dateStyle: 'short',
      timeStyle: 'short',
      hourCycle: 'h23',
    }).format(new Date(ms));
  const when = formatWhen(data.createdAt);
  const width = settings.paperWidthMm;
  const reprint = extra.reprint
    ? `<div class="reprint" role="note">${esc(t('reprint', { n: extra.reprint.n, when: formatWhen(extra.reprint.at), interpolation: { escapeValue: false } }))}</div>`
    : '';
  const codeSize = width === 58 ? 15 : 19;

  const banner =
    data.mode === 'training'
      ? `<div class="banner" role="note">${esc(t('training'))}</div>`
      : data.mode === 'sandbox'
        ? `<div class="banner" role="note">${esc(t('sandbox'))}</div>`
        : '';

  const cardBlocks = await Promise.all(
    data.cards.map(async (c, i) => {
      const qr = settings.showQrCodes ? await QRCode.toString(c.value, { type: 'svg', margin: 0, width: 120 }) : '';
      return `<section class="card">
        <div class="small">${esc(t('card', { n: i + 1, total: data.cards.length }))}</div>
        <div class="label">${esc(t('code'))}</div>
        <div class="code" dir="ltr">${esc(c.value)}</div>
        <div class="label">${esc(t('serial'))} : <span class="serial" dir="ltr">${esc(c.serial)}</span></div>
        ${qr ? `<div class="qr">${qr}</div>` : ''}
      </section>`;
    }),
  );

  let outcome = '';
  const missing = data.quantity - data.deliveredQuantity;
  if (data.state === 'PARTIALLY_FILLED') outcome = t('partial', { count: missing, missing, amount: money(data.refundDueC), interpolation: { escapeValue: false } });
  else if (data.state === 'REFUNDED') outcome = t('refunded', { amount: money(data.refundDueC), interpolation: { escapeValue: false } });
  else if (data.state === 'REJECTED') outcome = t('rejected', { reason: esc(data.reason ?? ''), amount: money(data.refundDueC), interpolation: { escapeValue: false } });
  else if (data.state === 'CANCELLED') outcome = t('cancelled', { amount: money(data.refundDueC), interpolation: { escapeValue: false } });
  else if (data.cards.length === 0) outcome = esc(t('pending'));

  const paid = data.unitRetailC * data.quantity;
  const instructions = data.cards.length > 0 ? instructionsFor(data, settings, lang) : null;
  const shop = settings.shop;

  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(t('sale', { id: data.saleId }))}</title>
<style>
  @page { size: ${width}mm auto; margin: 0; }
  * { box-sizing: border-box; }
  body { margin: 0; padding: 3mm; width: ${width}mm; font-family: "DejaVu Sans", "Noto Sans", "Noto Naskh Arabic", Arial, sans-serif; font-size: ${width === 58 ? 10 : 11}px; color: #000; }
  h1 { font-size: 1.4em; margin: 0 0 1mm; text-align: center; }
  .center { text-align: center; }
  .banner { border: 2px solid #000; padding: 1mm; margin: 1mm 0; font-weight: bold; text-align: center; }
  .reprint { font-weight: bold; text-align: center; letter-spacing: 0.05em; border: 1px solid #000; padding: 1mm; margin: 1mm 0; }
  table { width: 100%; border-collapse: collapse; }
  td { padding: 0.3mm 0; vertical-align: top; }
  td.v { text-align: end; font-weight: bold; }
  hr { border: 0; border-top: 1px dashed #000; margin: 2mm 0; }
  .card { border-top: 1px dashed #000; padding: 1.5mm 0; break-inside: avoid; }
  .code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: ${codeSize}px; font-weight: bold; word-break: break-all; text-align: center; margin: 1mm 0; unicode-bidi: isolate; }
  .serial { font-family: "DejaVu Sans Mono", monospace; unicode-bidi: isolate; }
  .label, .small { font-size: 0.9em; }
  .total { font-size: 1.3em; font-weight: bold; }
  .outcome { border: 2px solid #000; padding: 1.5mm; margin: 2mm 0; font-weight: bold; }
  .qr { text-align: center; } .qr svg { width: 28mm; height: 28mm; }
</style>
</head>
<body>
${banner}
<h1 dir="auto">${esc(shop.name)}</h1>
${shop.address ? `<div class="center" dir="auto">${esc(shop.address)}</div>` : ''}
${shop.phone ? `<div class="center" dir="ltr">${esc(shop.phone)}</div>` : ''}
${reprint}
<hr>
<table>
  <tr><td colspan="2" class="total">${esc(t('sale', { id: data.saleId }))}</td></tr>
  <tr><td>${esc(t('date'))}</td><td class="v">${esc(when)}</td></tr>
  <tr><td>${esc(t('cashier'))}</td><td class="v">${esc(data.cashier)}</td></tr>
  <tr><td>${esc(t('product'))}</td><td class="v">${esc(data.productTitle)}</td></tr>
  <tr><td>${esc(t('denomination'))}</td><td class="v">${esc(data.typeName)}</td></tr>
  <tr><td>${esc(t('quantity'))}</td><td class="v">${data.quantity}</td></tr>
  <tr><td>${esc(t('unitPrice'))}</td><td class="v">${money(data.unitRetailC)}</td></tr>
  <tr><td class="total">${esc(t('total'))}</td><td class="v total">${money(paid)}</td></tr>
</table>
${outcome ? `<div class="outcome">${outcome}</div>` : ''}
${cardBlocks.join('\n')}
${data.cards.length > 0 ? `<hr><div class="small">${esc(t('keepSecret'))}</div>` : ''}
${instructions ? `<div class="small"><strong>${esc(t('instructions'))} :</strong> ${esc(instructions)}</div>` : ''}
${banner}
${reprint}
${shop.footer ? `<hr><div class="center" dir="auto">${esc(shop.footer)}</div>` : ''}
</body>
</html>`;
}
