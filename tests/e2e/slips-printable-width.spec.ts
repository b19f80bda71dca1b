import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatDzd } from '../../shared/money';
import { expect, simSetBalance, test, tillCall, type Till } from './fixtures';

/**
 * A thermal head prints about 48 mm of a 58 mm roll and 72 mm of an 80 mm one. The till's own
 * slips (the HTML the core returns for `sales:receipt` and `reports:html`) are printed to PDF at
 * the paper width, read back word by word with `pdftotext -bbox`, and every word must lie inside
 * the printable band: nothing in the margins the head cannot reach, nothing cut off.
 */

const PRINTABLE_MM = { 58: 48, 80: 72 } as const;
const PT_PER_MM = 72 / 25.4;
/** Glyph boxes come from font metrics: allow a fraction of a millimetre. */
const TOLERANCE_MM = 0.5;

type Paper = keyof typeof PRINTABLE_MM;

interface Word {
  text: string;
  xMin: number;
  xMax: number;
}

async function call<T = any>(till: Till, name: string, input: unknown): Promise<T> {
  const res = await tillCall(till.url, name, input);
  expect(res.error, `${name}: ${res.error?.message}`).toBeUndefined();
  return res.value as T;
}

/** Sells through the contract, as the counter screen does, and waits for the provider's answer. */
async function sell(till: Till, productTitle: string, typeName: string, quantity: number): Promise<{ id: number; state: string }> {
  const catalog = await call(till, 'catalog:list', {});
  const product = catalog.products.find((p: { title: string }) => p.title === productTitle);
  expect(product, productTitle).toBeTruthy();
  const detail = await call(till, 'catalog:product', { productId: product.id });
  const d = detail.denominations.find((x: { name: string; typeId: string }) => x.name === typeName || x.typeId === typeName);
  expect(d, typeName).toBeTruthy();
  const sale = await call(till, 'sales:confirm', { productId: product.id, typeId: d.typeId, quantity, expectedUnitRetailC: d.retailC });
  let last = sale;
  await expect
    .poll(async () => {
      last = await call(till, 'sales:get', { saleId: sale.id });
      return last.state;
    })
    .toMatch(/^(FULFILLED|PARTIALLY_FILLED|REFUNDED)$/);
  return last;
}

