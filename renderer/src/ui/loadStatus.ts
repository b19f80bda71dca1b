/** Every store that loads something says where it is with one field, not a set of booleans. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
