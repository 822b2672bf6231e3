// Locally, work that AWS starts from the table's stream (mail delivery, export jobs) runs in the server
// process right after the commit: one run at a time, and a kick during a run asks for one more run.

import type { Deps } from '../deps.ts';
import { outsideRequestScope } from '../services/org-context.ts';

export function inProcessRunner(deps: Deps, what: string, work: () => Promise<unknown>) {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    do {
      again = false;
      try {
        await work();
      } catch (error) {
        deps.logger.error(`local ${what} failed`, { error: error as Error });
      }
    } while (again);
    running = null;
  };
  return {
    kick: () => {
      if (running) again = true;
      else running = outsideRequestScope(run);
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
