// Builds the OpenAPI 3.1 document from the route specs with zod's own JSON Schema output (OpenAPI 3.1 = JSON Schema 2020-12).

import * as z from 'zod';
import { problemSchema } from '../../shared/contract/common.ts';
import type { Route } from './route-kit.ts';

type Json = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';

/** Converts one schema; named sub-schemas (`.meta({ id })`) move to `components` and are referenced. */
function convert(schema: z.ZodType, io: 'input' | 'output', components: Record<string, unknown>): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  const { $defs, $schema: _dialect, ...root } = json as Json & { $defs?: Record<string, unknown> };
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          key === '$ref' && typeof inner === 'string'
            ? inner.replace('#/$defs/', COMPONENTS)
            : rewrite(inner),
        ]),
      );
    }
    return value;
  };
  for (const [name, def] of Object.entries($defs ?? {})) components[name] ??= rewrite(def);
  const id = z.globalRegistry.get(schema)?.id;
  if (id) {
    components[id] ??= rewrite(root);
    return { $ref: `${COMPONENTS}${id}` };
  }
  return rewrite(root) as Json;
}

function parameters(
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
  components: Record<string, unknown>,
) {
  if (!schema) return [];
  const json = convert(schema, 'input', components) as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

export function openApiDocument(
  routes: readonly Route[],
  info: { title: string; version: string; description: string },
) {
  const components: Record<string, unknown> = {};
  const problemRef = convert(problemSchema, 'output', components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { spec } of routes) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const body = spec.body;
    paths[path] ??= {};
    (paths[path] as Json)[spec.method] = {
      summary: spec.summary,
      tags: spec.tags,
      operationId: `${spec.method}${path.replace(/[^A-Za-z0-9]+/g, '_')}`,
      parameters: [
        ...parameters(spec.params, 'path', components),
        ...parameters(spec.query, 'query', components),
      ],
      ...(body
        ? {
            requestBody: {
              required: true,
              content:
                body === 'text/csv'
                  ? { 'text/csv': { schema: { type: 'string' } } }
                  : { 'application/json': { schema: convert(body, 'input', components) } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(spec.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            content: response.schema
              ? { 'application/json': { schema: convert(response.schema, 'output', components) } }
              : { 'application/problem+json': { schema: problemRef } },
          },
        ]),
      ),
    };
  }
  return { openapi: '3.1.0', info, servers: [{ url: '/' }], paths, components: { schemas: components } };
}
