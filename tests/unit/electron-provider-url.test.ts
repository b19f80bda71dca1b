import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { silentLogger } from '../../electron/core/platform/log';
import { plainKeyProtector } from '../../electron/core/platform/file-secrets';
import { readHostOptions } from '../../electron/host/options';
import { checkProviderUrl, isLoopbackHost } from '../../electron/core/provider/provider-url';

/**
 * The provider URL receives the API key in X-Access-Token: https only, except to this machine.
 * One rule (electron/core/provider/provider-url.ts) for the Electron launch config and the browser host.
 */
describe('provider URL rule', () => {
  it.each([
    ['https://api.oneclickdz.com', 'https://api.oneclickdz.com'],
    ['https://api.oneclickdz.com/', 'https://api.oneclickdz.com'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
    ['http://127.8.9.10', 'http://127.8.9.10'],
    ['http://127.1:4010', 'http://127.0.0.1:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://LOCALHOST:4010', 'http://localhost:4010'],
  ])('accepts %s', (raw, url) => {
    expect(checkProviderUrl(raw)).toEqual({ ok: true, url });
  });

  it.each([
    'http://evil.example',
    'http://api.oneclickdz.com',
    'http://10.0.0.5:4010',
    'http://128.0.0.1',
    'http://0.0.0.0:4010',
    'http://[::ffff:127.0.0.1]',
    'http://localhost.evil.example',
    'http://127.0.0.1.evil.example',
    'https://user:pass@api.oneclickdz.com',
    'ftp://127.0.0.1',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (raw) => {
    expect(checkProviderUrl(raw).ok).toBe(false);
  });

  it('knows loopback as the parser normalises it', () => {
    expect(isLoopbackHost('127.255.255.255')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('126.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
  });
});

describe('browser host options use the same rule', () => {
  it('refuses plain http to another machine, for the provider and the training simulator', () => {
    expect(() => readHostOptions([], { ONECLICKDZ_API_URL: 'http://evil.example' })).toThrow(/ONECLICKDZ_API_URL must be https/);
    expect(() => readHostOptions([], { POS_TRAINING_API_URL: 'http://evil.example' })).toThrow(/POS_TRAINING_API_URL must be https/);
  });

  it('accepts https anywhere and http on loopback', () => {
    const o = readHostOptions([], { ONECLICKDZ_API_URL: 'https://api.example.com/', POS_TRAINING_API_URL: 'http://127.0.0.1:4011' });
    expect(o.apiUrl).toBe('https://api.example.com');
    expect(o.trainingApiUrl).toBe('http://127.0.0.1:4011');
  });
});

describe('the core itself refuses a provider URL that breaks the rule', () => {
  it('does not start against plain http to another machine', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-url-'));
    try {
      const secretStore = { encrypted: false, get: () => 'sk_saved_key_123', set: () => undefined, clear: () => undefined };
      const base = { dataDir, secretStore, keyProtector: plainKeyProtector, settingsBackend: { store: {} }, logger: silentLogger, version: 'test' };
      await expect(createCore({ ...base, apiUrl: 'http://evil.example' })).rejects.toThrow(/apiUrl must be https/);
      await expect(createCore({ ...base, trainingApiUrl: 'http://evil.example' })).rejects.toThrow(/trainingApiUrl must be https/);
      // Nothing was opened or written before the refusal.
      expect(fs.existsSync(path.join(dataDir, 'ledger.sqlite'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
