// Where export files are kept for download: a directory under the data dir locally, a private S3 bucket
// in AWS (downloaded through a short-lived presigned URL, so the file never passes through the api Lambda).

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';

export type Download = { body: Buffer } | { url: string };

export interface FileStore {
  put(name: string, body: Buffer, contentType: string): Promise<void>;
  download(name: string, fileName: string): Promise<Download>;
}

const safeName = (name: string) => {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(name)) throw new Error(`Unsafe stored file name: ${name}`);
  return name;
};

export function localFileStore(dir: string): FileStore {
  return {
    async put(name, body) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, safeName(name)), body);
    },
    async download(name) {
      return { body: await readFile(join(dir, safeName(name))) };
    },
  };
}

/** Presigned download links live 5 minutes: long enough to start the download, too short to pass around. */
const LINK_SECONDS = 300;

/**
 * The S3 client and the presigner are loaded on first use: every Lambda builds its dependencies, but only
 * the api (downloads) and the export runners (uploads) touch files — the others never pay for loading them.
 */
export function s3FileStore(bucket: string, region: string): FileStore {
  let client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | undefined;
  const s3 = () => {
    client ??= import('@aws-sdk/client-s3').then((sdk) => ({ sdk, s3: new sdk.S3Client({ region }) }));
    return client;
  };
  return {
    async put(name, body, contentType) {
      const { s3: c, sdk } = await s3();
      await c.send(
        new sdk.PutObjectCommand({
          Bucket: bucket,
          Key: `exports/${safeName(name)}`,
          Body: body,
          ContentType: contentType,
        }),
      );
    },
    async download(name, fileName) {
      const [{ s3: c, sdk }, { getSignedUrl }] = await Promise.all([
        s3(),
        import('@aws-sdk/s3-request-presigner'),
      ]);
      const command = new sdk.GetObjectCommand({
        Bucket: bucket,
        Key: `exports/${safeName(name)}`,
        ResponseContentDisposition: `attachment; filename="${fileName}"`,
      });
      return { url: await getSignedUrl(c, command, { expiresIn: LINK_SECONDS }) };
    },
  };
}
