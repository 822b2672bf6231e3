// Where the sign-in page lives, and which page to return to after signing in (same-origin paths only).

export const SIGN_IN_PATH = '/masuk/';

export const onSignInPage = (pathname: string = location.pathname): boolean =>
  pathname === SIGN_IN_PATH || pathname === '/masuk';

/** `/masuk/?next=<path and query>`; slashes stay readable (`?next=/`), everything else is escaped. */
export function signInHref(next: string = location.pathname + location.search): string {
  if (onSignInPage(next.split('?')[0])) return SIGN_IN_PATH;
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(next).replace(/%2F/g, '/')}`;
}

/**
 * The page to open after signing in: `?next=` if it is a path on this origin (never `//host`, `/\host` or
 * another scheme, which would send the person elsewhere), else the home page. Never the sign-in page itself.
 */
export function safeNextPath(raw: string | null, origin: string = location.origin): string {
  if (!raw?.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return '/';
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || onSignInPage(url.pathname)) return '/';
  return url.pathname + url.search + url.hash;
}
