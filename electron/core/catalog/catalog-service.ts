import { createHash } from 'node:crypto';
import { z } from 'zod';
import { catalogSchema, type Catalog, type ProductDetail } from '../../../shared/domain';
import { retailFromCost } from '../../../shared/money';
import { faceRetail } from '../../../shared/top-up-price';
import type { OneClickDzClient } from '../provider/client';
import type { LineProduct } from '../product-lines/product-line';
import { ApiError } from '../provider/errors';
import type { Ledger } from '../ledger/ledger';
import { DEFAULT_LINE, type ProductLines } from '../product-lines/registry';

const CATALOG_KEY = (line: string) => (line === DEFAULT_LINE ? 'catalog' : `catalog:${line}`);
/** Gift-card products keep the key they had before product lines existed, so a till's cache survives the upgrade. */
const PRODUCT_KEY = (id: string, line: string) => (line === DEFAULT_LINE ? `product:${id}` : `product:${line}:${id}`);
/** The provider asks clients to cache the catalog for at least a day. */
const CATALOG_TTL_MS = 24 * 60 * 60 * 1000;

const cachedProductSchema = z.object({
  productId: z.string(),
  title: z.string(),
  checkedAt: z.string(),
  types: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      costC: z.number().int(),
      stock: z.number().int(),
      faceC: z.number().int().optional(),
      range: z.object({ minC: z.number().int(), maxC: z.number().int(), costPpm: z.number().int().nullable() }).optional(),
      enabled: z.boolean().optional(),
      kind: z.string().optional(),
    }),
  ),
});
type CachedProduct = z.infer<typeof cachedProductSchema>;

/**
 * A top-up plan at face value plus the owner's fee. A plan whose amount the customer chooses shows
 * the price of its smallest amount; the counter prices the amount typed the same way (faceRetail).
 */
function facePriced(t: CachedProduct['types'][number], feeC: number): ProductDetail['denominations'][number] {
  const faceC = t.range ? t.range.minC : (t.faceC ?? t.costC);
  return {
    typeId: t.id,
    name: t.name,
    costC: t.costC,
    retailC: faceRetail(faceC, feeC),
    stock: t.stock,
    faceC,
    feeC,
    amountRange: t.range ? { minC: t.range.minC, maxC: t.range.maxC } : null,
    costPpm: t.range ? t.range.costPpm : null,
    enabled: t.enabled ?? true,
    ...(t.kind ? { kind: t.kind } : {}),
  };
}

const categoryId = (title: string) => createHash('sha256').update(title).digest('hex').slice(0, 12);

/**
 * Catalog and live product checks. The catalog is kept in the ledger's key-value table so the grid
 * appears instantly and stays browsable offline; the last live check of each product is kept too,
 * so a sale can still be queued with known prices while the provider is unreachable.
 */
export class CatalogService {
  constructor(
    private readonly ledger: Ledger,
    private readonly client: () => OneClickDzClient,
    private readonly now: () => number = Date.now,
    /** Where each line's products and prices come from; the grid's catalogue is the gift cards'. */
    private readonly lines: ProductLines,
  ) {}

  async list(refresh: boolean, line = DEFAULT_LINE): Promise<Catalog> {
    const cached = this.readCached(line);
    const fresh = cached && this.now() - Date.parse(cached.fetchedAt) < CATALOG_TTL_MS;
    if (cached && fresh && !refresh) return cached;
    try {
      const api = await this.lines.get(line).catalog(this.client());
      const products: Catalog['products'] = [];
      const categories = api.categories.map((c) => {
        const id = categoryId(c.title);
        for (const p of c.products) products.push({ id: p.id, title: p.title, enabled: p.enabled, region: p.region, categoryId: id });
        return { id, title: c.title, productIds: c.products.map((p) => p.id) };
      });
      const catalog: Catalog = { categories, products, fetchedAt: new Date(this.now()).toISOString(), stale: false };
      this.ledger.kvSet(CATALOG_KEY(line), JSON.stringify(catalog));
      return catalog;
    } catch (e) {
      if (cached && e instanceof ApiError && e.kind !== 'auth') return { ...cached, stale: true };
      throw e;
    }
  }

  productTitle(productId: string): string | null {
    return this.readCached()?.products.find((p) => p.id === productId)?.title ?? null;
  }

  /** Enabled products of the cached catalogue (what the warmer keeps priced). */
  cachedProductIds(): string[] {
    return (this.readCached()?.products ?? []).filter((p) => p.enabled).map((p) => p.id);
  }

