import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsPatch } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { SettingsBackend } from '../platform/ports';

/**
 * Settings live in electron-store (Electron) or conf (browser host): the same JSON file. A file
 * edited by hand or written by an older version is read field by field, falling back to the
 * default for any field that does not validate, so a typo never stops the till.
 */
export class SettingsService {
  constructor(private readonly backend: SettingsBackend) {}

  get(): Settings {
    const raw = this.backend.store ?? {};
    const whole = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...raw });
    if (whole.success) return whole.data;
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    const shape = settingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
    for (const [k, field] of Object.entries(shape)) {
      if (!(k in raw)) continue;
      const r = field.safeParse((raw as Record<string, unknown>)[k]);
      if (r.success) merged[k] = r.data;
    }
    return settingsSchema.parse(merged);
  }

  update(patch: SettingsPatch): Settings {
    const current = this.get();
    const next = { ...current, ...patch, shop: { ...current.shop, ...(patch.shop ?? {}) } };
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      throw new AppError('INVALID_INPUT', `${field}: ${issue?.message ?? 'invalid value'}`, { field });
    }
    this.backend.store = parsed.data as unknown as Record<string, unknown>;
    return parsed.data;
  }
}
