// Who sends a fuzzed request: HR (ministry-wide or one bureau's), the person the path is about, their
// penilai, someone else, nobody, a broken credential, or a browser session (with or without CSRF and Origin).

import fc from 'fast-check';
import { CSRF_HEADER, csrfCookieName, sessionCookieName } from '../../functions/http-policy.ts';
import type { FuzzWorld } from './fuzz-world.ts';

type Kind = 'admin' | 'bureauAdmin' | 'self' | 'penilai' | 'someone' | 'nobody' | 'broken' | 'session';

export interface Caller {
  kind: Kind;
  /** Picks the person (someone), the broken credential, or the session variant. */
  pick: number;
}

export const callerArb: fc.Arbitrary<Caller> = fc.record({
  kind: fc.oneof(
    { weight: 5, arbitrary: fc.constant<Kind>('admin') },
    { weight: 3, arbitrary: fc.constant<Kind>('self') },
    { weight: 2, arbitrary: fc.constant<Kind>('penilai') },
    { weight: 2, arbitrary: fc.constant<Kind>('someone') },
    { weight: 1, arbitrary: fc.constantFrom<Kind>('bureauAdmin', 'nobody', 'broken', 'session') },
  ),
  pick: fc.nat(),
});

const broken = (admin: string) => [
  'Bearer x',
  `Bearer ${admin.slice(0, -4)}AAAA`,
  'Basic YWRtaW46YWRtaW4=',
  'Bearer',
  'Bearer a.b.c',
  'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
];

/** The headers that make `caller` the sender; `aboutId` is the employee the path names, if any. */
export function callerHeaders(
  world: FuzzWorld,
  caller: Caller,
  aboutId: string | undefined,
): Record<string, string> {
  const admin = world.t.adminToken;
  const bearer = (token: string | undefined) => ({ authorization: `Bearer ${token ?? admin}` });
  const people = Object.values(world.tokens);
  switch (caller.kind) {
    case 'admin':
      return bearer(admin);
    case 'bureauAdmin':
      return bearer(world.bureauAdminToken);
    case 'self':
      return bearer(world.tokens[aboutId ?? '']);
    case 'penilai':
      return bearer(world.tokens[world.penilaiOf[aboutId ?? ''] ?? '']);
    case 'someone':
      return bearer(people[caller.pick % people.length]);
    case 'nobody':
      return {};
    case 'broken': {
      const options = broken(admin);
      return { authorization: options[caller.pick % options.length] as string };
    }
    case 'session': {
      // Variants: no CSRF token; the token but a foreign Origin; the token and our own Origin (allowed).
      const variant = caller.pick % 3;
      const cookie = `${sessionCookieName(false)}=${admin}`;
      if (variant === 0) return { cookie };
      return {
        cookie: `${cookie}; ${csrfCookieName(false)}=fuzz`,
        [CSRF_HEADER]: 'fuzz',
        origin: variant === 1 ? 'https://evil.example' : 'http://localhost',
      };
    }
  }
}
