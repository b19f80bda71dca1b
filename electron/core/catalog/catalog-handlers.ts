import type { CommandHandlers } from '../../../shared/contract';
import type { Reach } from '../provider/reach';
import type { ProductDetail } from '../../../shared/domain';
import type { SettingsService } from '../settings/settings-service';
import type { CatalogService } from './catalog-service';

export interface CatalogHandlerDeps {
  catalog: CatalogService;
  settings: SettingsService;
  /**
   * How many cards of each denomination the balance can still pay (sales/balance-cap.ts: the
   * sale side knows what is committed but not yet debited).
   */
  balanceCaps: (product: ProductDetail, balanceC: number | null) => Awaited<ReturnType<CommandHandlers['catalog:product']>>;
  reach: Reach;
  /** The last known balance in centimes (a recent read is reused). */
  balanceC: () => Promise<number>;
  /** The catalogue was read: the background warmer prices it (catalog-warmer.ts). */
  warmCatalog: () => void;
}

/** The grid and a product's denominations, with the prices the till sells them at. */
export function catalogHandlers(s: CatalogHandlerDeps): Pick<CommandHandlers, 'catalog:list' | 'catalog:product'> {
  return {
    'catalog:list': async ({ refresh, line }) => {
      const catalog = await s.reach(() => s.catalog.list(refresh ?? false, line));
      // The warmer keeps the gift cards' prices (many products); top-up plans come in one read,
      // taken now and never a reason to fail the screen.
      if (!catalog.stale && !line) s.warmCatalog();
      if (line && !catalog.stale) await s.catalog.primeLine(line).catch(() => undefined);
      return catalog;
    },
    'catalog:product': async ({ productId, line }) => {
      const settings = s.settings.get();
      const markup = settings.markupOverridesBp[productId] ?? settings.markupBp;
      const feeOf = (typeId: string) => settings.topupFeeOverridesC[typeId] ?? settings.topupFeeC;
      const product = await s.reach(() => s.catalog.product(productId, markup, line, feeOf));
      // The balance the confirm check would use, if known; never a reason to fail the screen.
      const balanceC = product.live
        ? await s.balanceC().then(
            (b) => b,
            () => null,
          )
        : null;
      return s.balanceCaps(product, balanceC);
    },
  };
}
