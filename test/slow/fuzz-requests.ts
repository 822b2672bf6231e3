// One operation of the OpenAPI document → an arbitrary HTTP request: path parameters (real ids or not,
// encoded or raw), query, headers (who calls, how) and a body (shaped, mutated, malformed, mislabelled, huge).

import fc from 'fast-check';
import { APPROVAL_TOKEN_HEADER } from '../../shared/contract/mail.ts';
import { bodyArb } from './fuzz-bodies.ts';
import { callerArb, callerHeaders } from './fuzz-callers.ts';
import {
  fuzzedValue,
  type JsonSchema,
  mutant,
  oddStrings,
  type SchemaWorld,
  schemaArb,
} from './fuzz-inputs.ts';
import type { FuzzWorld, Pools } from './fuzz-world.ts';

export interface Operation {
  method: string;
  /** The OpenAPI path template, e.g. `/api/units/{id}`. */
  path: string;
  parameters: { name: string; in: string; required: boolean; schema: JsonSchema }[];
  /** The request body's media type and schema, if it takes one. */
  body?: { type: string; schema: JsonSchema };
}

export interface FuzzCase {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

/** Every operation the document lists, in its order. */
export function operationsOf(doc: Doc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      const [type, media] = Object.entries(content ?? {})[0] ?? [];
      return {
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []) as Operation['parameters'],
        ...(type && media ? { body: { type, schema: media.schema } } : {}),
      };
    }),
  );
}

const ULID_PATTERN = '^[0-9A-HJKMNP-TV-Z]{26}$';

/** Which pool a field or parameter of this name draws real values from. */
const poolByName: Record<string, string> = {
  employeeid: 'employee',
  penilaioverrideid: 'employee',
  atasanpenilaioverrideid: 'employee',
  actorid: 'actor',
  unitid: 'unit',
  parentid: 'unit',
  positionid: 'position',
  periodid: 'period',
  skpid: 'skp',
  ikuid: 'iku',
  rhkid: 'rhk',
  ikiid: 'iki',
  windowkey: 'windowKey',
  email: 'email',
  token: 'token',
  stream: 'stream',
  cursor: 'cursor',
  month: 'month',
  kode: 'kode',
  nip: 'nip',
  name: 'eml',
  'perilaku{}': 'berakhlak',
  'rhk{}': 'rhk',
};

export function schemaWorld(doc: Doc, pools: Pools): SchemaWorld {
  const anyId = [
    ...(pools.employee ?? []),
    ...(pools.unit ?? []),
    ...(pools.period ?? []),
    ...(pools.rhk ?? []),
    ...(pools.iku ?? []),
  ];
  return {
    components: doc.components?.schemas ?? {},
    real: (name, schema) => {
      const pool = pools[poolByName[name.toLowerCase()] ?? ''];
      if (pool && pool.length > 0) return pool;
      return schema.pattern === ULID_PATTERN || name === 'id' ? anyId : [];
    },
  };
}

/** The pool for a path parameter: `id` means whatever the path is about. */
function pathPool(path: string, name: string, pools: Pools): readonly string[] {
  if (name === 'id') {
    const about = /^\/api\/(units|employees|periods|mail\/messages)\//.exec(path)?.[1];
    const pool = { units: 'unit', employees: 'employee', periods: 'period', 'mail/messages': 'outbox' }[
      about ?? ''
    ];
    return pools[pool ?? 'employee'] ?? [];
  }
  if (name === 'email') return [...(pools.undeliverable ?? []), ...(pools.email ?? [])];
  return pools[poolByName[name.toLowerCase()] ?? ''] ?? [];
}

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? '');

type Encoding = 'uri' | 'raw' | 'double';

function encodePart(value: string, how: Encoding): string {
  try {
    if (how === 'uri') return encodeURIComponent(value);
    if (how === 'double') return encodeURIComponent(encodeURIComponent(value));
  } catch {
    // A lone surrogate cannot be percent-encoded: send it raw, the URL parser replaces it.
  }
  return value;
}

interface PathChoice {
  /** Parameter values before encoding. */
  params: Record<string, string>;
  encoding: Encoding;
}

