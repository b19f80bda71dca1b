import { create } from 'zustand';
import type { AppStatus, Balance, ConnectionState } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import type { TransportState } from '../../bridge';
import type { LoadStatus } from '../../ui/loadStatus';

/** What the till is connected to and allowed to do (app:status, connection:changed). */
export type StatusState = {
  status: LoadStatus;
  appStatus: AppStatus | null;
  error: AppErrorShape | null;
  connection: ConnectionState;
  /** Queued sales as counted by the core (connection:changed); null until the first event. */
  queued: number | null;
  /** Whether the renderer reaches the core (the browser host may have been stopped). */
  transport: TransportState;
};

export const initialStatus: StatusState = {
  status: 'idle',
  appStatus: null,
  error: null,
  connection: 'unknown',
  queued: null,
  transport: 'up',
};

export const useStatusStore = create<StatusState>()(() => initialStatus);

/** The shop's OneClickDZ balance (account:balance, balance:changed). */
export type BalanceState = {
  status: LoadStatus;
  balance: Balance | null;
  error: AppErrorShape | null;
  /** A refresh is running while the old balance stays on screen. */
  refreshing: boolean;
};

export const initialBalance: BalanceState = { status: 'idle', balance: null, error: null, refreshing: false };

export const useBalanceStore = create<BalanceState>()(() => initialBalance);
