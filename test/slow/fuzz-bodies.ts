// Request bodies: JSON shaped by the route's schema (valid or mutated), malformed JSON, JSON under the wrong
// media type, bodies over the size limit, none at all — and CSV for the import.

import fc from 'fast-check';
import { csvBody } from './fuzz-csv.ts';
import { fuzzedValue, type JsonSchema, type SchemaWorld } from './fuzz-inputs.ts';
import type { Pools } from './fuzz-world.ts';

export interface Body {
  body?: string;
  type?: string;
}

const MALFORMED_JSON = [
  '',
  '{',
  '{"version":',
  'nul',
  "{'a':1}",
  '{"version":1,}',
  '{"a":1}{"b":2}',
  '[1,2',
  '\u0000',
  '"\\ud800"',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '{"version":1,"version":"x"}',
];

const WRONG_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'application/xml',
  'APPLICATION/JSON',
  'application/problem+json',
  'application/json; charset=latin1',
];

function jsonBody(schema: JsonSchema | undefined, world: SchemaWorld, maxBytes: number): fc.Arbitrary<Body> {
  const value = schema ? fuzzedValue(schema, world) : fc.jsonValue({ maxDepth: 3 });
  const json = (v: unknown) => JSON.stringify(v) ?? 'null';
  return fc.oneof(
    { weight: 16, arbitrary: value.map((v) => ({ body: json(v), type: 'application/json' })) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...MALFORMED_JSON).map((body) => ({ body, type: 'application/json' })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(value, fc.constantFrom(...WRONG_TYPES))
        .map(([v, type]) => ({ body: json(v), type })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({ body: json({ x: 'x'.repeat(maxBytes) }), type: 'application/json' }),
    },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

/** The body for an operation: what it declares, or (for a write that takes none) mostly nothing. */
export function bodyArb(
  method: string,
  declared: { type: string; schema: JsonSchema } | undefined,
  world: SchemaWorld,
  pools: Pools,
  limits: { MAX_BODY_BYTES: number; MAX_IMPORT_BYTES: number },
): fc.Arbitrary<Body> {
  // fetch cannot send a body with GET or HEAD.
  if (method === 'GET' || method === 'HEAD') return fc.constant({});
  if (declared?.type === 'text/csv') return csvBody(pools, limits.MAX_IMPORT_BYTES);
  if (declared) return jsonBody(declared.schema, world, limits.MAX_BODY_BYTES);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: jsonBody(undefined, world, limits.MAX_BODY_BYTES) },
  );
}
