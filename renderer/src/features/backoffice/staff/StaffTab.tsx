import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cashier, Role } from '../../../../../shared/shop';
import { addCashier, changePin, loadStaff, setCashierActive } from './staffActions';
import { useFormat } from '../../../ui/useFormat';
import { checkPersonForm, type PersonFormErrors } from '../../session/pin';
import { PinField } from '../../../ui/PinField';
import { TextField } from '../../../ui/TextField';
import { useStaffStore } from './staffStore';
import { selectCashier, useSessionStore } from '../../session/sessionStore';
import { ErrorNote } from '../../../ui/ErrorNote';
import { DataTable } from '../../../ui/DataTable';
import { Form } from '../../../ui/Form';

/** "Caissiers" (owner): who may use the till, their role and PIN. */
export function StaffTab() {
  const { t } = useTranslation();
  const list = useStaffStore((s) => s.list);
  const saving = useStaffStore((s) => s.saving === 'loading');
  const error = useStaffStore((s) => s.error);
  const notice = useStaffStore((s) => s.notice);
  const me = useSessionStore(selectCashier);
  const [pinFor, setPinFor] = useState<number | null>(null);

  useEffect(() => {
    void loadStaff();
  }, []);

  return (
    <div className="staff">
      {list.error && <ErrorNote error={list.error} compact />}
      <DataTable label={t('staff.list')} columns={[t('staff.col.name'), t('staff.col.role'), t('staff.col.status'), t('staff.col.actions')]}>
        {(list.value ?? []).map((c) => (
          <tr key={c.id}>
            <th scope="row" dir="auto">
              {c.name} {c.id === me?.id && <span className="small muted">{t('staff.you')}</span>}
            </th>
            <td>{t(`session.role.${c.role}`)}</td>
            <td>
              {c.active ? t('staff.active') : t('staff.inactive')}
              <Lockouts cashier={c} />
            </td>
            <td>
              {pinFor === c.id ? (
                <PinChange cashier={c} onDone={() => setPinFor(null)} />
              ) : (
                <div className="row-actions">
                  <button type="button" className="btn small-btn" aria-label={t('staff.changePinLabel', { name: c.name })} onClick={() => setPinFor(c.id)}>
                    {t('staff.changePin')}
                  </button>
                  {c.id !== me?.id &&
                    (c.active ? (
                      <button
                        type="button"
                        className="btn small-btn danger"
                        disabled={saving}
                        aria-label={t('staff.deactivateLabel', { name: c.name })}
                        onClick={() => void setCashierActive(c.id, false)}
                      >
                        {t('staff.deactivate')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="btn small-btn"
                        disabled={saving}
                        aria-label={t('staff.reactivateLabel', { name: c.name })}
                        onClick={() => void setCashierActive(c.id, true)}
                      >
                        {t('staff.reactivate')}
                      </button>
                    ))}
                </div>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <p className="small" role="status">
        {saving ? t('staff.saving') : notice ? t(notice.key, { name: notice.name }) : ''}
      </p>
      {error && <ErrorNote error={error} compact />}
      <AddCashier />
    </div>
  );
}

/** Whether wrong PINs locked this cashier, and the lockouts the owner had not seen yet. */
function Lockouts({ cashier: c }: { cashier: Cashier }) {
  const { t } = useTranslation();
  const f = useFormat();
  const at = (ms: number) => f.dateTime(new Date(ms).toISOString());
  return (
    <>
      {c.lockedUntil ? <span className="small warn-text"> · {t('staff.lockedUntil', { time: at(c.lockedUntil) })}</span> : null}
      {c.unseenLockouts && c.lastLockoutAt ? (
        <span className="small warn-text"> · {t('staff.lockouts', { n: f.int(c.unseenLockouts), time: at(c.lastLockoutAt) })}</span>
      ) : null}
    </>
  );
}

function PinChange({ cashier, onDone }: { cashier: Cashier; onDone: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const id = `staff-pin-${cashier.id}`;
  const save = async () => {
    const found = checkPersonForm({ name: cashier.name, pin });
    setErr(found.pin ?? null);
    if (found.pin) return;
    const r = await changePin(cashier.id, pin);
    if (r.ok) onDone();
  };
  return (
    <Form className="inline-form" onSubmit={save}>
      <PinField bare newPin autoFocus id={id} label={t('staff.newPin', { name: cashier.name })} value={pin} error={err && t(err)} onChange={setPin} />
      <div className="row-actions">
        <button type="submit" className="btn small-btn primary">
          {t('staff.savePin')}
        </button>
        <button type="button" className="btn small-btn ghost" onClick={onDone}>
          {t('staff.cancel')}
        </button>
      </div>
    </Form>
  );
}

function AddCashier() {
  const { t } = useTranslation();
  const saving = useStaffStore((s) => s.saving === 'loading');
  const [form, setForm] = useState<{ name: string; role: Role; pin: string }>({ name: '', role: 'cashier', pin: '' });
  const [errors, setErrors] = useState<PersonFormErrors>({});

  const submit = async () => {
    const found = checkPersonForm(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    const r = await addCashier(form.name, form.role, form.pin);
    if (r.ok) setForm({ name: '', role: 'cashier', pin: '' });
  };

  return (
    <section aria-labelledby="staff-add-title" className="settings-section">
      <h3 id="staff-add-title">{t('staff.add')}</h3>
      <Form className="filters" onSubmit={submit}>
        <TextField
          id="staff-add-name"
          label={t('staff.name')}
          maxLength={60}
          autoComplete="off"
          value={form.name}
          error={errors.name && t(errors.name)}
          onChange={(name) => setForm((f) => ({ ...f, name }))}
        />
        <div className="field">
          <label htmlFor="staff-add-role">{t('staff.role')}</label>
          <select id="staff-add-role" value={form.role} onChange={(e) => setForm((f) => ({ ...f, role: e.target.value as Role }))}>
            <option value="cashier">{t('session.role.cashier')}</option>
            <option value="owner">{t('session.role.owner')}</option>
          </select>
        </div>
        <PinField
          newPin
          id="staff-add-pin"
          label={t('staff.pin')}
          value={form.pin}
          error={errors.pin && t(errors.pin)}
          onChange={(pin) => setForm((f) => ({ ...f, pin }))}
        />
        <div className="row-actions filters-actions">
          <button type="submit" className="btn primary" disabled={saving}>
            {t('staff.addButton')}
          </button>
        </div>
      </Form>
    </section>
  );
}
