/**
 * The shop's PostgreSQL server, as given by POS_DATABASE_URL or the owner's settings. Checked
 * before use; its password is a secret: never logged, never shown back (redactedUrl is).
 */
export function sharedLedgerUrlOrThrow(name: string, raw: string | undefined | null): string | null {
  const text = raw?.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name} must be a postgres://user:password@host:port/database URL`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error(`${name} must start with postgres:// or postgresql://`);
  if (url.hostname === '' || url.pathname.length <= 1) throw new Error(`${name} must name a host and a database`);
  if (text.length > 2000) throw new Error(`${name} is too long`);
  return text;
}

/** The URL without its password, for the owner's screen and the logs. */
export function redactedUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '****';
  return u.toString();
}
