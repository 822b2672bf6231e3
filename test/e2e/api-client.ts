// The API as a script calls it in the e2e tests: each person signs in through the development sign-in
// (POST /api/dev/session) and their Bearer token goes with every call made as them; JSON in and out.

import { expect } from 'vitest';

export interface ApiResponse<T> {
  status: number;
  body: T;
}

/** What the development sign-in answers. */
export interface DevSession {
  token: string;
  employeeId: string;
}

export interface ApiClient {
  /** Signs `email` in (the answer must be 200) and keeps their token for the calls made as them. */
  signIn(email: string): Promise<DevSession>;
  /** A call as `email` (signed in before), whatever the status. */
  call<T>(email: string, method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
  /** A call as `email` that must succeed (status below 300); its body. */
  ok<T>(email: string, method: string, path: string, body?: unknown): Promise<T>;
}

/** `baseUrl` is read at each call: the stack starts after the test file has made its client. */
export function createApiClient(baseUrl: () => string): ApiClient {
  const tokens = new Map<string, string>();

  async function request<T>(
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    const response = await fetch(baseUrl() + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  function tokenOf(email: string): string {
    const token = tokens.get(email);
    if (!token) throw new Error(`${email} belum masuk: panggil signIn('${email}') lebih dulu.`);
    return token;
  }

  const call = <T>(email: string, method: string, path: string, body?: unknown) =>
    request<T>(tokenOf(email), method, path, body);

  return {
    async signIn(email) {
      const session = await request<DevSession>(null, 'POST', '/api/dev/session', { email });
      expect(session.status, `sign-in ${email}`).toBe(200);
      tokens.set(email, session.body.token);
      return session.body;
    },
    call,
    async ok<T>(email: string, method: string, path: string, body?: unknown) {
      const result = await call<T>(email, method, path, body);
      expect(result.status, `${method} ${path}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
      return result.body;
    },
  };
}

/** The API path of one SKP. */
export const skpPath = (skp: { employeeId: string; id: string }) =>
  `/api/employees/${skp.employeeId}/skp/${skp.id}`;
