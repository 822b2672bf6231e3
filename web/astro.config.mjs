// Astro config of the PIAWAI admin site: plain static files, served from `/` next to the same-origin `/api`.

import { defineConfig } from 'astro/config';
import { swaggerUiAssets } from './integrations/swagger-ui-assets.mjs';

export default defineConfig({
  output: 'static',
  // The local Node server and the CloudFront function both map `/path/` to `/path/index.html`.
  build: { format: 'directory', inlineStylesheets: 'never' },
  trailingSlash: 'ignore',
  integrations: [swaggerUiAssets()],
  devToolbar: { enabled: false },
  vite: {
    // Small scripts would otherwise be inlined; external files keep a strict CSP (`script-src 'self'`) possible.
    build: { assetsInlineLimit: 0 },
    // `astro dev` only: forward the API to a running local server (`npm start`, default port 3000).
    server: { proxy: { '/api': process.env.PIAWAI_API_ORIGIN ?? 'http://localhost:3000' } },
  },
});
