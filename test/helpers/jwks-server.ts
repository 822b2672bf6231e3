// Serves a key set at <issuer>/.well-known/jwks.json over real HTTP, as Cognito does, for the AWS code path.

import { createServer } from 'node:http';
import type { JSONWebKeySet } from 'jose';

export async function serveJwks(keys: JSONWebKeySet): Promise<{ issuer: string; close: () => void }> {
  const server = createServer((req, res) => {
    if (req.url === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(keys));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { issuer: `http://127.0.0.1:${port}`, close: () => server.close() };
}
