import { create } from 'zustand';
import type { ProductDetailView } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import type { LoadStatus } from '../../ui/loadStatus';

/**
 * The counter sale, one step at a time: grid → denominations → confirm → progress. The quantity
 * is chosen on the confirmation itself (1 unless changed), so one card is three touches.
 */
export type Step = 'grid' | 'denominations' | 'confirm' | 'progress';

export type FlowState = {
  step: Step;
  productId: string | null;
  productTitle: string;
  detail: { status: LoadStatus; value: ProductDetailView | null; error: AppErrorShape | null };
  /** The denomination on the confirmation; kept when going back so its button gets the focus again. */
  typeId: string | null;
  /** What is in the quantity box, as typed (may be empty while the cashier types). */
  quantityText: string;
  showCost: boolean;
  confirm: { status: 'idle' | 'sending' | 'error'; error: AppErrorShape | null };
  /** The sale shown on the progress screen. */
  saleId: number | null;
};

export const initialFlow: FlowState = {
  step: 'grid',
  productId: null,
  productTitle: '',
  detail: { status: 'idle', value: null, error: null },
  typeId: null,
  quantityText: '1',
  showCost: false,
  confirm: { status: 'idle', error: null },
  saleId: null,
};

export const useFlowStore = create<FlowState>()(() => initialFlow);
