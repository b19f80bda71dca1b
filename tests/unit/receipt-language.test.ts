import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Language, type SaleState, type Settings } from '../../shared/domain';
import { receiptStrings } from '../../electron/core/receipts/receipt-strings';
import type { ShiftReport } from '../../shared/shop';
import { renderReceiptHtml, type ReceiptData } from '../../electron/core/receipts/receipt-html';
import { giftCardLine } from '../../electron/core/product-lines/gift-cards/gift-card-line';
import { dayReportHtml, shiftReportHtml } from '../../electron/core/reports/report-html';
import { totalsFixture } from './fixtures/till-data';

/**
 * What a customer reads on a receipt in each language: the thank-you line in that language, the
 * language's colon style, no doubled full stop after "د.ج.", and one digit system per slip.
 */

const LANGS: Language[] = ['fr', 'ar', 'en'];
const CODE = 'AB12-CD34-EF56';
const SERIAL = 'SN-0042-77';

function settings(patch: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, address: 'Rue Didouche Mourad 12', phone: '0550 12 34 56' }, ...patch };
}

function sale(state: SaleState, patch: Partial<ReceiptData> = {}): ReceiptData {
  const delivered = state === 'FULFILLED' ? 3 : state === 'PARTIALLY_FILLED' ? 2 : 0;
  return {
    saleId: 1234,
    state,
    mode: 'production',
    createdAt: Date.UTC(2025, 4, 12, 9, 5),
    cashier: 'Amina',
    productId: 'psn',
    productTitle: 'PlayStation Network',
    typeName: 'PSN 10 USD',
    quantity: 3,
    unitRetailC: 312_050,
    deliveredQuantity: delivered,
    refundDueC: (3 - delivered) * 312_050,
    reason: state === 'REJECTED' ? 'Stock épuisé' : null,
    cards: Array.from({ length: delivered }, (_, i) => ({ value: `${CODE}-${i}`, serial: `${SERIAL}${i}` })),
    line: giftCardLine,
    ...patch,
  };
}

const STATES: SaleState[] = ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'CANCELLED', 'QUEUED'];

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The printed words of a slip, without the codes and serials (which stay as the provider wrote them). */
function printedText(html: string, { keepCodes = false } = {}): string {
  let body = html.replace(/<head>[\s\S]*?<\/head>/, '');
  if (!keepCodes) body = body.replace(/<(div|span)[^>]*class="(code|serial|verbatim)"[^>]*>[^<]*<\/\1>/g, ' ');
  return body.replace(/<[^>]+>/g, ' ').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] as string);
}

const westernDigit = /[0-9]/;
const arabicIndicDigit = /[\u0660-\u0669\u06f0-\u06f9]/;

describe('receipt footer', () => {
  it.each(LANGS)('prints the default thank-you line in %s when the owner kept the shipped one', async (language) => {
    const html = await renderReceiptHtml(sale('FULFILLED'), settings({ language }));
    expect(printedText(html)).toContain(receiptStrings[language].footer);
    if (language !== 'fr') expect(html).not.toContain('Merci');
  });

  it.each(LANGS)("prints the owner's own footer as written in %s", async (language) => {
    const own = 'Ouvert 7j/7 — à bientôt';
    const html = await renderReceiptHtml(sale('FULFILLED'), settings({ language, shop: { ...DEFAULT_SETTINGS.shop, footer: own } }));
    expect(printedText(html)).toContain(own);
    expect(html).not.toContain(receiptStrings[language].footer);
  });

  it('prints no footer when the owner emptied it', async () => {
    const html = await renderReceiptHtml(sale('FULFILLED'), settings({ language: 'en', shop: { ...DEFAULT_SETTINGS.shop, footer: '' } }));
    expect(html).not.toContain(receiptStrings.en.footer);
    expect(html).not.toContain('Merci');
  });
});

describe('receipt punctuation', () => {
  it.each(STATES)('French puts a narrow no-break space before every colon (%s)', async (state) => {
    const text = printedText(await renderReceiptHtml(sale(state), settings({ language: 'fr' })));
    expect(text).toContain('\u202f:');
    // Times (09:05) keep their colon; every other colon has its narrow no-break space.
    expect(text.replace(/\d:\d/g, '')).not.toMatch(/[^\u202f]:/);
  });

  it.each(['ar', 'en'] as const)('%s writes "Label: value" with no space before a colon', async (language) => {
    for (const state of STATES) {
      const text = printedText(await renderReceiptHtml(sale(state), settings({ language })));
      expect(text, state).toMatch(/\S:/);
      expect(text, state).not.toMatch(/[\s\u00a0\u202f]:/);
    }
  });

  it.each(LANGS.flatMap((language) => [false, true].map((arabicDigits) => [language, arabicDigits] as const)))(
    'no sentence ends in a doubled full stop (%s, Arabic digits %s)',
    async (language, arabicDigits) => {
      for (const state of STATES) {
        const text = printedText(await renderReceiptHtml(sale(state), settings({ language, arabicDigits })));
        expect(text.replace(/[\u200e\u200f\u061c]/g, ''), state).not.toMatch(/\.\s*\./);
      }
    },
  );

  it('the Arabic refund slip ends its amount with the currency abbreviation, once', async () => {
    const text = printedText(await renderReceiptHtml(sale('REFUNDED'), settings({ language: 'ar' })));
    expect(text).toMatch(/د\.ج\.[\u200e\u200f\u061c]*(?!\.)/);
    expect(text.replace(/[\u200e\u200f\u061c]/g, '')).not.toContain('د.ج..');
  });
});

