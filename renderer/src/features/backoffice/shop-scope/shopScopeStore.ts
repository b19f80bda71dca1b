import { create } from 'zustand';
import type { CommandOutput } from '../../../../../shared/contract';
import { notLoaded, type Loadable } from '../../../ui/loadStatus';
import { TILL_SCOPE, type ShopScopeChoice } from './shopScope';

export type ShopTill = CommandOutput<'shop:tills'>[number];

/** One choice for the report, history and exceptions screens: the owner picks it once. */
export type ShopScopeState = { choice: ShopScopeChoice; tills: Loadable<ShopTill[]> };
export const initialShopScope: ShopScopeState = { choice: TILL_SCOPE, tills: notLoaded() };
export const useShopScopeStore = create<ShopScopeState>()(() => initialShopScope);
