import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain';
import { centimesToDzdString, dzdToCentimes, formatDzd, retailFromCost, sum } from '../../shared/money';
import { createLogger, redactFields } from '../../electron/core/platform/log';
import { SettingsService } from '../../electron/core/settings/settings-service';

describe('money in centimes', () => {
  it('converts provider DZD numbers exactly, including binary-unfriendly fractions', () => {
    expect(dzdToCentimes(496.25)).toBe(49625);
    expect(dzdToCentimes(1326.13)).toBe(132613);
    expect(dzdToCentimes(0.1 + 0.2)).toBe(30);
    expect(() => dzdToCentimes(Number.NaN)).toThrow();
    expect(centimesToDzdString(-5)).toBe('-0.05');
    expect(sum([10, 20, 30])).toBe(60);
  });

  it('adds the markup and rounds the retail price up to whole dinars', () => {
    expect(retailFromCost(49000, 500)).toBe(51500); // 490 × 1.05 = 514.5 → 515 DA
    expect(retailFromCost(49625, 0)).toBe(49700); // 496.25 → 497 DA
    expect(retailFromCost(100000, 500)).toBe(105000); // exact stays exact
    expect(retailFromCost(284325, 350)).toBe(294300); // 2843.25 × 1.035 = 2942.76… → 2943 DA
    expect(() => retailFromCost(1.5, 500)).toThrow();
  });

  it('formats DZD for each language with Intl, Arabic digits on request', () => {
    expect(formatDzd(298600, 'fr')).toMatch(/2\s?986/);
    expect(formatDzd(298600, 'en')).toContain('2,986');
    expect(formatDzd(298650, 'fr')).toMatch(/2\s?986,50/);
    expect(formatDzd(298600, 'ar', { arabicDigits: true })).toMatch(/[٠-٩]/);
    expect(formatDzd(298600, 'ar', { arabicDigits: false })).not.toMatch(/[٠-٩]/);
  });
});

describe('settings', () => {
  it('falls back per field when the file holds a bad value, and validates updates naming the field', () => {
    const backend = {
      store: { language: 'xx', maxQuantityPerSale: 5, shop: { name: 'Cyber Amine', address: '', phone: '', footer: '' } } as Record<string, unknown>,
    };
    const s = new SettingsService(backend);
    expect(s.get().language).toBe(DEFAULT_SETTINGS.language);
    expect(s.get().maxQuantityPerSale).toBe(5);
    expect(s.get().shop.name).toBe('Cyber Amine');
    expect(() => s.update({ maxQuantityPerSale: 0 })).toThrow(/maxQuantityPerSale/);
    expect(s.update({ shop: { phone: '0550 00 00 00' } }).shop).toMatchObject({ name: 'Cyber Amine', phone: '0550 00 00 00' });
    // Tile pictures are small image data: URLs only; nothing a page could run or fetch.
    expect(s.update({ productImages: { p1: 'data:image/png;base64,iVBORw0KGgo=' } }).productImages.p1).toContain('image/png');
    expect(() => s.update({ productImages: { p1: 'data:text/html;base64,PHNjcmlwdD4=' } })).toThrow(/productImages/);
    expect(() => s.update({ productImages: { p1: 'https://evil.example/logo.png' } })).toThrow(/productImages/);
  });
});

describe('logging', () => {
  it('drops every field that could carry a key or a card code', () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l));
    log.info('sale placed', { saleId: 3, apiKey: 'k-123', code: 'ABCD', cardValue: 'X', serial: '9', orderId: 'o1' });
    expect(lines[0]).toContain('"saleId":3');
    expect(lines[0]).not.toMatch(/k-123|ABCD|"X"|"9"/);
    expect(redactFields({ token: 't', note: 'fine' })).toEqual({ note: 'fine' });
  });
});
