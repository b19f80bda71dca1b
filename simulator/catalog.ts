import { dzdToCentimes, type Centimes } from '../shared/money';
import { CATALOG_SEED, type CategorySeed } from './catalog-data';
import { hashId } from './random';

export interface SimType {
  id: string;
  name: string;
  priceC: Centimes;
  initialStock: number;
}

export interface SimProduct {
  id: string;
  title: string;
  enabled: boolean;
  region?: string;
  categoryTitle: string;
  types: SimType[];
}

export interface SimCatalog {
  categories: { title: string; products: SimProduct[] }[];
  products: ReadonlyMap<string, SimProduct>;
}

/** Stock between 20 and 399, fixed per denomination so runs are comparable. */
function defaultStock(typeId: string): number {
  return 20 + (parseInt(typeId.slice(0, 6), 16) % 380);
}

export function buildCatalog(seed: readonly CategorySeed[] = CATALOG_SEED): SimCatalog {
  const products = new Map<string, SimProduct>();
  const categories = seed.map((cat) => ({
    title: cat.title,
    products: cat.products.map((p): SimProduct => {
      const id = hashId(`product:${p.title}`);
      const product: SimProduct = {
        id,
        title: p.title,
        enabled: p.enabled ?? true,
        categoryTitle: cat.title,
        types: p.denominations.map((d) => {
          const typeId = d.id ?? hashId(`type:${p.title}:${d.name}`);
          return { id: typeId, name: d.name, priceC: dzdToCentimes(d.price), initialStock: d.stock ?? defaultStock(typeId) };
        }),
        ...(p.region === undefined ? {} : { region: p.region }),
      };
      if (products.has(id)) throw new Error(`duplicate simulated product title: ${p.title}`);
      products.set(id, product);
      return product;
    }),
  }));
  return { categories, products };
}
