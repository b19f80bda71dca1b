import type { AppStatus } from '../../../../shared/domain';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export type TillLine = { text: string; tone: 'ok' | 'wait' | 'down' };

/**
 * The header's word on this counter and the shop's shared ledger: its name and whether the
 * ledger is reachable, with the changes still to push when there are some. A one-counter till
 * (shared: 'off') shows nothing: there is no other till to tell it apart from.
 */
export function tillLine(till: AppStatus['till'] | undefined, t: Translate, int: (n: number) => string = String): TillLine | null {
  if (!till || till.shared === 'off') return null;
  const reach = t(`tillStatus.${till.shared}`);
  const state = till.unpushed > 0 ? t('tillStatus.pending', { count: till.unpushed, n: int(till.unpushed), state: reach }) : reach;
  // Waiting for the shop passphrase is as good as cut off: the till sends and shares nothing.
  const tone = till.shared === 'reachable' ? 'ok' : till.shared === 'connecting' ? 'wait' : 'down';
  return { text: t('tillStatus.line', { name: till.name, state }), tone };
}
