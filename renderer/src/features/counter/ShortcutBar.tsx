import { useTranslation } from 'react-i18next';
import { useFlowStore } from './saleFlowStore';

/** Small always-visible reminder of the keys for the current step. */
export function ShortcutBar() {
  const { t } = useTranslation();
  const step = useFlowStore((s) => s.step);
  return (
    <footer className="shortcuts" aria-label={t('shortcuts.label')}>
      <span aria-hidden="true">⌨ </span>
      {t(`shortcuts.${step === 'confirm' ? 'confirm' : step}`)}
    </footer>
  );
}
