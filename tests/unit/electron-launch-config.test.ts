import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveLaunchConfig } from '../../electron/main/launch-config';

const userDataPath = '/home/shop/.config/OneClickDZ Till';
const switches = {
  POS_DATA_DIR: 'tmp/till-data',
  ONECLICKDZ_API_URL: 'http://127.0.0.1:4010/',
  POS_TRAINING_API_URL: 'http://127.0.0.1:4011',
  POS_TIMING: '{"firstPollMs":10,"pollMs":20}',
  POS_TRAINING_HANDLING_MS: '50',
};

describe('launch config (test-only switches, design §5)', () => {
  it('uses the userData dir and the default API by default', () => {
    expect(resolveLaunchConfig({ env: {}, isPackaged: true, userDataPath })).toEqual({
      dataDir: userDataPath,
      dataDirOverridden: false,
      apiUrl: undefined,
      trainingApiUrl: undefined,
      timing: {},
      trainingHandlingMs: undefined,
      envApiKey: null,
      sharedLedgerUrl: null,
      ignored: [],
    });
  });

  it('takes the shared ledger from POS_DATABASE_URL in production too, and names a malformed one as ignored', () => {
    const url = 'postgres://till:secret@10.0.0.5:5432/shop';
    expect(resolveLaunchConfig({ env: { POS_DATABASE_URL: url }, isPackaged: true, userDataPath }).sharedLedgerUrl).toBe(url);
    for (const bad of ['http://10.0.0.5/shop', 'postgres://', '/etc/passwd', 'postgres://host']) {
      const config = resolveLaunchConfig({ env: { POS_DATABASE_URL: bad }, isPackaged: true, userDataPath });
      expect(config.sharedLedgerUrl, bad).toBeNull();
      expect(config.ignored, bad).toContain('POS_DATABASE_URL');
    }
  });

  it('honours the data dir and API URL in development', () => {
    const config = resolveLaunchConfig({ env: switches, isPackaged: false, userDataPath });
    expect(config.dataDir).toBe(path.resolve('tmp/till-data'));
    expect(config.dataDirOverridden).toBe(true);
    expect(config.apiUrl).toBe('http://127.0.0.1:4010');
    expect(config.trainingApiUrl).toBe('http://127.0.0.1:4011');
    expect(config.timing).toEqual({ firstPollMs: 10, pollMs: 20 });
    expect(config.trainingHandlingMs).toBe(50);
    expect(config.ignored).toEqual([]);
  });

  it('ignores every test switch in a packaged build even with NODE_ENV=test (a user can set it without admin rights)', () => {
    const config = resolveLaunchConfig({
      env: { ...switches, NODE_ENV: 'test', ONECLICKDZ_API_URL: 'http://evil.example', ONECLICKDZ_API_KEY: 'sk_saved_key' },
      isPackaged: true,
      userDataPath,
    });
    expect(config.apiUrl).toBeUndefined(); // createCore then uses the default https provider URL
    expect(config.dataDir).toBe(userDataPath);
    expect(config.dataDirOverridden).toBe(false);
    expect(config.trainingApiUrl).toBeUndefined();
    expect(config.timing).toEqual({});
    expect(config.trainingHandlingMs).toBeUndefined();
    expect(config.envApiKey).toBe('sk_saved_key');
    expect(config.ignored).toEqual(['POS_DATA_DIR', 'ONECLICKDZ_API_URL', 'POS_TRAINING_API_URL', 'POS_TIMING', 'POS_TRAINING_HANDLING_MS']);
  });

  it('even unpackaged, refuses plain http to a host that is not loopback', () => {
    for (const url of ['http://evil.example', 'http://192.168.1.10:4010', 'http://[::ffff:10.0.0.1]/', 'http://localhost.evil.example']) {
      const config = resolveLaunchConfig({ env: { ONECLICKDZ_API_URL: url, POS_TRAINING_API_URL: url }, isPackaged: false, userDataPath });
      expect(config.apiUrl).toBeUndefined();
      expect(config.trainingApiUrl).toBeUndefined();
      expect(config.ignored).toEqual(['ONECLICKDZ_API_URL', 'POS_TRAINING_API_URL']);
    }
    expect(resolveLaunchConfig({ env: { ONECLICKDZ_API_URL: 'https://sandbox.example/' }, isPackaged: false, userDataPath }).apiUrl).toBe(
      'https://sandbox.example',
    );
  });

  it('ignores them (and says so) in a packaged build', () => {
    const config = resolveLaunchConfig({ env: { ...switches, NODE_ENV: 'production' }, isPackaged: true, userDataPath });
    expect(config.dataDir).toBe(userDataPath);
    expect(config.dataDirOverridden).toBe(false);
    expect(config.apiUrl).toBeUndefined();
    expect(config.trainingApiUrl).toBeUndefined();
    expect(config.timing).toEqual({});
    expect(config.trainingHandlingMs).toBeUndefined();
    expect(config.ignored).toEqual(['POS_DATA_DIR', 'ONECLICKDZ_API_URL', 'POS_TRAINING_API_URL', 'POS_TIMING', 'POS_TRAINING_HANDLING_MS']);
  });

  it('always honours an explicit API key, trimmed', () => {
    expect(resolveLaunchConfig({ env: { ONECLICKDZ_API_KEY: '  sk_abc123  ' }, isPackaged: true, userDataPath }).envApiKey).toBe('sk_abc123');
    expect(resolveLaunchConfig({ env: { ONECLICKDZ_API_KEY: '   ' }, isPackaged: false, userDataPath }).envApiKey).toBeNull();
  });

  it('ignores malformed timing knobs instead of guessing', () => {
    for (const raw of ['not json', '[1]', '{"noSuchWait":5}', '{"pollMs":-1}', '{"pollMs":"5"}']) {
      const config = resolveLaunchConfig({ env: { POS_TIMING: raw }, isPackaged: false, userDataPath });
      expect(config.timing).toEqual({});
      expect(config.ignored).toEqual(['POS_TIMING']);
    }
    expect(resolveLaunchConfig({ env: { POS_TRAINING_HANDLING_MS: 'soon' }, isPackaged: false, userDataPath }).ignored).toEqual(['POS_TRAINING_HANDLING_MS']);
  });

  it('refuses an API URL that is not http(s)', () => {
    for (const url of ['ftp://x', 'file:///etc/passwd', 'not a url']) {
      const config = resolveLaunchConfig({ env: { ONECLICKDZ_API_URL: url }, isPackaged: false, userDataPath });
      expect(config.apiUrl).toBeUndefined();
      expect(config.ignored).toEqual(['ONECLICKDZ_API_URL']);
    }
  });
});
