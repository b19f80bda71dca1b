import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/result';
import { ErrorNote } from '../../ui/ErrorNote';
import { PinField } from '../../ui/PinField';
import { TextField } from '../../ui/TextField';
import { checkPersonForm, type PersonFormErrors } from './pin';
import { setupOwner } from './sessionActions';
import { Form } from '../../ui/Form';

/** "Bienvenue": the owner's name and PIN, typed twice. */
export function FirstStart() {
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

  return (
    <section className="gate-card" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('session.welcome')}</h1>
      <p>{t('session.setupIntro')}</p>
      <Form onSubmit={submit}>
        <TextField
          id="setup-name"
          label={t('session.ownerName')}
          inputRef={nameRef}
          maxLength={60}
          autoComplete="off"
          value={form.name}
          error={errors.name && t(errors.name)}
          onChange={(name) => setForm((f) => ({ ...f, name }))}
        />
        <PinField
          id="setup-pin"
          label={t('session.pin')}
          hint={t('session.pinHint')}
          value={form.pin}
          error={errors.pin && t(errors.pin)}
          onChange={(pin) => setForm((f) => ({ ...f, pin }))}
        />
        <PinField
          id="setup-pin2"
          label={t('session.pinConfirm')}
          value={form.pin2}
          error={errors.pin2 && t(errors.pin2)}
          onChange={(pin2) => setForm((f) => ({ ...f, pin2 }))}
        />
        {serverError && <ErrorNote error={serverError} compact />}
        <button type="submit" className="btn primary big" disabled={busy}>
          {t('session.createOwner')}
        </button>
      </Form>
    </section>
  );
}
