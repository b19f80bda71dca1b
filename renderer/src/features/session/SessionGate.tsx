import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Cashier } from '../../../../shared/shop';
import type { AppErrorShape } from '../../../../shared/result';
import { setupOwner, signIn } from './sessionActions';
import { useFormat } from '../../ui/useFormat';
import { checkPersonForm, cleanPin, isPinComplete, signInProblem, type PersonFormErrors, type SignInProblem } from './pin';
import { useSessionStore } from './sessionStore';
import { ErrorNote } from '../../ui/ErrorNote';
import { OpenShiftScreen } from '../shift/OpenShiftScreen';
import { TrainingBanner } from '../status-bar/Header';
import { PinPad } from './PinPad';

/** What stands between the till and the counter: the first start, the PIN screen, then the float when no shift is open. */
export function SessionGate() {
  const { t } = useTranslation();
  const status = useSessionStore((s) => s.status);
  return (
    <div className="gate">
      <TrainingBanner />
      <main className="gate-main">
        {status === 'loading' && <p className="lead">{t('session.loading')}</p>}
        {status === 'setup' && <FirstStart />}
        {status === 'locked' && <PinScreen />}
        {status === 'signedIn' && <OpenShiftScreen />}
      </main>
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {t(message)}
    </p>
  );
}

/** "Bienvenue": the owner's name and PIN, typed twice. */
function FirstStart() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: '', pin: '', pin2: '' });
  const [errors, setErrors] = useState<PersonFormErrors>({});
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  const submit = async () => {
    if (busy) return;
    const found = checkPersonForm(form);
    setErrors(found);
    setServerError(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await setupOwner(form.name, form.pin);
    setBusy(false);
    if (!r.ok) setServerError(r.error);
  };

  const described = (k: keyof PersonFormErrors, hint?: string) => [hint, errors[k] ? `setup-${k}-err` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <section className="gate-card" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('session.welcome')}</h1>
      <p>{t('session.setupIntro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="setup-name">{t('session.ownerName')}</label>
          <input
            ref={nameRef}
            id="setup-name"
            type="text"
            maxLength={60}
            autoComplete="off"
            value={form.name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={described('name')}
            onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
          />
          <FieldError id="setup-name-err" message={errors.name} />
        </div>
        <div className="field">
          <label htmlFor="setup-pin">{t('session.pin')}</label>
          <input
            id="setup-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            dir="ltr"
            maxLength={8}
            value={form.pin}
            aria-invalid={errors.pin ? true : undefined}
            aria-describedby={described('pin', 'setup-pin-hint')}
            onChange={(e) => setForm((f) => ({ ...f, pin: cleanPin(e.target.value) }))}
          />
          <p id="setup-pin-hint" className="small muted">
            {t('session.pinHint')}
          </p>
          <FieldError id="setup-pin-err" message={errors.pin} />
        </div>
        <div className="field">
          <label htmlFor="setup-pin2">{t('session.pinConfirm')}</label>
          <input
            id="setup-pin2"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            dir="ltr"
            maxLength={8}
            value={form.pin2}
            aria-invalid={errors.pin2 ? true : undefined}
            aria-describedby={described('pin2')}
            onChange={(e) => setForm((f) => ({ ...f, pin2: cleanPin(e.target.value) }))}
          />
          <FieldError id="setup-pin2-err" message={errors.pin2} />
        </div>
        {serverError && <ErrorNote error={serverError} compact />}
        <button type="submit" className="btn primary big" disabled={busy}>
          {t('session.createOwner')}
        </button>
      </form>
    </section>
  );
}

function problemText(p: SignInProblem, t: TFunction, f: ReturnType<typeof useFormat>): string | null {
  if (p.kind === 'wrongPin') return t('session.wrongPin', { n: f.int(p.attemptsLeft) });
  if (p.kind === 'locked') return t('session.locked', { wait: f.age(p.minutes * 60) });
  if (p.kind === 'throttled') return t('session.throttled', { wait: f.age(p.minutes * 60) });
  return null;
}

/** The PIN screen: touch your name, type your PIN (keyboard or on-screen keypad). */
function PinScreen() {
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
      <form
        className="pin-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="lock-pin">{t('session.pin')}</label>
          <input
            ref={pinRef}
            id="lock-pin"
            className="pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            dir="ltr"
            maxLength={8}
            value={pin}
            readOnly={busy}
            aria-describedby={message || note ? 'lock-pin-msg' : undefined}
            onChange={(e) => setPin(cleanPin(e.target.value))}
          />
        </div>
        <PinPad pin={pin} onChange={setPin} onSubmit={() => void submit()} disabled={busy} />
      </form>
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
