import { useTranslation } from 'react-i18next';
import { useFlowStore } from './saleFlowStore';
import { useCounterLineStore } from '../top-ups/counterLineStore';

/** Small always-visible reminder of the keys for the current step. */
export function ShortcutBar() {
  const { t } = useTranslation();
  const step = useFlowStore((s) => s.step);
  const topUp = useCounterLineStore((s) => s.line !== 'gift-cards');
  return (
    <footer className="shortcuts" aria-label={t('shortcuts.label')}>
      <span aria-hidden="true">⌨ </span>
      {t(`shortcuts.${step === 'grid' && topUp ? 'topUp' : step === 'confirm' ? 'confirm' : step}`)}
    </footer>
  );
}
