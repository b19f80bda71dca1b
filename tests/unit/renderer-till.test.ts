import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/domain';
import type { TillSettings } from '../../shared/till-settings';
import { installApi } from '../../renderer/src/bridge';
import { uiResources } from '../../renderer/src/i18n/strings';
import { tillLine } from '../../renderer/src/features/status-bar/tillLine';
import { useStatusStore, initialStatus } from '../../renderer/src/features/status-bar/statusStore';
import { renameThisTill, saveLedgerUrl } from '../../renderer/src/features/settings/tillActions';
import { isShopWideField, ledgerUrlNotes, tillErrorKey } from '../../renderer/src/features/settings/tillSettings';
import { FakeCore } from './helpers/fake-core';
import { trainingStatus } from './fixtures/till-data';

/** Issue 12 in the renderer: the header's till line and the owner's "Plusieurs caisses" section. */
const i18n = i18next.createInstance();
await i18n.init({ resources: uiResources, lng: 'fr', fallbackLng: 'fr', defaultNS: 'ui', interpolation: { escapeValue: false } });
const tr = (lng: string) => (key: string, values?: Record<string, unknown>) => i18n.getFixedT(lng)(key, values ?? {});

const till = (shared: AppStatus['till']['shared'], unpushed = 0): AppStatus['till'] => ({
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Caisse 2',
  shared,
  unpushed,
});

describe('the header’s till line', () => {
  it('says nothing for a one-counter till', () => {
    expect(tillLine(till('off', 4), tr('fr'))).toBeNull();
    expect(tillLine(undefined, tr('fr'))).toBeNull();
  });

  it('names the till and the shared ledger’s reach, with the changes waiting', () => {
    expect(tillLine(till('reachable'), tr('fr'))).toEqual({ text: 'Caisse 2 · Registre partagé joignable', tone: 'ok' });
    expect(tillLine(till('unreachable', 3), tr('fr'))?.text).toBe('Caisse 2 · Registre partagé injoignable — 3 changements en attente');
    expect(tillLine(till('unreachable', 1), tr('fr'))?.text).toBe('Caisse 2 · Registre partagé injoignable — 1 changement en attente');
    expect(tillLine(till('connecting'), tr('fr'))?.tone).toBe('wait');
    expect(tillLine(till('unreachable', 3), tr('en'))?.text).toBe('Caisse 2 · Shared ledger unreachable — 3 changes waiting');
    const arabic = tillLine(till('unreachable', 3), tr('ar'), (n) => new Intl.NumberFormat('ar-DZ').format(n))!;
    expect(arabic.text).toContain('السجل المشترك غير متاح');
    expect(arabic.text).toContain('تغييرات في الانتظار');
    expect(arabic.tone).toBe('down');
  });

  it('says a till waits for the shop passphrase, in each language', () => {
    expect(tillLine(till('needs-shop-key'), tr('fr'))).toEqual({ text: 'Caisse 2 · Registre partagé : phrase secrète de la boutique attendue', tone: 'down' });
    for (const lng of ['ar', 'en']) expect(tillLine(till('needs-shop-key'), tr(lng))?.text).not.toMatch(/tillStatus\./);
  });
});

const view = (fields: Partial<TillSettings['sharedLedger']>): TillSettings => ({
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Caisse 2',
  sharedLedger: { source: 'none', inUse: null, saved: null, restartNeeded: false, ...fields },
});

