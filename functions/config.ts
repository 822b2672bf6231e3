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
});

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  if (parsed.data.PIAWAI_ENV === 'aws' && parsed.data.DYNAMODB_ENDPOINT) {
    throw new Error('Invalid configuration: DYNAMODB_ENDPOINT is for local runs only (PIAWAI_ENV=aws).');
  }
  return parsed.data;
}
