import { z } from 'zod';

/**
 * A sale flagged for the owner (NEEDS_REVIEW): its answer was lost and several provider orders
 * could be the one it created. The owner sees each candidate as the provider lists it now, and
 * whether some sale (of this till or of another till of the shop) already owns it; then picks
 * the sale's order, or says none is (the sale is cancelled and its price is owed back).
 */

/**
 * A provider order id, as the provider's answers may carry it (the till reads any id of 1 to 200
 * characters there): no control characters. It is only ever compared with the ids the till stored,
 * and sent back to the provider URL-encoded.
 */
export const providerOrderIdSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((id) => ![...id].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), 'must be a provider order id');

/**
 * 'free': no sale owns it; 'taken': another sale already owns it (it can no longer be this one);
 * 'this-sale': this sale itself already claimed it (a decision cut short): it is the only choice
 * left; 'unknown': the shop's shared ledger could not say (nothing can be chosen until it answers).
 */
export const candidateOwnerSchema = z.enum(['free', 'taken', 'this-sale', 'unknown']);
export type CandidateOwner = z.infer<typeof candidateOwnerSchema>;

export const reviewCandidateSchema = z.object({
  orderId: providerOrderIdSchema,
  owner: candidateOwnerSchema,
  /** As the provider reads it now; null when it could not be read (then only the id is known). */
  provider: z
    .object({
      status: z.enum(['HANDLING', 'QUEUED', 'TO_VERIFY', 'FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED']),
      /** The provider's own time of the order, ISO text as it gave it. */
      time: z.string().max(40).nullable(),
      quantity: z.number().int().nonnegative().nullable(),
      deliveredQuantity: z.number().int().nonnegative(),
      /** What the provider charged for it, integer centimes. */
      chargedC: z.number().int().nonnegative(),
    })
    .nullable(),
});
export type ReviewCandidate = z.infer<typeof reviewCandidateSchema>;

export const reviewCandidatesSchema = z.object({
  saleId: z.number().int().positive(),
  candidates: z.array(reviewCandidateSchema).max(200),
});
export type ReviewCandidates = z.infer<typeof reviewCandidatesSchema>;
