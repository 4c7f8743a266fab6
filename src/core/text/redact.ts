/** What a hidden credential shows as. */
export const REDACTED = '***';

/** `scheme://userinfo@`: the userinfo runs to the last `@` before the path, so a raw `@` in a password is covered. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#'"<>]*)@/gi;

/** Schemes whose user name is an account (`ssh://git@host`), not a secret. */
const ACCOUNT_SCHEMES = /^(ssh|git\+ssh|ssh\+git):\/\/$/i;

/** Shorter than this, a "secret" would also match ordinary words; such a credential is still hidden inside URLs. */
const MIN_SECRET = 4;

/**
 * Hides credentials in text that may quote a remote's address: in every URL the password (`https://user:token@host`
 * becomes `https://user:***@host`) or a user name that is itself a token (`https://token@host`), and anywhere in the
 * text each of `secrets` (see `secretsOf`), so a message that quotes a token outside a URL hides it too. Every
 * message, error and log line about a sync remote goes through this one function.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(URL_USERINFO, (_match, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    if (colon >= 0) return `${scheme}${userinfo.slice(0, colon)}:${REDACTED}@`;
    return ACCOUNT_SCHEMES.test(scheme) ? `${scheme}${userinfo}@` : `${scheme}${REDACTED}@`;
  });
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= MIN_SECRET) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** The credentials written into a URL (the password, or a user name that is a token), as written and decoded. */
export function secretsOf(url: string): string[] {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^\s/?#]*)@/i.exec(url);
  if (!match) return [];
  const [, scheme = '', userinfo = ''] = match;
  const colon = userinfo.indexOf(':');
  const secret = colon >= 0 ? userinfo.slice(colon + 1) : ACCOUNT_SCHEMES.test(scheme) ? '' : userinfo;
  if (secret === '') return [];
  let decoded = secret;
  try {
    decoded = decodeURIComponent(secret);
  } catch {
    // Not percent-encoded text: the raw form is the one that can appear.
  }
  return [...new Set([secret, decoded])];
}
