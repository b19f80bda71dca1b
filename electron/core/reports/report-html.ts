import i18next, { type TFunction } from 'i18next';
import type { Language, Settings } from '../../../shared/domain';
import { reportStrings } from './report-strings';
import type { DayReport, ReconcileReport, SalesTotals, ShiftReport } from '../../../shared/shop';
import { slipFormat, slipGeometry, slipPageCss, type SlipFormat, type SlipGeometry } from '../receipts/slip-format';

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

/** Names keep their own direction: "PSN ١٠ USD" must not turn into "USD ١٠ PSN" on an Arabic report. */
const bdi = (text: string) => `<bdi>${esc(text)}</bdi>`;

interface Ctx {
  t: TFunction;
  fmt: SlipFormat;
  geo: SlipGeometry;
  /** Escaped, ready for the HTML. */
  money: (c: number) => string;
  int: (n: number) => string;
  when: (iso: string) => string;
}

function ctx(settings: Settings): Ctx {
  const fmt = slipFormat(settings);
  return {
    t: translator(settings.language),
    fmt,
    geo: slipGeometry(settings.paperWidthMm),
    money: (c) => esc(fmt.money(c)),
    int: (n) => esc(fmt.int(n)),
    when: (iso) => esc(fmt.dateTime(new Date(iso).getTime())),
  };
}

function page(c: Ctx, settings: Settings, title: string, body: string, training: boolean): string {
  const { t, fmt, geo } = c;
  return `<!doctype html>
<html lang="${fmt.lang}" dir="${fmt.dir}">
<head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>
  ${slipPageCss(geo, 9.5)}
  h1 { font-size: 1.3em; text-align: center; margin: 0 0 1mm; } h2 { font-size: 1.1em; margin: 2mm 0 1mm; border-bottom: 1px solid #000; }
  td, th { padding: 0.3mm 0.5mm; text-align: start; vertical-align: top; }
  td.n, th.n { text-align: end; white-space: nowrap; } .b { font-weight: bold; } .banner { border: 2px solid #000; text-align: center; font-weight: bold; }
  th.item { border-top: 1px dashed #000; padding-top: 0.8mm; }
  .stack > div + div { text-align: end; white-space: nowrap; }
  .verbatim { unicode-bidi: isolate; word-break: break-all; }
</style></head>
<body>
${training ? `<div class="banner">${esc(t('training'))}</div>` : ''}
<h1 dir="auto">${esc(settings.shop.name)}</h1>
<h1>${esc(title)}</h1>
${body}
</body></html>`;
}

/**
 * A list of items with amounts. At 80 mm: one row per item, one column per figure. At 58 mm four
 * columns do not fit in 48 mm (the cost column used to fall off the paper), so each item becomes a
 * heading row followed by one "label — value" row per figure.
 */
function grid(c: Ctx, columns: string[], items: { head: string; cells: string[] }[]): string {
  if (items.length === 0) return `<table><tr><td>${esc(c.t('none'))}</td></tr></table>`;
  const [first, ...figures] = columns;
  if (!c.geo.narrow) {
    const head = `<thead><tr><th>${esc(first ?? '')}</th>${figures.map((f) => `<th class="n">${esc(f)}</th>`).join('')}</tr></thead>`;
    const rows = items.map((i) => `<tr><td>${i.head}</td>${i.cells.map((v) => `<td class="n">${v}</td>`).join('')}</tr>`).join('');
    return `<table>${head}<tbody>${rows}</tbody></table>`;
  }
  const blocks = items
    .map(
      (i) =>
        `<tbody><tr><th colspan="2" class="item" scope="rowgroup">${i.head}</th></tr>${i.cells.map((v, k) => `<tr><td>${esc(figures[k] ?? '')}</td><td class="n">${v}</td></tr>`).join('')}</tbody>`,
    )
    .join('');
  return `<table>${blocks}</table>`;
}

