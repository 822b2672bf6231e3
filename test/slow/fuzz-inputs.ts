// JSON Schema (as the OpenAPI document gives it) → fast-check arbitraries: values shaped by the schema, the
// same with mutations (wrong types, out-of-range numbers, missing and extra fields, odd text), and garbage.

import fc from 'fast-check';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
}

export interface SchemaWorld {
  components: Record<string, JsonSchema>;
  /** Real values (ids of seeded records, window keys, link tokens…) for a field of this name; [] if none. */
  real: (name: string, schema: JsonSchema) => readonly string[];
}

/** 'valid' keeps to the schema (as far as a generator can); 'mutate' breaks one node in ten. */
type Mode = 'valid' | 'mutate';

/** Text that has hurt parsers, key builders, CSV and HTML renderers, and URL handling before. */
export const oddStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  '\t\r\n',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '../../../etc/passwd',
  '%',
  '%00',
  '%E0%A4%A',
  '\uD800',
  '\uDFFFx',
  '\u202Eevil',
  '=HYPERLINK("http://x")',
  '@SUM(A1)',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '$' + '{jndi:ldap://x}',
  'null',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '[]',
  '{}',
  'EMP#',
  'EMP#01HZZZZZZZZZZZZZZZZZZZZZZZ|PROFILE',
  '#|#',
  '👩‍👩‍👧‍👦',
  '𝕿𝖊𝖘𝖙',
  'ÅÍÎÏ˝ÓÔ',
  '01HZZZZZZZZZZZZZZZZZZZZZZZ',
  '00000000000000000000000000',
  '7ZZZZZZZZZZZZZZZZZZZZZZZZZ',
  '01hzzzzzzzzzzzzzzzzzzzzzzz',
  '2025-02-29',
  '2025-13-01',
  '0000-01-01',
  '9999-12-31',
  '2025-04-06T25:00:00Z',
  'EVALUASI_PERIODIK-9999-99-99',
  'PENYUSUNAN_SKP-2025-01-01',
  'x'.repeat(5000),
];

const refName = (ref: string) => ref.split('/').pop() ?? ref;

export function resolve(schema: JsonSchema, world: SchemaWorld): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops += 1) {
    current = world.components[refName(current.$ref)] ?? {};
  }
  return current;
}

const typesOf = (s: JsonSchema): string[] =>
  Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];

const day = (d: Date) => d.toISOString().slice(0, 10);
/** Dates the format allows that calendars and date arithmetic rarely meet. */
const EXTREME_DATES = ['0000-01-01', '0001-01-01', '1900-02-28', '2024-02-29', '2100-02-28', '9999-12-31'];
const dates = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .date({ min: new Date('2024-06-01'), max: new Date('2026-06-30'), noInvalidDate: true })
      .map(day),
  },
  { weight: 1, arbitrary: fc.constantFrom(...EXTREME_DATES) },
);
const dateTimes = fc
  .tuple(
    dates,
    fc.constantFrom('T00:00:00Z', 'T23:59:59.999Z', 'T12:00:00+07:00', 'T23:59:59-12:00', 'T00:00:00+14:00'),
  )
  .map(([d, time]) => `${d}${time}`);

function text(min: number, max: number): fc.Arbitrary<string> {
  const short = Math.min(max, min + 40);
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: short }) },
    {
      weight: 2,
      arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, min + 20) }),
    },
    { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: max }) },
  );
}

function shapedString(s: JsonSchema, name: string, world: SchemaWorld): fc.Arbitrary<string> {
  const shaped =
    s.format === 'date'
      ? dates
      : s.format === 'date-time'
        ? dateTimes
        : s.format === 'uri'
          ? fc.webUrl()
          : s.pattern
            ? fc.stringMatching(new RegExp(s.pattern))
            : text(s.minLength ?? 0, s.maxLength ?? 200);
  const real = world.real(name, s);
  return real.length > 0
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: shaped })
    : shaped;
}

function shapedNumber(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? -1_000_000;
  const max = Math.min(s.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
  // Versions, counts and days are small in practice: mostly stay near the lower bound.
  const near = fc.integer({ min, max: Math.min(max, min + 5) });
  const any = integer
    ? fc.integer({ min, max })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ weight: 3, arbitrary: near }, { weight: 1, arbitrary: any });
}

function shapedObject(s: JsonSchema, world: SchemaWorld, mode: Mode, name: string, depth: number) {
  const props = Object.entries(s.properties ?? {});
  if (props.length === 0 && typeof s.additionalProperties === 'object') {
    const keyName = `${name}{}`;
    const keySchema = s.propertyNames ?? { type: 'string' };
    const keys = fc.oneof(
      shapedString(keySchema, keyName, world),
      fc.constantFrom(...oddStrings.slice(0, 12)),
    );
    return fc.dictionary(keys, schemaArb(s.additionalProperties, world, mode, name, depth + 1), {
      maxKeys: 6,
    });
  }
  const model = Object.fromEntries(props.map(([key, p]) => [key, schemaArb(p, world, mode, key, depth + 1)]));
  const requiredKeys = (s.required ?? []).filter((key) => key in model);
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
}

