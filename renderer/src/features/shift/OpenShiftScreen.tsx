import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/result';
import { openShift } from './shiftActions';
import { lockTill } from '../session/sessionActions';
import { useSessionStore } from '../session/sessionStore';
import { useShiftStore } from './shiftStore';
import { CashAmountField, useCashAmount } from './CashAmountField';
import { ErrorNote } from '../../ui/ErrorNote';
import { Form } from '../../ui/Form';

/**
 * The first screen after a PIN when the till has no open shift: the float is counted and typed
 * before anything is sold (no shift opens by itself any more).
 */
export function OpenShiftScreen() {
  const { t } = useTranslation();
  const name = useSessionStore((s) => s.session?.cashier?.name ?? '');
  const status = useShiftStore((s) => s.status);
  const amount = useCashAmount();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = status === 'ready';
  const { inputRef } = amount;
  useEffect(() => {
    if (ready) inputRef.current?.focus();
  }, [ready, inputRef]);

  if (!ready) return <p className="lead">{t('session.loading')}</p>;

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    amount.setProblem(null);
    setError(null);
    const o = await openShift(amount.text);
    setBusy(false);
    if (o.kind === 'badAmount' || o.kind === 'tooBig') amount.refuse(o.kind);
    else if (o.kind === 'error') setError(o.error);
  };

  return (
    <section className="gate-card" aria-labelledby="float-title">
      <h1 id="float-title">{t('shift.openTitle')}</h1>
      <p>{t('shift.openIntro', { name })}</p>
      <Form onSubmit={submit}>
        <CashAmountField id="shift-opening" label={t('shift.openingCash')} hint={t('shift.openingHint')} {...amount.field} />
        {error && <ErrorNote error={error} compact />}
        <button type="submit" className="btn primary big" disabled={busy}>
          {busy ? t('shift.opening') : t('shift.open')}
        </button>
      </Form>
      <div className="row-actions">
        <button type="button" className="btn" onClick={() => void lockTill()}>
          {t('shift.lockInstead')}
        </button>
      </div>
    </section>
  );
}
