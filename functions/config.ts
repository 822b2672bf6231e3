// The only reader of process.env: parsed once with zod, then passed around as a value.

import * as z from 'zod';

const configSchema = z.object({
  /** 'local' enables local-only conveniences (DynamoDB endpoint, dev sign-in, outbox); 'aws' forbids them. */
  PIAWAI_ENV: z.enum(['local', 'aws']).default('local'),
  TABLE_NAME: z.string().min(3).default('piawai'),
  AWS_REGION: z.string().default('ap-southeast-3'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  PIAWAI_DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
  /** Largest accepted request body, in bytes (CSV import has its own, larger limit). */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  MAX_IMPORT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024),
  /** Who issues and for whom: Cognito's issuer URL and app client id in AWS; the local issuer otherwise. */
  AUTH_ISSUER: z.url().default('https://piawai.local/auth'),
  AUTH_AUDIENCE: z.string().min(1).default('piawai-local'),
  /** Cognito hosted UI base URL (AWS sign-in); absent locally, where the development sign-in is used. */
  AUTH_DOMAIN_URL: z.url().optional(),
  /** The site's origin (https://…); absent means: taken from the request (CloudFront's x-forwarded-host). */
  PUBLIC_ORIGIN: z.url().optional(),
  /** The development sign-in (pick a seeded person); local only, refused in AWS. */
  DEV_SIGN_IN: z.enum(['true', 'false']).optional(),
  /** Sign-in attempts per client address per minute (sign-in and email-link endpoints). */
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
});

export type Config = z.infer<typeof configSchema> & { devSignIn: boolean; secureCookies: boolean };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const aws = parsed.data.PIAWAI_ENV === 'aws';
  if (aws && parsed.data.DYNAMODB_ENDPOINT) {
    throw new Error('Invalid configuration: DYNAMODB_ENDPOINT is for local runs only (PIAWAI_ENV=aws).');
  }
  if (aws && parsed.data.DEV_SIGN_IN === 'true') {
    throw new Error('Invalid configuration: DEV_SIGN_IN is for local runs only (PIAWAI_ENV=aws).');
  }
  return {
    ...parsed.data,
    // Local runs sign in through the development sign-in unless it is switched off; AWS never does.
    devSignIn: !aws && parsed.data.DEV_SIGN_IN !== 'false',
    // Secure (`__Host-`) cookies need HTTPS, which only the deployed site has.
    secureCookies: aws,
  };
}

/** The API in AWS signs people in through Cognito; refuse to start it without (other functions need neither). */
export function assertHostedSignIn(config: Config): void {
  if (
    config.PIAWAI_ENV === 'aws' &&
    (!config.AUTH_DOMAIN_URL || config.AUTH_ISSUER.startsWith('https://piawai.local'))
  ) {
    throw new Error('Invalid configuration: the API in AWS needs AUTH_ISSUER (Cognito) and AUTH_DOMAIN_URL.');
  }
}
