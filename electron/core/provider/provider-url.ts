/**
 * The one rule for a provider base URL (ONECLICKDZ_API_URL, POS_TRAINING_API_URL), shared by the
 * Electron launch config and the browser host's options: the till sends its API key in
 * `X-Access-Token` to this URL, so it must be https, except to this machine itself (a simulator or
 * a test server on loopback, which never crosses a network). Pure, no I/O.
 */

export type ProviderUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/** 127.0.0.0/8, ::1 and the name localhost, as the WHATWG URL parser normalises them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  // The parser turns 127.1, 0x7f.0.0.1 … into dotted decimal, so one pattern covers them.
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4[1] === '127' && v4.slice(2).every((part) => Number(part) <= 255);
}

/**
 * Checks and normalises a provider base URL (no trailing slash). Refused: anything not http(s),
 * plain http to a host other than loopback, and URLs carrying a user name or password.
 */
export function checkProviderUrl(raw: string): ProviderUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'must be https' };
  if (url.username || url.password) return { ok: false, reason: 'must not carry a user name or password' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, reason: 'must be https (plain http is allowed only to 127.0.0.1, ::1 or localhost)' };
  }
  return { ok: true, url: url.href.replace(/\/$/, '') };
}

/** For hosts that fail loudly on a bad setting: undefined when unset, else the checked URL or a throw. */
export function providerUrlOrThrow(name: string, raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined;
  const checked = checkProviderUrl(raw);
  if (!checked.ok) throw new Error(`${name} ${checked.reason}`);
  return checked.url;
}
