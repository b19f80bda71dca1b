import { z } from 'zod';
import type { OneClickDzClient } from '../../provider/client';
import { ApiError } from '../../provider/errors';
import type { PlacedOrder } from '../product-line';

/** Both lines answer a send with `{topupId, topupRef}`; topupRef may not be the ref we sent. */
const sentSchema = z.looseObject({ topupId: z.string().min(1).max(128), topupRef: z.string().max(200).optional() });

/** Sends a top-up once; an answer we cannot read means it may exist (recovery finds it by ref). */
export async function sendTopUp(api: OneClickDzClient, path: string, body: unknown, opts: { turnTaken: boolean }): Promise<PlacedOrder> {
  const parsed = sentSchema.safeParse(await api.sendOrder(path, body, opts));
  if (!parsed.success) throw new ApiError('unknown', 'API_OUTCOME_UNKNOWN', 'unreadable top-up answer');
  return { orderId: parsed.data.topupId, providerRef: parsed.data.topupRef ?? null };
}
