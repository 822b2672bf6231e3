// Delivery retries: exponential backoff, then a failed mark HR can see (nothing is dropped).

const BASE_SECONDS = 60;
const MAX_SECONDS = 6 * 60 * 60;

/** After `attempts` failed sends: when to try again, or that the message has failed for good. */
export function afterFailure(
  attempts: number,
  maxAttempts: number,
  now: Date,
): { status: 'PENDING'; dueAt: string } | { status: 'FAILED' } {
  if (attempts >= maxAttempts) return { status: 'FAILED' };
  const seconds = Math.min(MAX_SECONDS, BASE_SECONDS * 4 ** Math.max(0, attempts - 1));
  return { status: 'PENDING', dueAt: new Date(now.getTime() + seconds * 1000).toISOString() };
}