  /** When this product's prices were last read from the provider (ms), or null if never. */
  checkedAtMs(productId: string): number | null {
    const cached = this.readProduct(productId);
    if (!cached) return null;
    const at = Date.parse(cached.checkedAt);
    return Number.isNaN(at) ? null : at;
  }

  /**
   * Cost and stock of one denomination right before a queued sale is sent: a check younger than
   * `freshMs` is trusted (the one made when the sale was confirmed online), else the provider is
   * asked again. Throws the client's error when it cannot be asked; null if the type is gone.
   */
  async currentType(
    productId: string,
    typeId: string,
    freshMs: number,
    line = DEFAULT_LINE,
  ): Promise<{ costC: number; stock: number; costPpm?: number | null; enabled?: boolean } | null> {
    let p = this.readProduct(productId, line);
    const at = p ? Date.parse(p.checkedAt) : NaN;
    if (!p || Number.isNaN(at) || this.now() - at >= freshMs || this.now() < at) p = await this.refreshProduct(productId, line);
    const t = p.types.find((x) => x.id === typeId);
    if (!t) return null;
    return { costC: t.costC, stock: t.stock, ...(t.range ? { costPpm: t.range.costPpm } : {}), ...(t.enabled === undefined ? {} : { enabled: t.enabled }) };
  }

  typeName(productId: string, typeId: string): string | null {
    return this.readProduct(productId)?.types.find((t) => t.id === typeId)?.name ?? null;
  }

  /** Live price and stock; falls back to the last check (live: false) only when the provider is unreachable. */
  /**
   * `feeOf`: the owner's fee on a top-up plan (lines priced at face value); gift cards are priced
   * at cost plus `markupBp`.
   */
  async product(productId: string, markupBp: number, line = DEFAULT_LINE, feeOf: (typeId: string) => number = () => 0): Promise<ProductDetail> {
    let p: CachedProduct;
    let live = true;
    try {
      p = await this.refreshProduct(productId, line);
    } catch (e) {
      const cached = this.readProduct(productId, line);
      if (!cached || !(e instanceof ApiError) || (e.kind !== 'unsent' && e.kind !== 'unknown' && e.kind !== 'server')) throw e;
      p = cached;
      live = false;
    }
    return {
      productId,
      title: p.title,
      markupBp,
      checkedAt: p.checkedAt,
      live,
      denominations: p.types.map((t) =>
        this.lines.get(line).pricing === 'face'
          ? facePriced(t, feeOf(t.id))
          : { typeId: t.id, name: t.name, costC: t.costC, retailC: retailFromCost(t.costC, markupBp), stock: t.stock },
      ),
    };
  }

  /** One live check, kept in the ledger (it survives a restart and serves the till offline). */
  async refreshProduct(productId: string, line = DEFAULT_LINE): Promise<CachedProduct> {
    return this.keepProduct(await this.lines.get(line).product(this.client(), productId), line);
  }

  /**
   * Every product of a line that prices them all in one read (top-up plans come in one list):
   * read when the counter opens the line, so that each operator can be sold into the queue
   * offline even if its screen was never opened. A line without it is priced product by product
   * (gift cards: the warmer does that in the background).
   */
  async primeLine(line: string): Promise<void> {
    const all = this.lines.get(line).products;
    if (!all) return;
    for (const p of await all(this.client())) this.keepProduct(p, line);
  }

  private keepProduct(api: LineProduct, line: string): CachedProduct {
    const p: CachedProduct = {
      productId: api.productId,
      title: api.title || this.productTitle(api.productId) || api.productId,
      checkedAt: new Date(this.now()).toISOString(),
      types: api.types,
    };
    this.ledger.kvSet(PRODUCT_KEY(api.productId, line), JSON.stringify(p));
    return p;
  }

  private readCached(line = DEFAULT_LINE): Catalog | null {
    const raw = this.ledger.kvGet(CATALOG_KEY(line));
    if (!raw) return null;
    try {
      const parsed = catalogSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private readProduct(productId: string, line = DEFAULT_LINE): CachedProduct | null {
    const raw = this.ledger.kvGet(PRODUCT_KEY(productId, line));
    if (!raw) return null;
    try {
      return cachedProductSchema.safeParse(JSON.parse(raw)).data ?? null;
    } catch {
      return null;
    }
  }
}