function shaped(
  schema: JsonSchema,
  world: SchemaWorld,
  mode: Mode,
  name: string,
  depth: number,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, world);
  if (depth > 8) return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => schemaArb(b, world, mode, name, depth + 1)));
  if (s.allOf?.[0]) return schemaArb(s.allOf[0], world, mode, name, depth + 1);
  const types = typesOf(s);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return shapedString(s, name, world);
        case 'integer':
        case 'number':
          return shapedNumber(s, type === 'integer');
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array':
          return fc.array(schemaArb(s.items ?? {}, world, mode, name, depth + 1), {
            minLength: s.minItems ?? 0,
            maxLength: Math.min(s.maxItems ?? 5, (s.minItems ?? 0) + 4),
          });
        default:
          return shapedObject(s, world, mode, name, depth);
      }
    }),
  );
}

/** Values that break the schema at this node: the wrong type, one past a bound, a field too few or too many. */
export function mutant(schema: JsonSchema, world: SchemaWorld, name = '', depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, world);
  const valid = shaped(s, world, 'valid', name, depth);
  const wrong: fc.Arbitrary<unknown>[] = [
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(-1, 0, 0.5, -0, 2 ** 53 + 2, 1e308, -1e308),
    fc.constantFrom(...oddStrings),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom([], {}, [null], { '': '' }),
    fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
    valid.map((v) => [v]),
    valid.map((v) => JSON.stringify(v) ?? ''),
  ];
  const types = typesOf(s);
  if (types.includes('string') || s.enum) {
    const max = s.maxLength ?? 300;
    wrong.push(
      fc.constant('a'.repeat(max + 1)),
      fc.constant('a'.repeat(Math.max(0, (s.minLength ?? 1) - 1))),
      valid.map((v) => (typeof v === 'string' ? ` ${v} ` : v)),
      valid.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)),
      valid.map((v) => (typeof v === 'string' ? `${v}\u0000` : v)),
      // Text that is valid but for a lone surrogate (JSON carries it as "\ud800"; it is not valid UTF-8).
      valid.map((v) => (typeof v === 'string' ? `${v.slice(0, -1)}\uD800` : v)),
      fc.constantFrom(...world.real('', s), 'x'),
    );
  }
  if (types.includes('integer') || types.includes('number')) {
    const bounds = [s.minimum, s.maximum].filter((b): b is number => typeof b === 'number');
    wrong.push(fc.constantFrom(...bounds.flatMap((b) => [b - 1, b + 1, b + 0.5, String(b)]), 1.5, '1'));
  }
  if (types.includes('array')) {
    wrong.push(
      valid.map((v) =>
        Array.isArray(v) && v.length > 0 ? Array.from({ length: (s.maxItems ?? 50) + 1 }, () => v[0]) : v,
      ),
      valid.map((v) => (Array.isArray(v) ? [...v, ...v] : v)),
    );
  }
  if (types.includes('object')) {
    const required = s.required ?? [];
    wrong.push(
      fc.tuple(valid, fc.nat()).map(([v, i]) => {
        const copy = { ...(v as Record<string, unknown>) };
        if (required.length > 0) delete copy[required[i % required.length] as string];
        return copy;
      }),
      fc
        .tuple(valid, fc.constantFrom('extra', 'id', 'version', 'status', 'pk', '__proto__', 'constructor'))
        .map(([v, key]) =>
          Object.defineProperty({ ...(v as object) }, key, { value: 'x', enumerable: true, writable: true }),
        ),
    );
  }
  return fc.oneof(...wrong);
}

/** A value for this schema node: valid, or (in 'mutate' mode) broken at this or a deeper node now and then. */
export function schemaArb(
  schema: JsonSchema,
  world: SchemaWorld,
  mode: Mode,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const node = shaped(schema, world, mode, name, depth);
  if (mode === 'valid') return node;
  return fc.oneof(
    { weight: 9, arbitrary: node },
    { weight: 1, arbitrary: mutant(schema, world, name, depth) },
  );
}

/** A whole input: mostly schema-shaped (valid or mutated), sometimes any JSON at all. */
export const fuzzedValue = (schema: JsonSchema, world: SchemaWorld, name = ''): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: schemaArb(schema, world, 'valid', name) },
    { weight: 5, arbitrary: schemaArb(schema, world, 'mutate', name) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
