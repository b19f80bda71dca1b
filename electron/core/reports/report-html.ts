import i18next, { type TFunction } from 'i18next';
import type { Language, Settings } from '../../../shared/domain';
import { reportStrings } from '../../../shared/i18n/report';
import { formatDzd } from '../../../shared/money';
import type { DayReport, ReconcileReport, SalesTotals, ShiftReport } from '../../../shared/shop';

const translators = new Map<Language, TFunction>();
function translator(lang: Language): TFunction {
  let t = translators.get(lang);
  if (!t) {
    const i = i18next.createInstance();
    void i.init({ lng: lang, initAsync: false, resources: { [lang]: { translation: reportStrings[lang] } }, interpolation: { escapeValue: false } });
    t = i.t.bind(i) as TFunction;
    translators.set(lang, t);
  }
  return t;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

interface Ctx {
  t: TFunction;
  money: (c: number) => string;
  when: (iso: string) => string;
}

function ctx(settings: Settings): Ctx {
  const lang = settings.language;
  const locale = lang === 'ar' ? `ar-DZ-u-nu-${settings.arabicDigits ? 'arab' : 'latn'}` : lang === 'fr' ? 'fr-DZ' : 'en-GB';
  const dt = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' });
  return {
    t: translator(lang),
    money: (c) => esc(formatDzd(c, lang, { arabicDigits: settings.arabicDigits })),
    when: (iso) => esc(dt.format(new Date(iso))),
  };
}

function page(settings: Settings, title: string, body: string, training: boolean): string {
  const lang = settings.language;
  const t = translator(lang);
  return `<!doctype html>
<html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>
  @page { size: ${settings.paperWidthMm}mm auto; margin: 0; }
  body { margin: 0; padding: 3mm; width: ${settings.paperWidthMm}mm; box-sizing: border-box; font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 9.5px; }
  h1 { font-size: 1.3em; text-align: center; margin: 0 0 1mm; } h2 { font-size: 1.1em; margin: 2mm 0 1mm; border-bottom: 1px solid #000; }
  table { width: 100%; border-collapse: collapse; } td, th { padding: 0.3mm 0.5mm; text-align: start; vertical-align: top; }
  td.n, th.n { text-align: end; white-space: nowrap; } .b { font-weight: bold; } .banner { border: 2px solid #000; text-align: center; font-weight: bold; }
</style></head>
<body>
${training ? `<div class="banner">${esc(t('training'))}</div>` : ''}
<h1>${esc(settings.shop.name)}</h1>
<h1>${esc(title)}</h1>
${body}
</body></html>`;
}

function totalsHtml(c: Ctx, tot: SalesTotals): string {
  const { t, money } = c;
  const lines = tot.byProduct
    .map((l) => `<tr><td>${esc(l.productTitle)}<br>${esc(l.typeName)}</td><td class="n">${l.cards}</td><td class="n">${money(l.retailC)}</td><td class="n">${money(l.costC)}</td></tr>`)
    .join('');
  const row = (label: string, value: string, bold = false) => `<tr${bold ? ' class="b"' : ''}><td>${esc(label)}</td><td class="n">${value}</td></tr>`;
  return `<table><thead><tr><th>${esc(t('product'))}</th><th class="n">${esc(t('cards'))}</th><th class="n">${esc(t('retail'))}</th><th class="n">${esc(t('cost'))}</th></tr></thead><tbody>${lines}</tbody></table>
<h2>${esc(t('totals'))}</h2>
<table>
${row(t('salesCount'), String(tot.salesCount))}
${row(t('cardsSold'), String(tot.cardsSold))}
${row(t('retailTotal'), money(tot.retailTotalC), true)}
${row(t('costTotal'), money(tot.costTotalC))}
${row(t('marginTotal'), money(tot.marginC), true)}
${row(`${t('partial')} (${tot.partial.count}) — ${t('givenBack')}`, money(tot.partial.refundDueC))}
${row(`${t('refunded')} (${tot.refunded.count}) — ${t('givenBack')}`, money(tot.refunded.refundDueC))}
${row(`${t('rejected')} (${tot.rejected.count}) — ${t('givenBack')}`, money(tot.rejected.refundDueC))}
${row(`${t('cancelled')} (${tot.cancelled.count}) — ${t('givenBack')}`, money(tot.cancelled.refundDueC))}
${row(`${t('pending')} (${tot.pending.count})`, money(tot.pending.retailC))}
</table>`;
}

function cashHtml(c: Ctx, opening: number, expected: number, counted: number | null): string {
  const { t, money } = c;
  return `<table>
<tr><td>${esc(t('openingCash'))}</td><td class="n">${money(opening)}</td></tr>
<tr class="b"><td>${esc(t('expectedCash'))}</td><td class="n">${money(expected)}</td></tr>
<tr><td>${esc(t('countedCash'))}</td><td class="n">${counted === null ? '—' : money(counted)}</td></tr>
<tr class="b"><td>${esc(t('difference'))}</td><td class="n">${counted === null ? '—' : money(counted - expected)}</td></tr>
</table>`;
}

export function shiftReportHtml(r: ShiftReport, settings: Settings, training: boolean): string {
  const c = ctx(settings);
  const head = `<div>${esc(c.t('opened'))} : ${c.when(r.openedAt)}${r.closedAt ? ` — ${esc(c.t('closed'))} : ${c.when(r.closedAt)}` : ''}</div>`;
  return page(settings, c.t('shiftTitle', { id: r.shiftId, cashier: r.cashierName }), head + totalsHtml(c, r.totals) + cashHtml(c, r.openingCashC, r.expectedCashC, r.countedCashC) + (r.countedBy ? `<p class="b">${esc(c.t('countedBy', { name: r.countedBy.name, counts: r.counts }))}</p>` : ''), training);
}

export function dayReportHtml(r: DayReport, settings: Settings, training: boolean): string {
  const c = ctx(settings);
  const cashiers = r.byCashier.map((x) => `<tr><td>${esc(x.cashier)}</td><td class="n">${x.salesCount}</td><td class="n">${c.money(x.retailTotalC)}</td></tr>`).join('');
  const shifts = r.shifts
    .map((s) => `<tr><td>#${s.shiftId} ${esc(s.cashierName)}</td><td class="n">${c.money(s.expectedCashC)}</td><td class="n">${s.countedCashC === null ? '—' : c.money(s.countedCashC)}</td></tr>`)
    .join('');
  const body = `${totalsHtml(c, r.totals)}
<h2>${esc(c.t('cashier'))}</h2><table>${cashiers || `<tr><td>${esc(c.t('none'))}</td></tr>`}</table>
<h2>${esc(c.t('shifts'))}</h2><table>${shifts || `<tr><td>${esc(c.t('none'))}</td></tr>`}</table>
${cashHtml(c, r.openingCashC, r.expectedCashC, r.countedCashC)}`;
  return page(settings, c.t('dayTitle', { day: r.day }), body, training);
}

export function reconcileReportHtml(r: ReconcileReport, settings: Settings, training: boolean): string {
  const c = ctx(settings);
  const list = (items: string[]) => (items.length ? `<table>${items.join('')}</table>` : `<div>${esc(c.t('none'))}</div>`);
  const body = `
<h2>${esc(c.t('missingInLedger'))} (${r.missingInLedger.length})</h2>
${list(r.missingInLedger.map((o) => `<tr><td>${esc(o.orderId)}</td><td>${esc(o.status)}</td><td class="n">${c.money(o.amountC)}</td><td class="n">${o.adoptedSaleId ? `#${o.adoptedSaleId}` : ''}</td></tr>`))}
<h2>${esc(c.t('missingAtProvider'))} (${r.missingAtProvider.length})</h2>
${list(r.missingAtProvider.map((m) => `<tr><td>#${m.saleId}</td><td>${esc(m.orderId)}</td><td>${esc(m.state)}</td></tr>`))}
<h2>${esc(c.t('amountDifferences'))} (${r.amountDifferences.length})</h2>
${list(r.amountDifferences.map((d) => `<tr><td>#${d.saleId}</td><td class="n">${c.money(d.ledgerC)}</td><td class="n">${c.money(d.providerC)}</td></tr>`))}
<h2>${esc(c.t('totals'))}</h2>
<table><tr><td>${esc(c.t('ledgerCost'))}</td><td class="n">${c.money(r.ledgerCostC)}</td></tr><tr><td>${esc(c.t('providerCharged'))}</td><td class="n">${c.money(r.providerChargedC)}</td></tr>
<tr><td>${esc(c.t('accountNet'))}</td><td class="n">${r.accountNetDebitC === null ? '—' : c.money(r.accountNetDebitC)}</td></tr></table>`;
  return page(settings, c.t('reconcileTitle', { day: r.day }), body, training);
}
