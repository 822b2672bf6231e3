// Counts the DynamoDB writes a request made and DynamoDB accepted, so a refusal can be shown to write nothing.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Deps } from '../../functions/deps.ts';

/** Both the low-level and the document client's command names (the document client reports either). */
const WRITE =
  /^(PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem|Put|Update|Delete|TransactWrite|BatchWrite)Command$/;

export interface WriteWatch {
  /** Runs `action`; returns what it returned and the writes made in its async context, in order. */
  during<T>(action: () => Promise<T>): Promise<{ result: T; writes: string[] }>;
}

/**
 * Adds a middleware to the app's DynamoDB client that records a write once DynamoDB accepted it (a refused
 * conditional write or cancelled transaction wrote nothing), against the request whose async context sent
 * it — so a write still running from an earlier request is never blamed on a later one.
 */
export function watchWrites(deps: Deps): WriteWatch {
  const current = new AsyncLocalStorage<string[]>();
  deps.db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const output = await next(args);
      const name = context.commandName ?? '';
      if (WRITE.test(name)) current.getStore()?.push(name);
      return output;
    },
    { step: 'initialize', name: 'fuzzWriteWatch' },
  );
  return {
    async during(action) {
      const writes: string[] = [];
      const result = await current.run(writes, action);
      return { result, writes: [...writes] };
    },
  };
}