/** A label and its amount; a total (bold) gets its amount on a line of its own at 58 mm. */
function line(c: Ctx, label: string, value: string, total = false): string {
  if (total && c.geo.narrow) return `<tr class="b"><td colspan="2" class="stack"><div>${esc(label)}</div><div>${value}</div></td></tr>`;
  return `<tr${total ? ' class="b"' : ''}><td>${esc(label)}</td><td class="n">${value}</td></tr>`;
}

function totalsHtml(c: Ctx, tot: SalesTotals): string {
  const { t, money, int, fmt } = c;
  const products = grid(
    c,
    [t('product'), t('cards'), t('retail'), t('cost')],
    tot.byProduct.map((l) => ({
      head: `${bdi(fmt.digits(l.productTitle))}<br>${bdi(fmt.digits(l.typeName))}`,
      cells: [int(l.cards), money(l.retailC), money(l.costC)],
    })),
  );
  // One row per product line once the shop sells more than one (gift cards, flexy, internet).
  const byLine =
    tot.byLine.length > 1
      ? grid(
          c,
          [t('productLine'), t('salesCount'), t('retail'), t('cost')],
          tot.byLine.map((l) => ({ head: esc(t(`line_${l.line}`, { defaultValue: l.line })), cells: [int(l.sales), money(l.retailC), money(l.costC)] })),
        )
      : '';
  const givenBack = (label: string, count: number) => `${t(label)} (${fmt.int(count)}) — ${t('givenBack')}`;
  return `${products}
${byLine}
<h2>${esc(t('totals'))}</h2>
<table>
${line(c, t('salesCount'), int(tot.salesCount))}
${line(c, t('cardsSold'), int(tot.cardsSold))}
${line(c, t('retailTotal'), money(tot.retailTotalC), true)}
${line(c, t('costTotal'), money(tot.costTotalC))}
${line(c, t('marginTotal'), money(tot.marginC), true)}
${line(c, givenBack('partial', tot.partial.count), money(tot.partial.refundDueC))}
${line(c, givenBack('refunded', tot.refunded.count), money(tot.refunded.refundDueC))}
${line(c, givenBack('rejected', tot.rejected.count), money(tot.rejected.refundDueC))}
${line(c, givenBack('cancelled', tot.cancelled.count), money(tot.cancelled.refundDueC))}
${line(c, `${t('pending')} (${fmt.int(tot.pending.count)})`, money(tot.pending.retailC))}
${line(c, t('refundsHandedBack'), money(tot.refunds.handedBackC))}
${line(c, `${t('refundsOwed')} (${fmt.int(tot.refunds.owedCount)})`, money(tot.refunds.owedC), tot.refunds.owedC > 0)}
</table>`;
}

function cashHtml(c: Ctx, opening: number, expected: number, counted: number | null): string {
  const { t, money } = c;
  return `<table>
${line(c, t('openingCash'), money(opening))}
${line(c, t('expectedCash'), money(expected), true)}
${line(c, t('countedCash'), counted === null ? '—' : money(counted))}
${line(c, t('difference'), counted === null ? '—' : money(counted - expected), true)}
</table>`;
}

export function shiftReportHtml(r: ShiftReport, settings: Settings, training: boolean): string {
  const c = ctx(settings);
  const { t, fmt } = c;
  const closed = r.closedAt ? ` — ${esc(fmt.label(t('closed')))} ${c.when(r.closedAt)}` : '';
  const head = `<div>${esc(fmt.label(t('opened')))} ${c.when(r.openedAt)}${closed}</div>`;
  const title = t('shiftTitle', { id: fmt.int(r.shiftId), cashier: r.cashierName });
  return page(
    c,
    settings,
    title,
    head +
      totalsHtml(c, r.totals) +
      cashHtml(c, r.openingCashC, r.expectedCashC, r.countedCashC) +
      (r.countedBy ? `<p class="b">${esc(t('countedBy', { name: r.countedBy.name, counts: fmt.int(r.counts) }))}</p>` : ''),
    training,
  );
}

/** A shop-wide report (issue 12) says whose it is under its title: the whole shop, or one till of it. */
function scopeLine(c: Ctx, r: { scope?: 'till' | 'shop'; till?: { name: string } }): string {
  if (r.scope !== 'shop') return '';
  return `<p class="b" dir="auto">${esc(r.till ? c.t('oneTill', { name: r.till.name }) : c.t('wholeShop'))}</p>`;
}

