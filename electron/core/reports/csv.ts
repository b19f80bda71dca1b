import type { DayReport, SalesTotals } from '../../../shared/shop';
import { centimesToDzdString } from '../../../shared/money';
import type { SaleRow } from '../ledger/ledger';
import { saleFigures } from '../sales/sale-dto';

/**
 * CSV for spreadsheets: RFC 4180 quoting (commas, quotes, line breaks), CRLF line ends, and a
 * UTF-8 byte-order mark so Excel reads Arabic product and cashier names correctly.
 */
export type Cell = string | number | null;

export function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  // A leading = + - @ would make a spreadsheet evaluate the cell: keep it text.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The sales export: one line a sale with its money as every other surface shows it
 * (sales/money-figures.ts): paid, refund due, handed back (confirmed), still owed, net, and the
 * cards delivered out of those ordered. Amounts in dinars with two decimals, exact.
 */
export const SALES_CSV_HEADER = [
  'vente',
  'date',
  'caissier',
  'produit',
  'valeur',
  'quantite',
  'livrees',
  'etat',
  'prix_unitaire_dzd',
  'paye_dzd',
  'du_dzd',
  'rendu_dzd',
  'a_rendre_dzd',
  'net_dzd',
  'rendu_le',
  'cout_dzd',
  'commande',
  // Top-ups (issue 11): the line, the number, our ref and the provider's.
  'ligne',
  'numero',
  'ref',
  'ref_fournisseur',
];

export function salesCsv(sales: readonly SaleRow[]): string {
  const dzd = centimesToDzdString;
  const rows = sales.map((r) => {
    const m = saleFigures(r);
    return [
      r.id,
      new Date(r.created_at).toISOString(),
      r.cashier,
      r.product_title,
      r.type_name,
      m.ordered,
      m.delivered,
      r.state,
      dzd(r.unit_retail_c),
      dzd(m.paidC),
      dzd(m.refundDueC),
      dzd(m.handedBackC),
      dzd(m.owedC),
      dzd(m.netC),
      r.refund_handed_at === null ? null : new Date(r.refund_handed_at).toISOString(),
      dzd(r.fulfilled_amount_c),
      r.order_id,
      r.line,
      r.recipient,
      r.client_ref,
      r.provider_ref,
    ];
  });
  return toCsv(SALES_CSV_HEADER, rows);
}

/** The day export: one line a product, the day's total, then its refunds (due, handed back, owed). */
/** The day's lines and totals; a shop-wide day adds one CAISSE row per till (issue 12). */
export function dayCsv(totals: SalesTotals, byTill: DayReport['byTill'] = undefined): string {
  const dzd = centimesToDzdString;
  const rows: Cell[][] = totals.byProduct.map((l) => [l.productTitle, l.typeName, l.sales, l.cards, dzd(l.retailC), dzd(l.costC), dzd(l.retailC - l.costC)]);
  rows.push(['TOTAL', '', totals.salesCount, totals.cardsSold, dzd(totals.retailTotalC), dzd(totals.costTotalC), dzd(totals.marginC)]);
  rows.push(['REMBOURSEMENTS_DUS', '', null, null, dzd(totals.refunds.dueC), null, null]);
  rows.push(['REMBOURSEMENTS_RENDUS', '', null, null, dzd(totals.refunds.handedBackC), null, null]);
  rows.push(['REMBOURSEMENTS_A_RENDRE', '', totals.refunds.owedCount, null, dzd(totals.refunds.owedC), null, null]);
  for (const x of byTill ?? []) rows.push(['CAISSE', x.till.name, x.salesCount, x.cardsSold, dzd(x.retailTotalC), dzd(x.costTotalC), dzd(x.marginC)]);
  return toCsv(['produit', 'valeur', 'ventes', 'cartes', 'encaisse_dzd', 'cout_dzd', 'marge_dzd'], rows);
}
