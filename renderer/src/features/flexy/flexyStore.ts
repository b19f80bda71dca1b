import { create } from 'zustand';
import type { CatalogProduct, ProductDetailView } from '../../../../shared/domain';
import { notLoaded, type Loadable } from '../../ui/loadStatus';
import type { OperatorSource } from '../top-ups/operatorProposal';
import type { MobileOperator } from '../../../../shared/phone-numbers';
import { closedConfirm, type TopUpConfirm } from '../top-ups/confirmState';

/**
 * A flexy sale being entered: the number (typed first, or after the operator), the operator
 * (proposed from the prefix or chosen), the plan and, for a plan whose amount the customer
 * chooses, the dinars typed.
 */
export type FlexyState = {
  operators: Loadable<CatalogProduct[]>;
  number: string;
  operator: MobileOperator | null;
  operatorSource: OperatorSource;
  plans: Loadable<ProductDetailView>;
  planCode: string | null;
  amountText: string;
  showCost: boolean;
  confirm: TopUpConfirm;
};

export const initialFlexy: Omit<FlexyState, 'operators' | 'showCost'> = {
  number: '',
  operator: null,
  operatorSource: null,
  plans: notLoaded(),
  planCode: null,
  amountText: '',
  confirm: closedConfirm,
};

export const useFlexyStore = create<FlexyState>()(() => ({ ...initialFlexy, operators: notLoaded(), showCost: false }));
