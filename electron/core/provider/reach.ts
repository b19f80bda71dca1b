import { isApiError } from './errors';

/**
 * Runs a read the screen asked for (catalogue, product, balance) and lets its outcome tell the
 * sale engine whether the provider is reachable; a refused key updates the status at once.
 */
export type Reach = <T>(work: () => Promise<T>) => Promise<T>;

export function createReach(d: { noteReachable: (reachable: boolean) => void; statusChanged: () => void }): Reach {
  return async (work) => {
    try {
      const out = await work();
      d.noteReachable(true);
      return out;
    } catch (e) {
      if (isApiError(e) && e.kind === 'unsent') d.noteReachable(false);
      if (isApiError(e) && e.kind === 'auth') d.statusChanged();
      throw e;
    }
  };
}
