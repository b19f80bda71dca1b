import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/useFormat';
import { useStatusStore } from './statusStore';
import { tillLine } from './tillLine';

/** Which till this is, and whether the shop's shared ledger is reachable (issue 12); read out when it changes. */
export function TillStatus() {
  const { t } = useTranslation();
  const f = useFormat();
  const till = useStatusStore((s) => s.appStatus?.till);
  const line = tillLine(till, (key, values) => t(key, values ?? {}), f.int);
  if (!line) return null;
  return (
    <span role="status" aria-label={t('tillStatus.label')} className={`till-line till-${line.tone} ellipsis`} title={line.text} data-testid="till-status">
      <span className={`conn-dot till-dot-${line.tone}`} aria-hidden="true" />
      {line.text}
    </span>
  );
}
