/**
 * How a top-up is priced (oneclickdz-topups.md §1.1): the provider charges a share of the face
 * value (`cost` 0.98 = 98 %), kept by the till as parts per million so that the arithmetic stays
 * in integers; the customer pays the face value plus the owner's fee.
 */

/** The shop's cost of `amountC` at `costPpm`; a plan whose cost the provider does not give (null) is costed at face value. */
export function costOfAmount(amountC: number, costPpm: number | null): number {
  if (costPpm === null) return amountC;
  // amountC ≤ 3e7 centimes and costPpm ≤ 1e6 keep the product far below 2^53.
  return Math.round((amountC * costPpm) / 1_000_000);
}

/** What the customer pays for a top-up of `faceC`. */
export function faceRetail(faceC: number, feeC: number): number {
  return faceC + feeC;
}
