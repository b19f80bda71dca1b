import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/result';
import { clearApiKey, setApiKey } from './settingsActions';
import { useStatusStore } from '../status-bar/statusStore';
import { ErrorNote } from '../../ui/ErrorNote';
import { TextField } from '../../ui/TextField';
import { KeyValues } from '../../ui/KeyValues';
import { Form } from '../../ui/Form';

/** The key is typed here, sent to the core, and forgotten: the renderer never reads it back. */
export function ApiKeySection() {
  const { t } = useTranslation();
  const appStatus = useStatusStore((s) => s.appStatus);
  const [key, setKey] = useState('');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'cleared' | 'confirmClear' | 'tooShort'>('idle');
  const [error, setError] = useState<AppErrorShape | null>(null);

  const save = async () => {
    if (state === 'saving' || key.trim().length === 0) return;
    setError(null);
    if (key.trim().length < 8) {
      setState('tooShort');
      return;
    }
    setState('saving');
    const r = await setApiKey(key.trim());
    setKey('');
    if (r.ok) setState('saved');
    else {
      setState('idle');
      setError(r.error);
    }
  };

  const clear = async () => {
    if (state !== 'confirmClear') {
      setState('confirmClear');
      return;
    }
    setState('saving');
    setError(null);
    const r = await clearApiKey();
    if (r.ok) setState('cleared');
    else {
      setState('idle');
      setError(r.error);
    }
  };

  const account = appStatus?.account ?? null;
  const fromEnv = appStatus?.keySource === 'environment';
  const hasKey = appStatus ? appStatus.keySource !== 'none' : false;

  return (
    <section className="settings-section" aria-labelledby="set-apikey">
      <h3 id="set-apikey">{t('settings.section.apiKey')}</h3>
      {appStatus && (
        <KeyValues
          items={[
            { term: t('settings.apiKey.mode'), value: <strong>{t(`settings.apiKey.modes.${appStatus.mode}`)}</strong> },
            account && { term: t('settings.apiKey.account'), value: account.username, dir: 'auto' },
            account && { term: t('settings.apiKey.scope'), value: t(`settings.apiKey.scopes.${account.scope}`) },
          ]}
        />
      )}
      {!hasKey && <p>{t('settings.apiKey.none')}</p>}
      {account?.scope === 'READ-ONLY' && (
        <p className="warn-box" role="alert">
          {t('settings.apiKey.readOnly')}
        </p>
      )}
      {appStatus && hasKey && (
        <p className={appStatus.keyStorageEncrypted ? 'small' : 'warn-box'}>
          {appStatus.keyStorageEncrypted ? t('settings.apiKey.encrypted') : t('settings.apiKey.notEncrypted')}
        </p>
      )}
      {appStatus && !hasKey && !appStatus.keyStorageEncrypted && <p className="small warn-text">{t('settings.apiKey.notEncrypted')}</p>}
      {fromEnv ? (
        <p className="small">{t('settings.apiKey.fromEnvironment')}</p>
      ) : (
        <>
          <Form noValidate={false} onSubmit={save}>
            <TextField
              id="set-api-key"
              label={t('settings.apiKey.label')}
              hint={t('settings.apiKey.hint')}
              type="password"
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
              value={key}
              onChange={setKey}
            />
            <div className="row-actions">
              <button type="submit" className="btn primary" disabled={state === 'saving' || key.trim().length === 0}>
                {t('settings.apiKey.save')}
              </button>
              {hasKey && (
                <button type="button" className="btn danger" disabled={state === 'saving'} onClick={() => void clear()}>
                  {state === 'confirmClear' ? t('settings.apiKey.clearConfirm') : t('settings.apiKey.clear')}
                </button>
              )}
            </div>
            {state === 'confirmClear' && <p className="small warn-text">{t('settings.apiKey.clearQuestion')}</p>}
          </Form>
        </>
      )}
      <p className="small" aria-live="polite">
        {state === 'saving'
          ? t('settings.apiKey.saving')
          : state === 'saved'
            ? t('settings.apiKey.saved')
            : state === 'cleared'
              ? t('settings.apiKey.cleared')
              : state === 'tooShort'
                ? t('settings.apiKey.tooShort')
                : ''}
      </p>
      {error && <ErrorNote error={error} compact />}
    </section>
  );
}