/** A row's till, after its own name, in a shop-wide report. */
const ofTill = (till: { name: string } | undefined) => (till ? ` · ${bdi(till.name)}` : '');

export function dayReportHtml(r: DayReport, settings: Settings, training: boolean): string {
  const c = ctx(settings);
  const { t, fmt } = c;
  const cashiers = grid(
    c,
    [t('cashier'), t('sales'), t('retail')],
    r.byCashier.map((x) => ({ head: bdi(x.cashier) + ofTill(x.till), cells: [c.int(x.salesCount), c.money(x.retailTotalC)] })),
  );
  const shifts = grid(
    c,
    [t('shifts'), t('expectedCash'), t('countedCash')],
    r.shifts.map((s) => ({
      head: `#${c.int(s.shiftId)} ${bdi(s.cashierName)}${ofTill(s.till)}`,
      cells: [c.money(s.expectedCashC), s.countedCashC === null ? '—' : c.money(s.countedCashC)],
    })),
  );
  const byTill = r.byTill
    ? `<h2>${esc(t('byTill'))}</h2>${grid(
        c,
        [t('till'), t('sales'), t('retail'), t('margin')],
        r.byTill.map((x) => ({ head: bdi(x.till.name), cells: [c.int(x.salesCount), c.money(x.retailTotalC), c.money(x.marginC)] })),
      )}`
    : '';
  const body = `${scopeLine(c, r)}${totalsHtml(c, r.totals)}${byTill}
<h2>${esc(t('cashier'))}</h2>${cashiers}
<h2>${esc(t('shifts'))}</h2>${shifts}
${cashHtml(c, r.openingCashC, r.expectedCashC, r.countedCashC)}`;
  return page(c, settings, t('dayTitle', { day: fmt.digits(r.day) }), body, training);
}

export function reconcileReportHtml(r: ReconcileReport, settings: Settings, training: boolean): string {
  const c = ctx(settings);
  const { t, fmt, int } = c;
  // Order ids are the provider's references, looked up as written: printed verbatim and breakable anywhere.
  const orderId = (id: string) => `<span class="verbatim" dir="ltr" translate="no">${esc(id)}</span>`;
  const heading = (key: string, n: number) => `<h2>${esc(t(key))} (${int(n)})</h2>`;
  const list = (items: string[]) => (items.length ? `<table>${items.join('')}</table>` : `<div>${esc(t('none'))}</div>`);
  const body = `${scopeLine(c, r)}
${heading(r.scope === 'shop' ? 'missingInShop' : 'missingInLedger', r.missingInLedger.length)}
${list(r.missingInLedger.map((o) => `<tr><td>${orderId(o.orderId)}</td><td>${esc(o.status)}</td><td class="n">${c.money(o.amountC)}</td><td class="n">${o.adoptedSaleId ? `#${int(o.adoptedSaleId)}` : ''}</td></tr>`))}
${heading('missingAtProvider', r.missingAtProvider.length)}
${list(r.missingAtProvider.map((m) => `<tr><td>#${int(m.saleId)}${ofTill(m.till)}</td><td>${orderId(m.orderId)}</td><td>${esc(m.state)}</td></tr>`))}
${heading('amountDifferences', r.amountDifferences.length)}
${list(r.amountDifferences.map((d) => `<tr><td>#${int(d.saleId)}${ofTill(d.till)}</td><td class="n">${c.money(d.ledgerC)}</td><td class="n">${c.money(d.providerC)}</td></tr>`))}
<h2>${esc(t('totals'))}</h2>
<table>
${line(c, t('ledgerCost'), c.money(r.ledgerCostC))}
${line(c, t('providerCharged'), c.money(r.providerChargedC))}
${line(c, t('accountNet'), r.accountNetDebitC === null ? '—' : c.money(r.accountNetDebitC))}
</table>`;
  return page(c, settings, t('reconcileTitle', { day: fmt.digits(r.day) }), body, training);
}