/** Path parameters: half the time all real (a consistent employee/SKP pair where both appear), else mixed. */
function pathArb(op: Operation, world: SchemaWorld, pools: Pools): fc.Arbitrary<PathChoice> {
  const inPath = op.parameters.filter((p) => p.in === 'path');
  const real = Object.fromEntries(inPath.map((p) => [p.name, pathPool(op.path, p.name, pools)]));
  const fromPool = (name: string) => {
    const pool = real[name] ?? [];
    return pool.length > 0 ? fc.constantFrom(...pool) : fc.constant('');
  };
  const mixed = Object.fromEntries(
    inPath.map((p) => [
      p.name,
      fc.oneof(
        { weight: 3, arbitrary: fromPool(p.name) },
        { weight: 2, arbitrary: schemaArb(p.schema, world, 'valid', p.name).map(asText) },
        { weight: 2, arbitrary: mutant(p.schema, world, p.name).map(asText) },
        { weight: 1, arbitrary: fc.constantFrom(...oddStrings) },
      ),
    ]),
  );
  const allReal = Object.fromEntries(inPath.map((p) => [p.name, fromPool(p.name)]));
  const pairs = pools.skpPair ?? [];
  const pair =
    op.path.includes('{skpId}') && pairs.length > 0 ? fc.constantFrom(...pairs) : fc.constant(null);
  const consistent = fc.tuple(fc.record(allReal), pair).map(([params, skpPair]) => {
    const [id, skpId] = skpPair?.split('/') ?? [];
    return id && skpId ? { ...params, id, skpId } : params;
  });
  return fc.record({
    params: fc.oneof(consistent, fc.record(mixed)),
    encoding: fc.oneof(
      { weight: 6, arbitrary: fc.constant<Encoding>('uri') },
      { weight: 1, arbitrary: fc.constantFrom<Encoding>('raw', 'double') },
    ),
  });
}

function encodePath(template: string, { params, encoding }: PathChoice): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => encodePart(params[name] ?? '', encoding));
}

const queryJunk = [
  '',
  '',
  '',
  '&',
  '&&=&',
  '&%',
  '&a=%E0%A4%A',
  '&q=%00',
  '&limit=1&limit=2',
  '&x[y]=1',
  '&__proto__=1',
];

function queryArb(op: Operation, world: SchemaWorld): fc.Arbitrary<string> {
  const inQuery = op.parameters.filter((p) => p.in === 'query');
  const values = inQuery.map((p) =>
    fc.option(
      fuzzedValue(p.schema, world, p.name).map((v) => [p.name, v] as const),
      { freq: p.required ? 12 : 2, nil: null },
    ),
  );
  const extra = fc.array(
    fc.tuple(
      fc.constantFrom('limit', 'cursor', 'q', 'periodId', 'extra', 'constructor'),
      fc.constantFrom(...oddStrings),
    ),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...values), extra, fc.constantFrom(...queryJunk)).map(([chosen, more, junk]) => {
    const search = new URLSearchParams();
    for (const entry of chosen) {
      if (!entry) continue;
      const [name, value] = entry;
      for (const item of Array.isArray(value) ? value : [value]) search.append(name, asText(item));
    }
    for (const [name, value] of more) search.append(name, value);
    const text = `${search.toString()}${junk}`;
    return text ? `?${text}` : '';
  });
}

/** Header values must be bytes without line breaks; odd text is flattened the way a proxy would refuse it. */
const headerSafe = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

/** The approval-link token travels in a header the document names only in the route's summary. */
function approvalTokenArb(op: Operation, pools: Pools): fc.Arbitrary<string | null> {
  if (!op.path.startsWith('/api/email-approvals')) return fc.constant(null);
  const tokens = pools.token ?? [];
  return fc.option(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(tokens.length > 0 ? tokens : ['x'])) },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{43}$/) },
      { weight: 1, arbitrary: fc.constantFrom(...oddStrings) },
    ),
    { freq: 6 },
  );
}

/** Now and then another method on the route's path: it must be refused as cleanly as bad input. */
const methodArb = (method: string) =>
  fc.oneof(
    { weight: 24, arbitrary: fc.constant(method) },
    { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') },
  );

export function requestArb(op: Operation, fuzz: FuzzWorld, world: SchemaWorld): fc.Arbitrary<FuzzCase> {
  const config = fuzz.t.deps.config;
  return fc
    .record({
      method: methodArb(op.method),
      path: pathArb(op, world, fuzz.pools),
      query: queryArb(op, world),
      caller: callerArb,
      body: bodyArb(op.method, op.body, world, fuzz.pools, config),
      approvalToken: approvalTokenArb(op, fuzz.pools),
      forwardedFor: fc.option(fc.nat({ max: 2 ** 24 - 1 }), { freq: 6 }),
    })
    .map(({ method, path, query, caller, body: chosen, approvalToken, forwardedFor: ip }) => {
      // fetch cannot send a body with GET.
      const body = method === 'GET' ? {} : chosen;
      const aboutId = op.path.startsWith('/api/employees/{id}') ? path.params.id : undefined;
      const headers = callerHeaders(fuzz, caller, aboutId);
      // A fresh client address per case keeps the sign-in and link rate limits from answering for the route.
      if (ip !== null) headers['x-forwarded-for'] = `10.${ip >> 16}.${(ip >> 8) & 255}.${ip & 255}`;
      if (approvalToken !== null) headers[APPROVAL_TOKEN_HEADER] = headerSafe(approvalToken);
      if (body.type) headers['content-type'] = body.type;
      return {
        method,
        url: `${encodePath(op.path, path)}${query}`,
        headers,
        ...(body.body !== undefined ? { body: body.body } : {}),
      };
    });
}
