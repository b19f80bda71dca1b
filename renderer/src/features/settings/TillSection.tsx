import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/result';
import type { TillSettings } from '../../../../shared/till-settings';
import { ErrorNote } from '../../ui/ErrorNote';
import { Form } from '../../ui/Form';
import { TextField } from '../../ui/TextField';
import { useStatusStore } from '../status-bar/statusStore';
import { loadTillSettings, offerShopPassphrase, renameThisTill, saveLedgerUrl } from './tillActions';
import { ledgerUrlNotes, tillErrorKey } from './tillSettings';

type Done = { key: string; values?: Record<string, string> } | null;

/**
 * "Plusieurs caisses": this till's name, and the shop's server URL saved on this till. The URL is
 * typed, sent, and forgotten: the screen only ever gets it back with its password hidden.
 */
export function TillSection() {
  const { t } = useTranslation();
  const [view, setView] = useState<TillSettings | null>(null);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const needsShopKey = useStatusStore((s) => s.appStatus?.till.shared === 'needs-shop-key');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let live = true;
    void loadTillSettings().then((r) => {
      if (!live) return;
      if (r.ok) {
        setView(r.value);
        setName(r.value.name);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const run = async (work: () => ReturnType<typeof saveLedgerUrl>, after: (v: TillSettings) => Done) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await work();
    setBusy(false);
    if (r.ok) {
      setView(r.value);
      setDone(after(r.value));
    } else setError(r.error);
  };

  const rename = () =>
    run(
      () => renameThisTill(name),
      (v) => {
        setName(v.name);
        return { key: 'tillSettings.renamed', values: { name: v.name } };
      },
    );
  const save = (text: string) =>
    run(
      () => saveLedgerUrl(text),
      () => {
        setUrl('');
        return { key: text.trim() === '' ? 'tillSettings.cleared' : 'tillSettings.nextStart' };
      },
    );

  const join = () =>
    run(
      () => offerShopPassphrase(passphrase),
      () => {
        setPassphrase('');
        return { key: 'tillSettings.passphraseJoined' };
      },
    );

  const ownWords = error ? tillErrorKey(error) : null;
  return (
    <section className="settings-section" aria-labelledby="set-tills" data-testid="till-settings">
      <h3 id="set-tills">{t('tillSettings.title')}</h3>
      <p className="small muted">{t('tillSettings.intro')}</p>
      <Form noValidate={false} onSubmit={rename}>
        <TextField id="set-till-name" label={t('tillSettings.name')} hint={t('tillSettings.nameHint')} maxLength={40} value={name} onChange={setName} />
        <div className="row-actions">
          <button type="submit" className="btn" disabled={busy || name.trim() === '' || name === view?.name}>
            {t('tillSettings.rename')}
          </button>
        </div>
      </Form>
      {view && (
        <ul className="plain-list" data-testid="till-ledger-notes">
          {ledgerUrlNotes(view).map((n) => (
            <li key={n.key} className={n.warn ? 'small warn-text' : 'small'} dir="auto">
              {t(n.key, n.values ?? {})}
            </li>
          ))}
        </ul>
      )}
      <Form noValidate={false} onSubmit={() => save(url)}>
        <TextField
          id="set-till-url"
          label={t('tillSettings.url')}
          hint={t('tillSettings.urlHint')}
          type="password"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          maxLength={2000}
          value={url}
          onChange={setUrl}
        />
        <div className="row-actions">
          <button type="submit" className="btn primary" disabled={busy || url.trim() === ''}>
            {t('tillSettings.save')}
          </button>
          {view?.sharedLedger.saved && (
            <button type="button" className="btn danger" disabled={busy} onClick={() => void save('')}>
              {t('tillSettings.clear')}
            </button>
          )}
        </div>
      </Form>
      {needsShopKey && (
        <Form noValidate={false} onSubmit={join}>
          <p className="small warn-text">{t('tillSettings.passphraseWaiting')}</p>
          <TextField
            id="set-till-passphrase"
            label={t('tillSettings.passphrase')}
            hint={t('tillSettings.passphraseHint')}
            type="password"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={passphrase}
            onChange={setPassphrase}
          />
          <div className="row-actions">
            <button type="submit" className="btn primary" disabled={busy || passphrase.length < 10}>
              {t('tillSettings.passphraseSend')}
            </button>
          </div>
        </Form>
      )}
      <p className="small" aria-live="polite">
        {done ? t(done.key, done.values ?? {}) : ''}
      </p>
      {error &&
        (ownWords ? (
          <p className="field-error" role="alert">
            {t(ownWords)}
          </p>
        ) : (
          <ErrorNote error={error} compact />
        ))}
    </section>
  );
}
