import { z } from 'zod';
import type { TopUpFacts } from '../../../shared/domain';
import type { SaleRow } from '../ledger/ledger';
import type { ProviderNote } from '../product-lines/product-line';

/** The ledger's JSON columns are read back through a schema: a damaged row shows less, never crashes a screen. */
const noteSchema = z.object({
  refundMessage: z.string().max(2000).optional(),
  suggestedOffers: z
    .array(z.object({ name: z.string().max(200), planCode: z.string().max(64), amountC: z.number().int().nonnegative() }))
    .max(50)
    .optional(),
  processedAt: z.string().max(64).optional(),
});
const entrySchema = z.object({ amountDzd: z.number().int().nonnegative().optional() }).passthrough();

export function providerNote(row: Pick<SaleRow, 'provider_note'>): ProviderNote | null {
  if (!row.provider_note) return null;
  try {
    return noteSchema.safeParse(JSON.parse(row.provider_note)).data ?? null;
  } catch {
    return null;
  }
}

/** The face amount a top-up sent (its entry's amountDzd, in centimes); 0 when the sale has none. */
export function sentAmountC(row: Pick<SaleRow, 'entry'>): number {
  if (!row.entry) return 0;
  try {
    return (entrySchema.safeParse(JSON.parse(row.entry)).data?.amountDzd ?? 0) * 100;
  } catch {
    return 0;
  }
}

/** A top-up's facts for the screens; null for a sale with no recipient (gift cards). */
export function topUpFacts(row: SaleRow): TopUpFacts | null {
  if (row.recipient === null) return null;
  const note = providerNote(row);
  return {
    amountC: sentAmountC(row),
    clientRef: row.client_ref,
    providerRef: row.provider_ref,
    providerStatus: row.provider_status,
    refundMessage: note?.refundMessage ?? null,
    suggestedOffers: note?.suggestedOffers ?? [],
    processedAt: note?.processedAt ?? null,
  };
}
