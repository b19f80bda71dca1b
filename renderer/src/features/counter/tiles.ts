/** A stable colour for a product tile, from its title: the same product looks the same every day. */
export function tileHue(title: string): number {
  // FNV-1a: tiny, good spread, deterministic across runs.
  let hash = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) {
    hash ^= title.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 360;
}

/** Dark enough for white text at any hue (contrast ≥ 4.5:1). */
export function tileColour(title: string): string {
  return `hsl(${tileHue(title)} 55% 32%)`;
}

/** First visible letter (or digit) of the title, upper-cased; works for Arabic titles too. */
export function tileInitial(title: string): string {
  const m = /[\p{L}\p{N}]/u.exec(title);
  return m ? m[0].toLocaleUpperCase() : '?';
}

/** Rows to render for a scrolled grid of fixed-height rows (with a few spare rows each side). */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan = 2): { first: number; last: number } {
  if (rowCount <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + Math.max(viewportHeight, rowHeight)) / rowHeight) + overscan);
  return { first, last };
}

/** Grid index after an arrow key; left/right are mirrored in right-to-left layouts. */
export function moveIndex(index: number, key: string, columns: number, count: number, rtl: boolean, pageRows = 4): number | null {
  if (count === 0) return null;
  const cols = Math.max(1, columns);
  let next: number;
  switch (key) {
    case 'ArrowRight':
      next = index + (rtl ? -1 : 1);
      break;
    case 'ArrowLeft':
      next = index + (rtl ? 1 : -1);
      break;
    case 'ArrowDown':
      next = index + cols;
      break;
    case 'ArrowUp':
      next = index - cols;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = count - 1;
      break;
    case 'PageDown':
      next = index + cols * pageRows;
      break;
    case 'PageUp':
      next = index - cols * pageRows;
      break;
    default:
      return null;
  }
  if (key === 'ArrowDown' || key === 'PageDown') return Math.min(next, count - 1);
  if (key === 'ArrowUp' || key === 'PageUp') return Math.max(next, 0);
  return Math.min(Math.max(next, 0), count - 1);
}
