// Refuses bodies that are too large or not JSON before any handler reads them.

import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../../shared/errors.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

export const jsonOnly = (except: (path: string) => boolean) =>
  createMiddleware(async (c, next) => {
    const hasBody = c.req.raw.body !== null && c.req.header('content-length') !== '0';
    if (WRITES.has(c.req.method) && hasBody && !except(c.req.path)) {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/(.+\+)?json\b/i.test(type)) {
        throw new DomainError(
          'request.unsupported_media_type',
          'Kirim isi permintaan sebagai application/json.',
        );
      }
    }
    await next();
  });

export const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new DomainError('request.too_large', `Isi permintaan melebihi ${Math.round(maxSize / 1024)} KB.`);
    },
  });
