import type { AppErrorShape } from '../../../shared/result';

/** Every store that loads something says where it is with one field, not a set of booleans. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Something fetched from the core: where it is, the last good value, the last error. */
export type Loadable<T> = { status: LoadStatus; value: T | null; error: AppErrorShape | null };
export const notLoaded = <T>(): Loadable<T> => ({ status: 'idle', value: null, error: null });
