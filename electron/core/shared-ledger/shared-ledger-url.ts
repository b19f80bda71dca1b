/** Why a text is not a usable shop server URL (the owner's screen says it in their language). */
export type SharedLedgerUrlProblem = 'NOT_A_URL' | 'NOT_POSTGRES' | 'NO_HOST_OR_DATABASE' | 'TOO_LONG';

export function sharedLedgerUrlProblem(text: string): SharedLedgerUrlProblem | null {
  if (text.length > 2000) return 'TOO_LONG';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'NOT_A_URL';
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return 'NOT_POSTGRES';
  if (url.hostname === '' || url.pathname.length <= 1) return 'NO_HOST_OR_DATABASE';
  return null;
}

const MESSAGES: Record<SharedLedgerUrlProblem, string> = {
  NOT_A_URL: 'must be a postgres://user:password@host:port/database URL',
  NOT_POSTGRES: 'must start with postgres:// or postgresql://',
  NO_HOST_OR_DATABASE: 'must name a host and a database',
  TOO_LONG: 'is too long',
};

/**
 * The shop's PostgreSQL server, as given by POS_DATABASE_URL or the owner's settings. Checked
 * before use; its password is a secret: never logged, never shown back (redactedUrl is), and never
 * quoted in an error.
 */
export function sharedLedgerUrlOrThrow(name: string, raw: string | undefined | null): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const problem = sharedLedgerUrlProblem(text);
  if (problem) throw new Error(`${name} ${MESSAGES[problem]}`);
  return text;
}

/** The URL without its password, for the owner's screen and the logs. */
export function redactedUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '****';
  return u.toString();
}
