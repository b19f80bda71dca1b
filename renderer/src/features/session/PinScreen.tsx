import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Cashier } from '../../../../shared/shop';
import { ErrorNote } from '../../ui/ErrorNote';
import { PinField } from '../../ui/PinField';
import { useFormat } from '../../ui/useFormat';
import { isPinComplete, signInProblem, type SignInProblem } from './pin';
import { PinPad } from './PinPad';
import { signIn } from './sessionActions';
import { useSessionStore } from './sessionStore';
import { Form } from '../../ui/Form';

function problemText(p: SignInProblem, t: TFunction, f: ReturnType<typeof useFormat>): string | null {
  if (p.kind === 'wrongPin') return t('session.wrongPin', { n: f.int(p.attemptsLeft) });
  if (p.kind === 'locked') return t('session.locked', { wait: f.age(p.minutes * 60) });
  if (p.kind === 'throttled') return t('session.throttled', { wait: f.age(p.minutes * 60) });
  return null;
}

/** The PIN screen: touch your name, type your PIN (keyboard or on-screen keypad). */
export function PinScreen() {
  const { t } = useTranslation();
  const f = useFormat();
  const cashiers = useSessionStore((s) => s.session?.cashiers ?? []);
  const [chosen, setChosen] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  // One name only (often the owner alone): it is already chosen.
  const only: Cashier | undefined = cashiers.length === 1 ? cashiers[0] : undefined;
  const selectedId = chosen ?? only?.id ?? null;
  const selected = cashiers.find((c) => c.id === selectedId) ?? null;

  useEffect(() => {
    if (selected) pinRef.current?.focus();
  }, [selected]);

  const choose = (id: number) => {
    setChosen(id);
    setPin('');
    setProblem(null);
    setNote(null);
    pinRef.current?.focus();
  };

  const submit = async () => {
    if (busy) return;
    setNote(null);
    if (!selected) {
      setNote(t('session.chooseFirst'));
      return;
    }
    if (!isPinComplete(pin)) {
      setNote(t('session.validation.pinFormat'));
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    const r = await signIn(selected.id, pin);
    setBusy(false);
    if (r.ok) return;
    setPin('');
    setProblem(signInProblem(r.error));
    pinRef.current?.focus();
  };

  const message = problem ? problemText(problem, t, f) : null;

  return (
    <section className="gate-card" aria-labelledby="lock-title">
      <h1 id="lock-title">{t('session.lockedTitle')}</h1>
      <p>{t('session.whoAreYou')}</p>
      {cashiers.length === 0 ? (
        <p className="warn-box">{t('session.noCashiers')}</p>
      ) : (
        <div className="cashier-pick" role="group" aria-label={t('session.cashiers')}>
          {cashiers.map((c) => (
            <button key={c.id} type="button" className="cashier-btn" aria-pressed={c.id === selectedId} onClick={() => choose(c.id)}>
              {c.name}
            </button>
          ))}
        </div>
      )}
      {selected && <h2 className="hello">{t('session.hello', { name: selected.name })}</h2>}
      <Form className="pin-form" onSubmit={submit}>
        <PinField
          id="lock-pin"
          label={t('session.pin')}
          className="pin-input"
          inputRef={pinRef}
          value={pin}
          readOnly={busy}
          describedBy={message || note ? 'lock-pin-msg' : undefined}
          onChange={setPin}
        />
        <PinPad pin={pin} onChange={setPin} onSubmit={() => void submit()} disabled={busy} />
      </Form>
      <div id="lock-pin-msg" aria-live="assertive">
        {busy && <p className="small">{t('session.checking')}</p>}
        {(message || note) && (
          <p className="field-error" role="alert">
            {message ?? note}
          </p>
        )}
      </div>
      {problem?.kind === 'other' && <ErrorNote error={problem.error} compact />}
    </section>
  );
}
