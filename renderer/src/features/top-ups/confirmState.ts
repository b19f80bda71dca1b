import type { AppErrorShape } from '../../../../shared/result';

/** Where a top-up's confirmation stands: closed, open, sending, or refused (nothing sold). */
export type TopUpConfirm = { open: boolean; status: 'idle' | 'sending' | 'error'; error: AppErrorShape | null };
export const closedConfirm: TopUpConfirm = { open: false, status: 'idle', error: null };
