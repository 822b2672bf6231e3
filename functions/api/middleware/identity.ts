// Reads the caller's ID token (Authorization: Bearer, else the session cookie) and verifies it.

import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../../shared/errors.ts';
import type { Deps } from '../../deps.ts';
import { sessionCookieName } from '../../http-policy.ts';
import type { AppEnv } from './request-context.ts';

export const identity = (deps: Deps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const cookie = getCookie(c, sessionCookieName(deps.config.secureCookies));
    // A browser sends the cookie even when a script adds a header: CSRF rules follow the cookie.
    c.set('viaCookie', cookie !== undefined);
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const token = bearer ?? cookie;
    if (header && !bearer) {
      c.set(
        'authError',
        new DomainError('auth.unauthenticated', 'Header Authorization harus berbentuk "Bearer <token>".'),
      );
    } else if (token) {
      try {
        const principal = await deps.auth.verifier.verify(token);
        c.set('principal', principal);
        c.set('ctx', {
          ...c.var.ctx,
          actor: { id: principal.employeeId ?? `akun:${principal.subject}`, nama: principal.nama },
        });
      } catch (error) {
        c.set(
          'authError',
          error instanceof DomainError
            ? error
            : new DomainError('auth.unauthenticated', 'Token tidak valid.'),
        );
      }
    }
    await next();
  });