/** Prints `html` to a PDF `paper` mm wide and exactly as tall as its content (design.md §6), then reads every word's box. */
async function printedWords(page: Page, html: string, paper: Paper): Promise<{ words: Word[]; pageWidthPt: number; text: string }> {
  const printer = await page.context().newPage();
  await printer.setContent(html);
  const heightPx = await printer.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slip-'));
  const file = path.join(dir, 'slip.pdf');
  await printer.pdf({
    path: file,
    width: `${paper}mm`,
    height: `${heightPx + 4}px`,
    printBackground: true,
    margin: { top: '0', bottom: '0', left: '0', right: '0' },
  });
  await printer.close();
  try {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBe(1);
    const xhtml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const pageWidthPt = Number(/<page width="([\d.]+)"/.exec(xhtml)?.[1]);
    const words = [...xhtml.matchAll(/<word xMin="([\d.-]+)" yMin="[\d.-]+" xMax="([\d.-]+)" yMax="[\d.-]+">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      xMax: Number(m[2]),
      text: m[3]!
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    }));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return { words, pageWidthPt, text };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every word inside [margin, paper − margin], the margin being half of what the head cannot reach. */
function expectInsidePrintable(label: string, words: Word[], pageWidthPt: number, paper: Paper): void {
  expect(words.length, `${label}: no words read back`).toBeGreaterThan(10);
  expect(pageWidthPt / PT_PER_MM).toBeCloseTo(paper, 0);
  const marginMm = (paper - PRINTABLE_MM[paper]) / 2 - TOLERANCE_MM;
  const left = marginMm * PT_PER_MM;
  const right = (paper - marginMm) * PT_PER_MM;
  const outside = words
    .filter((w) => w.xMin < left || w.xMax > right)
    .map((w) => `"${w.text}" at ${(w.xMin / PT_PER_MM).toFixed(1)}–${(w.xMax / PT_PER_MM).toFixed(1)} mm`);
  // Soft: one run names every slip that overflows, not just the first.
  expect.soft(outside, `${label}: words outside ${marginMm.toFixed(1)}–${(paper - marginMm).toFixed(1)} mm`).toEqual([]);
}

/** The amounts must all be there too: a column pushed past the paper's edge is not read back at all. */
function expectAmounts(label: string, text: string, amountsC: number[], lang: 'fr' | 'ar', arabicDigits: boolean): void {
  const flat = text.replace(/[\s\u200e\u200f\u061c]/g, '');
  for (const c of amountsC) {
    const shown = formatDzd(c, lang, { arabicDigits }).replace(/[\s\u200e\u200f\u061c]/g, '');
    // pdftotext may give an RTL amount's number and currency in either order: the number must be there.
    const number = lang === 'ar' ? shown.replace(/د\.ج\./, '') : shown;
    expect.soft(flat, `${label}: ${shown}`).toContain(number);
  }
}

function localDay(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('receipts and shift and day reports stay inside the printable width at 58 and 80 mm, in French and Arabic', async ({ till }) => {
  test.setTimeout(120_000);
  const { page } = till;
  // Large amounts make the widest columns: a shop selling a morning's worth of cards.
  await simSetBalance(till, 2_000_000);
  await call(till, 'account:balance', { refresh: true });
  if (!(await call(till, 'shift:current', {}))) await call(till, 'shift:open', { openingCashC: 1_250_000 });
  const cards = await sell(till, 'PlayStation Network', 'PSN 10 USD', 2);
  expect(cards.state).toBe('FULFILLED');
  await sell(till, 'App Store & iTunes US', 'iTunes 100 USD', 9);
  const partial = await sell(till, 'Cartes de test', 'TEST_PARTIAL', 4);
  expect(partial.state).toBe('PARTIALLY_FILLED');
  const { shiftId } = await call(till, 'shift:current', {});
  // The figures the reports must print, from the owner's day report (the counter's view of a shift is blind).
  const shift = (await call(till, 'reports:day', { day: localDay() })).shifts.find((s: { shiftId: number }) => s.shiftId === shiftId);
  expect(shift.totals.byProduct.length).toBeGreaterThanOrEqual(3);

  for (const [language, arabicDigits] of [
    ['fr', false],
    ['ar', true],
  ] as const) {
    for (const paper of [58, 80] as const) {
      await call(till, 'settings:update', { language, arabicDigits, paperWidthMm: paper });
      const label = `${language} ${paper} mm`;

      for (const saleId of [cards.id, partial.id]) {
        const receipt = await call(till, 'sales:receipt', { saleId });
        expect(receipt.paperWidthMm).toBe(paper);
        const { words, pageWidthPt } = await printedWords(page, receipt.html, paper);
        expectInsidePrintable(`${label} receipt ${saleId}`, words, pageWidthPt, paper);
      }

      const shiftHtml = (await call(till, 'reports:html', { kind: 'shift', shiftId })).html;
      const shiftPdf = await printedWords(page, shiftHtml, paper);
      expectInsidePrintable(`${label} shift report`, shiftPdf.words, shiftPdf.pageWidthPt, paper);
      const lines = shift.totals.byProduct as { retailC: number; costC: number }[];
      expectAmounts(
        `${label} shift report`,
        shiftPdf.text,
        [...lines.flatMap((l) => [l.retailC, l.costC]), shift.totals.retailTotalC, shift.totals.costTotalC, shift.expectedCashC],
        language,
        arabicDigits,
      );

      const dayHtml = (await call(till, 'reports:html', { kind: 'day', day: localDay() })).html;
      const dayPdf = await printedWords(page, dayHtml, paper);
      expectInsidePrintable(`${label} day report`, dayPdf.words, dayPdf.pageWidthPt, paper);
    }
  }
});