describe('one digit system per receipt', () => {
  it.each(STATES)('Arabic digits on: every number is Arabic-Indic, codes and serials stay as written (%s)', async (state) => {
    const html = await renderReceiptHtml(sale(state), settings({ language: 'ar', arabicDigits: true }), {
      reprint: { n: 12, at: Date.UTC(2025, 4, 13, 18, 40) },
    });
    const text = printedText(html);
    expect(text).not.toMatch(westernDigit);
    expect(text).toMatch(arabicIndicDigit);
    expect(text).toContain('١٢٣٤'); // sale number
    expect(text).toContain('PSN ١٠ USD');
    expect(text).toContain('٠٥٥٠ ١٢ ٣٤ ٥٦'); // the shop's phone
    expect(html.match(/<title>([^<]*)<\/title>/)?.[1]).not.toMatch(westernDigit);
    for (const card of sale(state).cards) {
      expect(html).toContain(`>${card.value}<`);
      expect(html).toContain(`>${card.serial}<`);
    }
    if (state === 'FULFILLED') expect(text).toContain('بطاقة ١/٣');
  });

  it.each(LANGS)('Arabic digits off (%s): not one Arabic-Indic digit', async (language) => {
    for (const state of STATES) {
      const text = printedText(
        await renderReceiptHtml(sale(state), settings({ language, arabicDigits: false }), { reprint: { n: 2, at: Date.UTC(2025, 4, 13) } }),
        { keepCodes: true },
      );
      expect(text, state).not.toMatch(arabicIndicDigit);
      expect(text, state).toMatch(westernDigit);
    }
  });

  it('a French or English receipt keeps 0-9 even with the Arabic digits switch on', async () => {
    for (const language of ['fr', 'en'] as const) {
      const text = printedText(await renderReceiptHtml(sale('PARTIALLY_FILLED'), settings({ language, arabicDigits: true })));
      expect(text).not.toMatch(arabicIndicDigit);
    }
  });
});

const shift: ShiftReport = {
  shiftId: 17,
  cashierId: 2,
  cashierName: 'Amina',
  openedAt: new Date(Date.UTC(2025, 4, 12, 8, 0)).toISOString(),
  closedAt: new Date(Date.UTC(2025, 4, 12, 16, 30)).toISOString(),
  openingCashC: 500_000,
  countedCashC: 1_336_150,
  expectedCashC: 1_436_150,
  differenceC: -100_000,
  countedBy: { id: 2, name: 'Amina' },
  counts: 1,
  closedBy: { id: 2, name: 'Amina' },
  // Three sales, one of them partly filled (its undelivered card handed back); nothing refunded, refused, cancelled or pending.
  totals: totalsFixture({
    salesCount: 3,
    cardsSold: 4,
    retailTotalC: 936_150,
    costTotalC: 891_600,
    marginC: 44_550,
    partial: { count: 1, refundDueC: 312_050, deliveredRetailC: 624_100 },
    refunds: { dueC: 312_050, handedBackC: 312_050, owedC: 0, owedCount: 0 },
    byProduct: [
      { productId: 'psn', productTitle: 'PlayStation Network', typeId: 'psn-10', typeName: 'PSN 10 USD', sales: 2, cards: 3, retailC: 936_150, costC: 891_600 },
    ],
  }),
};

describe('printed reports', () => {
  it('an Arabic shift report with Arabic digits has no Western digit; without them, no Arabic-Indic one', () => {
    const on = printedText(shiftReportHtml(shift, settings({ language: 'ar', arabicDigits: true }), false));
    expect(on).not.toMatch(westernDigit);
    expect(on).toContain('١٧');
    const off = printedText(shiftReportHtml(shift, settings({ language: 'ar', arabicDigits: false }), false));
    expect(off).not.toMatch(arabicIndicDigit);
  });

  it('follows each language colon style on the opening and closing times', () => {
    expect(printedText(shiftReportHtml(shift, settings({ language: 'fr' }), false))).toMatch(/Ouverte\u202f: /);
    expect(printedText(shiftReportHtml(shift, settings({ language: 'en' }), false))).toMatch(/Opened: /);
    expect(printedText(shiftReportHtml(shift, settings({ language: 'ar' }), false))).not.toMatch(/\s:/);
  });

  it('at 58 mm the product table becomes label/value rows and totals stand on their own line; at 80 mm it keeps its columns', () => {
    const narrow = shiftReportHtml(shift, settings({ paperWidthMm: 58 }), false);
    expect(narrow).not.toContain('<thead>');
    expect(narrow).toMatch(/<tr><td>Coût<\/td><td class="n">8\s916\sDA<\/td><\/tr>/);
    expect(narrow).toMatch(/class="stack"><div>Espèces attendues<\/div><div>/);
    const wide = shiftReportHtml(shift, settings({ paperWidthMm: 80 }), false);
    expect(wide).toContain('<th class="n">Coût</th>');
    expect(wide).not.toContain('class="stack"');
  });

  it('lays every slip out to the printable width: 48 mm of 58, 72 mm of 80', async () => {
    for (const [paperWidthMm, side] of [
      [58, 5],
      [80, 4],
    ] as const) {
      const s = settings({ paperWidthMm });
      for (const html of [
        await renderReceiptHtml(sale('FULFILLED'), s),
        shiftReportHtml(shift, s, false),
        dayReportHtml(
          { day: '2025-05-12', totals: shift.totals, byCashier: [], shifts: [shift], openingCashC: 0, expectedCashC: 0, countedCashC: null },
          s,
          false,
        ),
      ]) {
        expect(html).toContain(`width: ${paperWidthMm}mm; padding: 3mm ${side}mm;`);
      }
    }
  });
});
