// The signed-in person (GET /api/me), asked once per page and shared by the header and the page's script.

import { ApiError, api, type Me } from './api.ts';

let me: Promise<Me | null> | undefined;

/**
 * Pages marked `data-sign-in="optional"` on <body> (sign-in, API reference, 404) are open to everyone:
 * there a 401 just means "nobody" (null). Elsewhere a 401 opens the sign-in page and this never settles.
 */
export function currentPerson(): Promise<Me | null> {
  const optional = document.body.dataset.signIn === 'optional';
  me ??= api.me(optional ? 'throw' : 'sign-in').catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  });
  return me;
}

export const isAdmin = (person: Me | null): boolean => person?.adminScope != null;
