import type { CommandHandlers } from '../../../shared/contract';
import type { Sale } from '../../../shared/domain';
import { pollUntil } from './pg-processes';
import { psnOffer, waitForSale, type Harness } from './core-harness';

/** Helpers of the shop-wide tests (issue 12): tills of one shop selling and pushing to its server. */

/** The local day (YYYY-MM-DD), as the owner's screens ask for it. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Waits until the shop's server has every change of this till. */
export async function pushed(t: Harness): Promise<void> {
  await pollUntil(
    async () => {
      const { till: s } = await t.h['app:status']({});
      return s.shared === 'reachable' && s.unpushed === 0;
    },
    'every change pushed',
    15_000,
  );
}

/** A PSN 10 USD sale of `quantity` cards, confirmed and waited for until fulfilled. */
export async function sellPsn(h: CommandHandlers, quantity: number): Promise<Sale> {
  const offer = await psnOffer(h);
  const sale = await h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity, expectedUnitRetailC: offer.unitRetailC });
  return waitForSale(h, sale.id, (s) => s.state === 'FULFILLED');
}
