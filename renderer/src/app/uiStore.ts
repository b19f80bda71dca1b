import { create } from 'zustand';

export type UiState = {
  settingsOpen: boolean;
  /** A finished sale's receipt opened from the tray or a toast. */
  receiptSaleId: number | null;
};

export const useUiStore = create<UiState>()(() => ({ settingsOpen: false, receiptSaleId: null }));
