import { useTranslation } from 'react-i18next';
import { TabList } from '../../ui/TabList';
import { COUNTER_LINES, useCounterLineStore, type CounterLine } from './counterLineStore';
import { useFlowStore } from '../counter/saleFlowStore';
import { newSale } from '../counter/saleFlow';

export const LINE_PANEL_ID = 'counter-line-panel';

const LABEL: Record<CounterLine, string> = { 'gift-cards': 'lines.giftCards', 'mobile-topups': 'lines.flexy', internet: 'lines.internet' };

/** Switching lines leaves a gift card half chosen behind (back to the grid), never a sale being sent. */
export function switchLine(line: CounterLine): void {
  if (useFlowStore.getState().confirm.status === 'sending') return;
  if (useFlowStore.getState().step !== 'grid') newSale();
  useCounterLineStore.setState({ line });
}

/** "Cartes cadeaux · Flexy · Internet": what the counter sells now; arrows move, big enough to touch. */
export function LineTabs() {
  const { t } = useTranslation();
  const line = useCounterLineStore((s) => s.line);
  return (
    <TabList
      label={t('lines.label')}
      className="tabs line-tabs"
      current={line}
      onSelect={switchLine}
      tabs={COUNTER_LINES.map((id) => ({ id, domId: `line-tab-${id}`, controls: LINE_PANEL_ID, className: 'tab line-tab', content: t(LABEL[id]) }))}
    />
  );
}
