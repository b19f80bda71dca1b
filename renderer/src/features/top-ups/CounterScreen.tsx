import { useFlowStore } from '../counter/saleFlowStore';
import { useCounterLineStore } from './counterLineStore';
import { DenominationScreen } from '../counter/DenominationScreen';
import { GridScreen } from '../counter/GridScreen';
import { ProgressScreen } from '../counter/ProgressScreen';
import { FlexyScreen } from '../flexy/FlexyScreen';
import { InternetScreen } from '../internet/InternetScreen';
import { LINE_PANEL_ID, LineTabs } from './LineTabs';

function GiftCards() {
  const step = useFlowStore((s) => s.step);
  // The confirmation is a dialog over the cards: going back just closes it.
  return step === 'denominations' || step === 'confirm' ? <DenominationScreen /> : <GridScreen />;
}

/**
 * The counter: the line tabs over the line's screen; a confirmed sale of any line shows the one
 * progress screen (with its receipt) until "Nouvelle vente" brings the same line back.
 */
export function CounterScreen() {
  const progress = useFlowStore((s) => s.step === 'progress');
  const line = useCounterLineStore((s) => s.line);
  if (progress) return <ProgressScreen />;
  return (
    <>
      <LineTabs />
      <div id={LINE_PANEL_ID} role="tabpanel" aria-labelledby={`line-tab-${line}`} className="line-panel">
        {line === 'gift-cards' ? <GiftCards /> : line === 'mobile-topups' ? <FlexyScreen /> : <InternetScreen />}
      </div>
    </>
  );
}
