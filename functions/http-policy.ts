// HTTP facts shared by the app, the local server and the CDK stack: cookie names, public routes, site headers.

/** Session cookie holding the ID token; `__Host-` (Secure, path /, no domain) wherever HTTPS is used. */
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-piawai_session' : 'piawai_session');
/** Double-submit CSRF cookie, readable by the site's scripts (not httpOnly). */
export const csrfCookieName = (secure: boolean) => (secure ? '__Host-piawai_csrf' : 'piawai_csrf');
export const CSRF_HEADER = 'x-csrf-token';

/**
 * API routes that need no signed-in user. The HTTP API gives exactly these routes no JWT authorizer; every
 * other route is checked at the gateway and again in the app. A test keeps this list equal to the routes
 * the app declares `public`.
 */
export const publicApiRoutes = [
  { method: 'GET', path: '/api/health' },
  { method: 'GET', path: '/api/openapi.json' },
  { method: 'GET', path: '/api/auth/login' },
  { method: 'GET', path: '/api/auth/callback' },
  { method: 'POST', path: '/api/auth/logout' },
  // The approval link is the credential (bound to one approver, SKP version and action; single use).
  { method: 'GET', path: '/api/email-approvals/preview' },
  { method: 'POST', path: '/api/email-approvals/decision' },
  // The page behind a document's QR code: anyone holding the printout may check it.
  { method: 'GET', path: '/api/documents/:id/verification' },
] as const;

/** The site runs no inline script or style and loads nothing from another origin. */
export const siteContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const HSTS = 'max-age=63072000; includeSubDomains; preload';
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
