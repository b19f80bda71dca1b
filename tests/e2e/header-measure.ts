import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Where the tests leave screenshots for a person to review (not compared by any test). */
export const SCREENS_DIR = path.join(process.cwd(), '.reports', 'screens');

export interface HeaderLayout {
  header: { top: number; height: number };
  row: { top: number; bottom: number; left: number; right: number; scrollWidth: number; clientWidth: number };
  items: { label: string; top: number; bottom: number; left: number; right: number; middle: number; width: number }[];
  /** Texts of the bar cut short (ellipsis) or squeezed: what the cashier could no longer read. */
  truncated: string[];
}

/** The header bar's box and the box of each of its visible parts, read from the page's layout. */
export async function headerLayout(page: Page): Promise<HeaderLayout> {
  return page.getByRole('banner').evaluate((header) => {
    const row = header.querySelector('[data-testid="header-row"]') as HTMLElement;
    const h = header.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    const truncated = Array.from(row.querySelectorAll<HTMLElement>('*'))
      .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden') && el.scrollWidth > el.clientWidth + 1)
      .map((el) => (el.textContent ?? '').trim());
    const items = Array.from(row.children)
      .map((el) => ({ el: el as HTMLElement, b: el.getBoundingClientRect() }))
      .filter(({ el }) => getComputedStyle(el).display !== 'none')
      .map(({ el, b }) => ({
        width: b.width,
        label: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
        top: b.top,
        bottom: b.bottom,
        left: b.left,
        right: b.right,
        middle: (b.top + b.bottom) / 2,
      }));
    return {
      header: { top: h.top, height: h.height },
      row: { top: r.top, bottom: r.bottom, left: r.left, right: r.right, scrollWidth: row.scrollWidth, clientWidth: row.clientWidth },
      items,
      truncated,
    };
  });
}

/**
 * One row of at most 64 px: every part of the bar sits inside it, side by side (no two overlap,
 * none pushed past an edge), on the same middle line. A wrapped part would sit below the others.
 */
export async function expectOneRowHeader(page: Page, context: string): Promise<void> {
  await expectHeader(page, context, 1);
}

/**
 * Below 900 px (a tablet held upright) the bar may take two rows of 64 px, but nothing in it is
 * cut short or squeezed, and it never takes a third.
 */
export async function expectTwoRowsAtMost(page: Page, context: string): Promise<void> {
  await expectHeader(page, context, 2);
}

async function expectHeader(page: Page, context: string, rows: 1 | 2): Promise<void> {
  const { header, row, items, truncated } = await headerLayout(page);
  const where = `${context}: ${JSON.stringify(items.map((i) => [i.label, Math.round(i.left), Math.round(i.top)]))}`;
  expect(header.height, `header height, ${where}`).toBeLessThanOrEqual(64 * rows);
  expect(row.scrollWidth, `nothing pushed out of the row, ${where}`).toBeLessThanOrEqual(row.clientWidth + 1);
  expect(items.length, where).toBeGreaterThanOrEqual(4);
  // Fitting by squeezing does not count: every part keeps its width and no text is cut short.
  expect(truncated, `texts cut short, ${where}`).toEqual([]);
  for (const item of items) expect(item.width, `${item.label} keeps its width, ${where}`).toBeGreaterThanOrEqual(24);
  const sorted = [...items].sort((a, b) => a.left - b.left);
  for (const [i, item] of sorted.entries()) {
    expect(item.top, `${item.label} inside the row, ${where}`).toBeGreaterThanOrEqual(row.top - 1);
    expect(item.bottom, `${item.label} inside the row, ${where}`).toBeLessThanOrEqual(row.bottom + 1);
    expect(item.left, `${item.label} inside the row, ${where}`).toBeGreaterThanOrEqual(row.left - 1);
    expect(item.right, `${item.label} inside the row, ${where}`).toBeLessThanOrEqual(row.right + 1);
    if (rows === 2) continue;
    expect(Math.abs(item.middle - sorted[0]!.middle), `${item.label} on the same line, ${where}`).toBeLessThanOrEqual(3);
    if (i > 0) expect(item.left, `${item.label} beside ${sorted[i - 1]!.label}, ${where}`).toBeGreaterThanOrEqual(sorted[i - 1]!.right - 1);
  }
}
