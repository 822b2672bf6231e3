// The double-submit CSRF token: the API sets it in a readable cookie, writes echo it in `x-csrf-token`.

/** `__Host-` in AWS (HTTPS), plain locally (functions/http-policy.ts). */
const CSRF_COOKIES = ['__Host-piawai_csrf', 'piawai_csrf'];
export const CSRF_HEADER = 'x-csrf-token';

export function csrfToken(cookies: string = document.cookie): string | null {
  const jar = new Map(
    cookies
      .split(';')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
      }),
  );
  for (const name of CSRF_COOKIES) {
    const value = jar.get(name);
    if (value) return decodeURIComponent(value);
  }
  return null;
}
