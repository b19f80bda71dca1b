import type { CommandHandlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { TillSettings } from '../../../shared/till-settings';
import type { Ledger } from '../ledger/ledger';
import type { KeyProtector, Logger } from '../platform/ports';
import { readSavedLedgerUrl, writeSavedLedgerUrl } from './saved-ledger-url';
import { redactedUrl, sharedLedgerUrlProblem } from './shared-ledger-url';
import { renameTill, TILL_NAME_MAX, type TillIdentity } from './till-identity';

export interface TillHandlerDeps {
  ledger: Ledger;
  /** The till's identity, as the status reads it: renamed in place. */
  till: TillIdentity;
  dataDir: string;
  keyProtector: KeyProtector;
  /** POS_DATABASE_URL as the host gave it (it wins over the saved URL). */
  envUrl: string | null;
  /** The URL this till started with (env or saved), or null. */
  inUse: string | null;
  logger: Logger;
  /** The name changed: the header, and the shop's tills table at the next round. */
  renamed: () => void;
  /** Tries the shop passphrase now (shop-codes.ts); absent for a till without a shared ledger. */
  offerShopPassphrase?: (passphrase: string) => Promise<'joined' | 'refused' | 'unreachable'>;
}

type TillCommands = 'till:get' | 'till:rename' | 'till:setLedgerUrl' | 'till:shopPassphrase';

const redacted = (url: string | null): string | null => (url === null ? null : redactedUrl(url));

export function tillHandlers(d: TillHandlerDeps): Pick<CommandHandlers, TillCommands> {
  const saved = (): string | null => {
    try {
      return readSavedLedgerUrl(d.dataDir, d.keyProtector);
    } catch {
      return null; // unreadable: shown as none saved; saving again replaces it
    }
  };
  const view = (): TillSettings => {
    const s = saved();
    const source = d.envUrl ? 'environment' : d.inUse ? 'saved' : 'none';
    return {
      id: d.till.id,
      name: d.till.name,
      sharedLedger: { source, inUse: redacted(d.inUse), saved: redacted(s), restartNeeded: !d.envUrl && s !== d.inUse },
    };
  };
  return {
    'till:get': async () => view(),
    'till:rename': async ({ name }) => {
      try {
        d.till.name = renameTill(d.ledger, name);
      } catch {
        throw new AppError('INVALID_INPUT', `name: 1 to ${TILL_NAME_MAX} characters`, { field: 'name', reason: 'TILL_NAME' });
      }
      d.renamed();
      return view();
    },
    'till:setLedgerUrl': async ({ url }) => {
      const text = url?.trim() ?? '';
      const problem = text === '' ? null : sharedLedgerUrlProblem(text);
      // The typed text is never quoted back: it may hold the database's password.
      if (problem) throw new AppError('INVALID_INPUT', `url: not a PostgreSQL server URL (${problem})`, { field: 'url', reason: problem });
      writeSavedLedgerUrl(d.dataDir, d.keyProtector, text === '' ? null : text);
      d.logger.info(text === '' ? 'shared ledger URL removed' : 'shared ledger URL saved', { takesEffect: 'next start' });
      return view();
    },
    'till:shopPassphrase': async ({ passphrase }) => {
      if (!d.offerShopPassphrase) throw new AppError('NOT_SUPPORTED', 'This till works alone: it has no shared ledger');
      const outcome = await d.offerShopPassphrase(passphrase);
      // The passphrase itself is never quoted back nor logged.
      if (outcome === 'refused')
        throw new AppError('INVALID_INPUT', 'passphrase: it does not open the shop key', { field: 'passphrase', reason: 'SHOP_PASSPHRASE' });
      if (outcome === 'unreachable') throw new AppError('SHOP_UNREACHABLE', "The shop's server cannot be reached");
      return view();
    },
  };
}
