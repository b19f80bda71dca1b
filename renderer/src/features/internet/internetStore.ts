import { create } from 'zustand';
import type { ProductDetailView } from '../../../../shared/domain';
import type { InternetType } from '../../../../shared/phone-numbers';
import type { AppErrorShape } from '../../../../shared/result';
import { notLoaded, type Loadable } from '../../ui/loadStatus';
import { closedConfirm, type TopUpConfirm } from '../top-ups/confirmState';

/** What internet:checkNumber said of the line: the customer reads it back before paying. */
export type LineCheck = { type: InternetType; number: string; customerId: string | null; offer: string | null };

/** An internet recharge being entered: type, line number, the provider's check of it, the card value. */
export type InternetState = {
  type: InternetType | null;
  number: string;
  check: { status: 'idle' | 'checking' | 'ok' | 'error'; value: LineCheck | null; error: AppErrorShape | null };
  cards: Loadable<ProductDetailView>;
  typeId: string | null;
  confirm: TopUpConfirm;
};

export const initialInternet: InternetState = {
  type: null,
  number: '',
  check: { status: 'idle', value: null, error: null },
  cards: notLoaded(),
  typeId: null,
  confirm: closedConfirm,
};

export const useInternetStore = create<InternetState>()(() => initialInternet);
