import { AppError } from '../../../shared/result';
import type { ProductLine } from './product-line';

/** The line of every sale written before product lines existed (the ledger's column default). */
export const DEFAULT_LINE = 'gift-cards';

/**
 * The product lines this till sells, built once by create-core and handed to whoever needs a
 * line's behaviour: the only way the rest of the core reaches a line.
 */
export class ProductLines {
  private readonly byId = new Map<string, ProductLine>();

  constructor(lines: readonly ProductLine[]) {
    for (const line of lines) {
      if (this.byId.has(line.id)) throw new Error(`product line ${line.id} registered twice`);
      this.byId.set(line.id, line);
    }
    if (!this.byId.has(DEFAULT_LINE)) throw new Error(`the ${DEFAULT_LINE} product line is required`);
  }

  /** The line of a sale; a sale of a line this till no longer has cannot be driven. */
  get(id: string | null | undefined): ProductLine {
    const line = this.byId.get(id ?? DEFAULT_LINE);
    if (!line) throw new AppError('NOT_FOUND', `Unknown product line ${id}`, { field: 'line' });
    return line;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all(): ProductLine[] {
    return [...this.byId.values()];
  }
}