describe('the “Plusieurs caisses” section', () => {
  it('says what is in use, what is saved, and that a change waits for the next start', () => {
    expect(ledgerUrlNotes(view({})).map((n) => n.key)).toEqual(['tillSettings.alone', 'tillSettings.noneSaved']);
    const saved = ledgerUrlNotes(view({ saved: 'postgres://pos:****@db:5432/shop', restartNeeded: true }));
    expect(saved.map((n) => n.key)).toEqual(['tillSettings.alone', 'tillSettings.saved', 'tillSettings.nextStart']);
    const env = ledgerUrlNotes(view({ source: 'environment', inUse: 'postgres://pos:****@env:5432/shop', saved: 'postgres://pos:****@db:5432/shop' }));
    expect(env.map((n) => n.key)).toEqual(['tillSettings.inUse', 'tillSettings.environment', 'tillSettings.saved']);
    for (const n of env) expect(tr('fr')(n.key, n.values)).not.toMatch(/tillSettings\./);
  });

  it('puts a refused URL or name in the owner’s words', () => {
    expect(tillErrorKey({ code: 'INVALID_INPUT', message: 'x', details: { field: 'url', reason: 'NOT_POSTGRES' } })).toBe('tillSettings.errors.NOT_POSTGRES');
    expect(tillErrorKey({ code: 'INVALID_INPUT', message: 'x', details: { field: 'name' } })).toBe('tillSettings.errors.TILL_NAME');
    expect(tillErrorKey({ code: 'NOT_ALLOWED', message: 'x', details: { reason: 'OWNER_ONLY' } })).toBeNull();
    // A wrong shop passphrase (the core's word) and one too short to be it (the contract's).
    expect(tillErrorKey({ code: 'INVALID_INPUT', message: 'x', details: { field: 'passphrase', reason: 'SHOP_PASSPHRASE' } })).toBe(
      'tillSettings.errors.SHOP_PASSPHRASE',
    );
    expect(tillErrorKey({ code: 'INVALID_INPUT', message: 'x', details: { field: 'passphrase' } })).toBe('tillSettings.errors.SHOP_PASSPHRASE');
    for (const lng of ['fr', 'ar', 'en']) expect(tr(lng)('tillSettings.errors.NOT_POSTGRES')).not.toBe('tillSettings.errors.NOT_POSTGRES');
  });

  it('marks prices, fees, limits, the receipt header and the request rate as the shop’s; the printer, language and queue as the till’s', () => {
    for (const f of ['markup', 'topupFee', 'lowBalance', 'idleLock', 'shopName', 'shopFooter', 'override:p1', 'apiRate'] as const)
      expect(isShopWideField(f), f).toBe(true);
    for (const f of ['printerName', 'paperWidthMm', 'language', 'queueCap', 'cashierName'] as const) expect(isShopWideField(f), f).toBe(false);
  });
});

describe('the section’s actions', () => {
  let core: FakeCore;
  beforeEach(() => {
    core = new FakeCore();
    installApi(core.bridge);
    useStatusStore.setState({ ...initialStatus, appStatus: trainingStatus });
  });
  afterEach(() => installApi(null));

  it('a rename takes the new status for the header', async () => {
    core.on('till:rename', ({ name }) => ({ ok: true, value: { ...view({}), name } }));
    core.on('app:status', () => ({ ok: true, value: { ...trainingStatus, till: { ...trainingStatus.till, name: 'Caisse 7', shared: 'reachable' } } }));
    const r = await renameThisTill('Caisse 7');
    expect(r.ok).toBe(true);
    await new Promise<void>((resolve) => {
      const stop = useStatusStore.subscribe((s) => s.appStatus?.till.name === 'Caisse 7' && (stop(), resolve()));
      if (useStatusStore.getState().appStatus?.till.name === 'Caisse 7') resolve();
    });
    expect(tillLine(useStatusStore.getState().appStatus?.till, tr('fr'))?.text).toBe('Caisse 7 · Registre partagé joignable');
  });

  it('an empty URL removes the saved one; the renderer never keeps what was typed', async () => {
    core.on('till:setLedgerUrl', () => ({ ok: true, value: view({}) }));
    await saveLedgerUrl('  ');
    expect(core.last('till:setLedgerUrl')).toEqual({ url: null });
    await saveLedgerUrl('postgres://pos:pw@db:5432/shop');
    expect(core.last('till:setLedgerUrl')).toEqual({ url: 'postgres://pos:pw@db:5432/shop' });
    expect(JSON.stringify(useStatusStore.getState())).not.toContain('pw@');
  });
});
