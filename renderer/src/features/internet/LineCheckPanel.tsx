import { useTranslation } from 'react-i18next';
import { internetNumberProblem } from '../../../../shared/phone-numbers';
import { checkLine } from './internetActions';
import { useInternetStore } from './internetStore';
import { ErrorNote } from '../../ui/ErrorNote';
import { KeyValues } from '../../ui/KeyValues';

/** "Vérifier la ligne": the provider's word on the line (customer id, offer), for the customer to confirm. */
export function LineCheckPanel() {
  const { t } = useTranslation();
  const type = useInternetStore((s) => s.type);
  const number = useInternetStore((s) => s.number);
  const check = useInternetStore((s) => s.check);
  if (!type) return null;
  const valid = internetNumberProblem(type, number) === null;
  return (
    <div className="line-check">
      <button type="button" className="btn big" disabled={!valid || check.status === 'checking'} onClick={() => void checkLine()}>
        {check.status === 'checking' ? t('internet.checking') : t('internet.check')}
      </button>
      {check.status === 'ok' && check.value && (
        <div className="line-checked" role="status">
          <p>
            <strong>{t('internet.checked')}</strong>
          </p>
          <KeyValues
            items={[
              { term: t('internet.customerId'), value: check.value.customerId ?? '—', dir: 'ltr' },
              { term: t('internet.offer'), value: check.value.offer ?? t('internet.noOffer'), dir: 'ltr' },
            ]}
          />
          <p className="small">{t('internet.askCustomer')}</p>
        </div>
      )}
      {check.error && <ErrorNote error={check.error} compact />}
    </div>
  );
}
