// Referensi API: fetches /api/openapi.json through the API client (Indonesian errors), then hands it to Swagger UI.

import { ApiError, api } from '../lib/api.ts';
import { byId } from '../lib/dom.ts';
import { showError } from './show-error.ts';
import { watchSwaggerA11y } from './swagger-a11y.ts';

interface SwaggerUiOptions {
  spec: unknown;
  dom_id: string;
  deepLinking: boolean;
  /** null: never send the document to validator.swagger.io (nothing leaves the origin). */
  validatorUrl: null;
  supportedSubmitMethods: string[];
  defaultModelsExpandDepth: number;
  docExpansion: 'list' | 'full' | 'none';
  syntaxHighlight: false | { activated: boolean };
}

declare global {
  interface Window {
    SwaggerUIBundle?: (options: SwaggerUiOptions) => unknown;
  }
}

const status = byId('reference-status', HTMLElement);
const errorBox = byId('reference-error', HTMLElement);

async function start(): Promise<void> {
  try {
    const spec = await api.openApi();
    if (!window.SwaggerUIBundle) {
      throw new ApiError(
        0,
        'swagger.missing',
        'Penampil dokumentasi (Swagger UI) tidak termuat. Muat ulang halaman.',
      );
    }
    watchSwaggerA11y(byId('swagger-ui', HTMLElement));
    window.SwaggerUIBundle({
      spec,
      dom_id: '#swagger-ui',
      // Deep links put a link inside each operation's toggle button (nested controls, tiny targets).
      deepLinking: false,
      validatorUrl: null,
      // "Try it out" only for reads: changes go through the portal's forms, with their checks and audit.
      supportedSubmitMethods: ['get', 'head'],
      defaultModelsExpandDepth: 0,
      docExpansion: 'list',
      // Plain example code: the highlighter's inline colours fail contrast and would need style-src 'unsafe-inline'.
      syntaxHighlight: false,
    });
    status.textContent = '';
  } catch (error) {
    status.textContent = '';
    showError(errorBox, error);
  }
}

void start();
