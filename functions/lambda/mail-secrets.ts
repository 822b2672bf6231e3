// The approval-link pepper for Lambda: middy's Secrets Manager middleware fetches and caches it; each
// invocation hands the value to the dependencies before the handler runs.

import secretsManager from '@middy/secrets-manager';
import type { Config } from '../config.ts';
import { providePepper } from '../deps.ts';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Without a secret (a Lambda entry run locally) there is nothing to fetch; approval links then cannot be made. */
export function pepperFromSecretsManager(config: Config) {
  if (!config.MAIL_TOKEN_SECRET_ARN) return { before: async () => {} };
  const fetcher = secretsManager({
    fetchData: { mailTokenPepper: config.MAIL_TOKEN_SECRET_ARN ?? '' },
    setToContext: true,
    cacheExpiry: FIFTEEN_MINUTES,
    // Fetched on the first invocation, not at module load: a failed prefetch is an unhandled rejection
    // that would crash the whole init, while a failed fetch in `before` fails one request, clearly.
    disablePrefetch: true,
  });
  return {
    before: async (request: Parameters<NonNullable<typeof fetcher.before>>[0]) => {
      await fetcher.before?.(request);
      const value = (request.context as unknown as Record<string, unknown>).mailTokenPepper;
      if (typeof value !== 'string' || value.length < 32)
        throw new Error('Approval-link pepper secret is missing or short.');
      providePepper(value);
    },
  };
}
