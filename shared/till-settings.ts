import { z } from 'zod';

/** A till's name as the owner types it; the core trims it, drops control characters and keeps 1-40. */
export const tillNameInputSchema = z.string().max(200);
/** The shop's server URL as typed (null or '' removes the saved one); checked by the core. */
export const ledgerUrlInputSchema = z.string().max(2000).nullable();

/** The shop passphrase as the owner types it (checked against the shop's key by the core). */
export const shopPassphraseInputSchema = z.string().min(10).max(200);

/**
 * The owner's "Plusieurs caisses" section: this till's name and the shop's server. The URL is
 * never sent whole: only redacted (password as ****).
 */
export const tillSettingsSchema = z.object({
  id: z.string(),
  name: z.string(),
  sharedLedger: z.object({
    /** Where the URL this till runs with came from: POS_DATABASE_URL wins over the saved one. */
    source: z.enum(['none', 'environment', 'saved']),
    /** The URL this till started with, redacted; null for a one-counter till. */
    inUse: z.string().nullable(),
    /** The URL saved on this till, redacted (used from the next start unless the environment's wins). */
    saved: z.string().nullable(),
    /** The saved URL differs from the one in use and the environment does not override it: restart to use it. */
    restartNeeded: z.boolean(),
  }),
});
export type TillSettings = z.infer<typeof tillSettingsSchema>;
