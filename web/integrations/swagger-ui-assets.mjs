// Serves swagger-ui-dist's CSS and bundle from our own origin (no CDN): copied into the build, served in dev.

import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const files = { 'swagger-ui.css': 'text/css', 'swagger-ui-bundle.js': 'text/javascript' };
/** Public URL prefix; the API reference page links these files from here. */
const prefix = '/vendor/swagger-ui/';

const sourceDir = () => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** @returns {import('astro').AstroIntegration} */
export function swaggerUiAssets() {
  return {
    name: 'piawai:swagger-ui-assets',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (req, res, next) => {
          const name = req.url?.startsWith(prefix) ? req.url.slice(prefix.length) : '';
          if (!Object.hasOwn(files, name)) return next();
          res.setHeader('content-type', files[name]);
          res.end(await readFile(join(sourceDir(), name)));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const target = new URL(`.${prefix}`, dir);
        await mkdir(target, { recursive: true });
        for (const name of Object.keys(files)) await copyFile(join(sourceDir(), name), new URL(name, target));
        logger.info(`swagger-ui-dist disalin ke ${prefix}`);
      },
    },
  };
}
