// Declares a route once — method, path, zod schemas, responses — for both the Hono handler and the OpenAPI document.

import type { Context, Hono } from 'hono';
import type * as z from 'zod';
import { DomainError } from '../../shared/errors.ts';
import type { Deps } from '../deps.ts';
import { type Access, authorize } from '../services/access-service.ts';
import { validationError } from './http-errors.ts';
import type { AppEnv } from './middleware/request-context.ts';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface ResponseSpec {
  description: string;
  /** Absent for problem+json refusals. */
  schema?: z.ZodType;
}

export interface RouteSpec {
  method: Method;
  /** Full Hono path, e.g. `/api/units/:id`. */
  path: string;
  summary: string;
  tags: string[];
  /** Who may call it (services/access-service.ts); checked after the path is parsed, before anything else. */
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  /** A JSON body, or `'text/csv'` for a raw CSV body read by the handler. */
  body?: z.ZodType | 'text/csv';
  responses: Record<number, ResponseSpec>;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<S extends RouteSpec> {
  params: Out<S['params']>;
  query: Out<S['query']>;
  body: S['body'] extends z.ZodType ? z.output<S['body']> : S['body'] extends 'text/csv' ? string : undefined;
}

export interface Route<S extends RouteSpec = RouteSpec> {
  spec: S;
  handle: (c: Context<AppEnv>, input: RouteInput<S>) => Response | Promise<Response>;
}

export const defineRoute = <const S extends RouteSpec>(
  spec: S,
  handle: (c: Context<AppEnv>, input: RouteInput<S>) => Response | Promise<Response>,
): Route => ({ spec, handle: handle as Route['handle'] });

const parseWith = (schema: z.ZodType | undefined, value: unknown, where: string) => {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error.issues, where);
  return result.data;
};

async function readBody(c: Context<AppEnv>, body: RouteSpec['body']): Promise<unknown> {
  if (body === undefined) return undefined;
  if (body === 'text/csv') return c.req.text();
  try {
    return parseWith(body, await c.req.json(), 'formulir');
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new DomainError('request.malformed_json', 'Isi permintaan bukan JSON yang valid.');
    }
    throw error;
  }
}

/**
 * Registers routes on a Hono app: the path is parsed, the caller authorized, then query and body validated —
 * so nobody learns the validation rules of a route they may not call.
 */
export function mountRoutes(app: Hono<AppEnv>, deps: Deps, routes: readonly Route[]): void {
  for (const { spec, handle } of routes) {
    app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const params = parseWith(spec.params, c.req.param(), 'alamat');
      if (spec.access !== 'public' && c.var.authError) throw c.var.authError;
      await authorize(deps, c.var.principal, spec.access, (params ?? {}) as Record<string, string>);
      const query = parseWith(spec.query, c.req.query(), 'parameter');
      const body = await readBody(c, spec.body);
      return handle(c, { params, query, body } as RouteInput<RouteSpec>);
    });
  }
}
