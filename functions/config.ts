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
  /** Email-approval page requests (preview and decision) per client address per minute. */
  EMAIL_LINK_RATE_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Where mail goes: `.eml` files in the data directory (local) or Amazon SES (AWS). */
  MAIL_TRANSPORT: z.enum(['outbox', 'ses']).default('outbox'),
  MAIL_FROM: z.string().min(3).default('PIAWAI Biro SDM <noreply@piawai.local>'),
  MAIL_REPLY_TO: z.string().min(3).default('Biro SDM <biro.sdm@piawai.local>'),
  MAIL_CONFIGURATION_SET: z.string().optional(),
  /** Messages per second, kept under the SES send quota. */
  MAIL_SEND_RATE: z.coerce.number().positive().max(1000).default(10),
  /** Attempts before a message is marked failed for HR to see. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  MINISTRY_NAME: z.string().min(3).default('Kementerian Sekretariat Negara Republik Indonesia'),
  /** Approval links by email expire after this many hours. */
  APPROVAL_LINK_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(72),
  /** AWS: the Secrets Manager secret holding the approval-link pepper (locally a file in the data dir). */
  MAIL_TOKEN_SECRET_ARN: z.string().optional(),
  /** AWS: the private bucket that keeps export files (locally they are kept under the data dir). */
  EXPORT_BUCKET: z.string().min(3).optional(),
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

/** Functions that send mail or make approval links in AWS need SES and the pepper secret. */
export function assertHostedMail(config: Config): void {
  if (config.PIAWAI_ENV === 'aws' && (config.MAIL_TRANSPORT !== 'ses' || !config.MAIL_TOKEN_SECRET_ARN)) {
    throw new Error(
      'Invalid configuration: in AWS mail goes through SES (MAIL_TRANSPORT=ses, MAIL_TOKEN_SECRET_ARN).',
    );
  }
}
