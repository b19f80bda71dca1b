import { describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import { bpToPercentText, centimesToInputText, parseDzdToCentimes, parsePercentToBp, parseWholeNumber } from '../../renderer/src/ui/amounts';
import { clampQuantity, maxQuantity, parseQuantityText } from '../../renderer/src/features/counter/quantity';
import { balanceAfter, justFinished, newerSale, secondsSince, undeliveredCount } from '../../renderer/src/features/pending-sales/saleStates';
import { moveIndex, tileColour, tileHue, tileInitial, visibleRows } from '../../renderer/src/features/counter/tiles';
import { formatter, localeTag } from '../../renderer/src/ui/format';
import { saleFixture } from './fixtures/till-data';

describe('quantity bounds', () => {
  it('is bounded by stock or by the per-sale maximum, and says which', () => {
    expect(maxQuantity({ stock: 3, maxPerSale: 10 })).toEqual({ max: 3, bound: 'stock' });
    expect(maxQuantity({ stock: 250, maxPerSale: 10 })).toEqual({ max: 10, bound: 'maxPerSale' });
    expect(maxQuantity({ stock: 1000, maxPerSale: 500 })).toEqual({ max: 100, bound: 'maxPerSale' }); // contract limit
    expect(clampQuantity(99, { stock: 250, maxPerSale: 10 })).toEqual({ quantity: 10, bound: 'maxPerSale' });
    expect(clampQuantity(5, { stock: 3, maxPerSale: 10 })).toEqual({ quantity: 3, bound: 'stock' });
    expect(clampQuantity(2, { stock: 3, maxPerSale: 10 })).toEqual({ quantity: 2, bound: null });
    expect(clampQuantity(0, { stock: 3, maxPerSale: 10 })).toEqual({ quantity: 1, bound: 'min' });
    expect(clampQuantity(Number.NaN, { stock: 3, maxPerSale: 10 })).toEqual({ quantity: 1, bound: null });
    expect(clampQuantity(1, { stock: 0, maxPerSale: 10 })).toEqual({ quantity: 0, bound: 'stock' });
  });

  it('reads ASCII and Arabic-Indic digits', () => {
    expect(parseQuantityText('12')).toBe(12);
    expect(parseQuantityText('١٢')).toBe(12);
    expect(parseQuantityText('۳')).toBe(3);
    expect(parseQuantityText('a')).toBeNaN();
  });
});

describe('amounts typed in the settings (integer-safe)', () => {
  it('parses percentages into basis points without float multiplication', () => {
    expect(parsePercentToBp('5')).toBe(500);
    expect(parsePercentToBp('5,25')).toBe(525);
    expect(parsePercentToBp('5.25')).toBe(525);
    expect(parsePercentToBp('0,5')).toBe(50);
    expect(parsePercentToBp('1.15')).toBe(115); // 1.15 * 100 = 114.99999999999999 in floats
    expect(parsePercentToBp('4.35')).toBe(435); // 4.35 * 100 = 434.99999999999994
    expect(parsePercentToBp('٥٫٢٥')).toBe(525);
    expect(parsePercentToBp('5 %')).toBe(500);
    expect(parsePercentToBp('5,255')).toBeNull();
    expect(parsePercentToBp('-1')).toBeNull();
    expect(parsePercentToBp('abc')).toBeNull();
    expect(parsePercentToBp('')).toBeNull();
  });

  it('formats basis points back for the form', () => {
    expect(bpToPercentText(500)).toBe('5');
    expect(bpToPercentText(525)).toBe('5,25');
    expect(bpToPercentText(510, '.')).toBe('5.1');
    expect(bpToPercentText(505)).toBe('5,05');
    for (const bp of [0, 1, 50, 99, 500, 525, 1234, 100000]) expect(parsePercentToBp(bpToPercentText(bp))).toBe(bp);
  });

  it('parses dinars into centimes', () => {
    expect(parseDzdToCentimes('5000')).toBe(500000);
    expect(parseDzdToCentimes('5 000,50')).toBe(500050);
    expect(parseDzdToCentimes('0.1')).toBe(10);
    expect(parseDzdToCentimes('12,3,4')).toBeNull();
    expect(centimesToInputText(500050)).toBe('5000,50');
    expect(centimesToInputText(500000)).toBe('5000');
    expect(parseWholeNumber('42')).toBe(42);
    expect(parseWholeNumber('4.2')).toBeNull();
  });
});

describe('tiles and grid navigation', () => {
  it('gives each title a stable, readable colour and initial', () => {
    // FNV-1a 32-bit modulo 360, against the published test vectors ('' → 0x811c9dc5,
    // 'a' → 0xe40c292c, 'foobar' → 0xbf9cf968) and values worked out outside this code.
    expect(tileHue('')).toBe(0x811c9dc5 % 360);
    expect(tileHue('a')).toBe(0xe40c292c % 360);
    expect(tileHue('foobar')).toBe(0xbf9cf968 % 360);
    expect(tileHue('PlayStation Network')).toBe(83); // 0x4049dc83 % 360
    expect(tileColour('Netflix')).toBe('hsl(275 55% 32%)'); // 0x19f1580b % 360 = 275
    expect(tileHue('Netflix')).not.toBe(tileHue('Spotify'));
    expect(tileInitial('  free fire')).toBe('F');
    expect(tileInitial('فري فاير')).toBe('ف');
    expect(tileInitial('***')).toBe('?');
  });

  it('renders only the rows in view, plus overscan', () => {
    expect(visibleRows(0, 600, 120, 400, 2)).toEqual({ first: 0, last: 7 });
    expect(visibleRows(12000, 600, 120, 400, 2)).toEqual({ first: 98, last: 107 });
    expect(visibleRows(47900, 600, 120, 400, 2).last).toBe(399);
    expect(visibleRows(0, 600, 120, 0)).toEqual({ first: 0, last: -1 });
  });

  it('moves with arrows, mirrored in RTL, and stays in range', () => {
    expect(moveIndex(0, 'ArrowRight', 5, 20, false)).toBe(1);
    expect(moveIndex(0, 'ArrowRight', 5, 20, true)).toBe(0);
    expect(moveIndex(3, 'ArrowLeft', 5, 20, true)).toBe(4);
    expect(moveIndex(2, 'ArrowDown', 5, 20, false)).toBe(7);
    expect(moveIndex(17, 'ArrowDown', 5, 20, false)).toBe(19);
    expect(moveIndex(2, 'ArrowUp', 5, 20, false)).toBe(0);
    expect(moveIndex(5, 'End', 5, 20, false)).toBe(19);
    expect(moveIndex(5, 'Home', 5, 20, false)).toBe(0);
    expect(moveIndex(0, 'Enter', 5, 20, false)).toBeNull();
  });
});

/** A placed sale of four cards at 105 DA, none delivered yet. */
const sale = (over: Partial<Sale>): Sale => ({
  ...saleFixture({
    state: 'PLACED',
    productId: 'p',
    productTitle: 'P',
    typeId: 't',
    typeName: 'T',
    quantity: 4,
    unitCostC: 100_00,
    unitRetailC: 105_00,
    updatedAt: '2026-01-01T10:00:01.000Z',
  }),
  ...over,
});

describe('sale merging', () => {
  it('never lets an older copy or a pending state overwrite a final one', () => {
    const done = sale({ state: 'FULFILLED', updatedAt: '2026-01-01T10:00:05.000Z' });
    expect(newerSale(done, sale({ state: 'PLACED', updatedAt: '2026-01-01T10:00:09.000Z' }))).toBe(done);
    const placed = sale({ state: 'PLACED', updatedAt: '2026-01-01T10:00:03.000Z' });
    expect(newerSale(placed, sale({ state: 'SENDING', updatedAt: '2026-01-01T10:00:02.000Z' }))).toBe(placed);
    expect(newerSale(placed, done)).toBe(done);
    expect(justFinished(placed, done)).toBe(true);
    expect(justFinished(done, done)).toBe(false);
    expect(justFinished(undefined, done)).toBe(true);
  });

  it('computes what the cashier must know', () => {
    expect(undeliveredCount(sale({ quantity: 4, deliveredQuantity: 2 }))).toBe(2);
    expect(balanceAfter(500_00, 100_25, 3)).toBe(500_00 - 300_75);
    expect(secondsSince('2026-01-01T10:00:00.000Z', Date.parse('2026-01-01T10:00:12.900Z'))).toBe(12);
    expect(secondsSince(null, 0)).toBe(0);
  });
});

describe('formatting', () => {
  it('uses the locale and the Arabic digit choice', () => {
    expect(localeTag('ar', true)).toBe('ar-DZ-u-nu-arab');
    expect(localeTag('ar', false)).toBe('ar-DZ-u-nu-latn');
    expect(localeTag('fr', true)).toBe('fr-DZ');
    expect(formatter('ar', true).int(12)).toBe('١٢');
    expect(formatter('ar', false).int(12)).toBe('12');
    expect(formatter('fr', false).money(298_600)).toMatch(/2\s?986/);
    expect(formatter('fr', false).time('2026-01-01T15:04:05.000Z')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
  });
});
