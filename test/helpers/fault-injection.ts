// Fault injection at the AWS SDK boundary: a middleware on the DynamoDB client that throttles, cancels,
// times out or freezes chosen calls, deterministically (by command, by nth call, or by seeded chance).
// Faults placed 'attempt' sit inside the SDK's retry loop (the SDK retries them as it would a real one);
// faults placed 'call' sit outside it, so the code calling `send` sees exactly what was thrown.

import {
  ProvisionedThroughputExceededException,
  ThrottlingException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/lib-dynamodb';
// The SDK's own standard strategy with its retry quota; only its sleeps are shortened (time is not waited on).
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import type { Db } from '../../functions/db/client.ts';

export type Fault =
  /** ThrottlingException, the request never reached the table. */
  | 'throttle'
  /** ProvisionedThroughputExceededException, the request never reached the table. */
  | 'throughput'
  /** TransactionCanceledException: one item's reason is TransactionConflict, the others None. */
  | 'cancel-conflict'
  /** TransactionCanceledException: one item's reason is ThrottlingError, the others None. */
  | 'cancel-throttle'
  /** A TimeoutError before the request is sent: nothing was written. */
  | 'timeout-before'
  /** The real request succeeds, then a TimeoutError: the caller cannot tell that the write happened. */
  | 'timeout-after'
  /** The call never returns: the process died here (nothing after it runs). */
  | 'hang';

export interface FaultRule {
  fault: Fault;
  /** Command names as the SDK reports them (e.g. 'TransactWriteItemsCommand'); every command when absent. */
  commands?: string[];
  /** Which matching calls, 1-based and counted per rule from when it was set; all when absent. */
  calls?: number[] | ((n: number) => boolean);
  /** Chance per matching call, drawn from the seeded generator; 1 when absent. */
  probability?: number;
  /** Inside the SDK's retry loop (default) or outside it. */
  where?: 'attempt' | 'call';
  /** With `where: 'attempt'`: how many attempts of a chosen call fail (default 1; Infinity = all, so it escapes). */
  attempts?: number;
  /** At most this many calls are chosen. */
  limit?: number;
  /** Only calls whose input passes (e.g. transactions that write an outbox item). */
  when?: (input: Record<string, unknown>) => boolean;
}

export interface Injection {
  command: string;
  fault: Fault;
  /** The rule's count of matching calls when this one was chosen. */
  call: number;
  attempt: number;
}

export interface FaultInjector {
  /** Replaces the rules; each new rule counts its matching calls from zero. */
  set(...rules: FaultRule[]): void;
  clear(): void;
  /** Every injection so far, in order. */
  readonly log: Injection[];
  count(fault?: Fault): number;
  /** Resolves at the next injection (e.g. once a 'hang' has frozen its caller). */
  nextInjection(): Promise<Injection>;
  /** Takes the middleware off the client and restores its retry strategy. */
  remove(): void;
}

/** mulberry32: a small seeded generator, so a run can be replayed exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type RelativeMiddleware = FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes>;

interface ActiveRule {
  rule: FaultRule;
  seen: number;
  chosen: number;
}

const metadata = { httpStatusCode: 400, requestId: 'injected' };

const timeoutError = () =>
  Object.assign(new Error('Connection timed out after 3000 ms (injected)'), { name: 'TimeoutError' });

function cancellation(reason: 'TransactionConflict' | 'ThrottlingError', items: number, at: number) {
  const reasons = Array.from({ length: Math.max(1, items) }, (_, i) =>
    i === at
      ? {
          Code: reason,
          Message:
            reason === 'TransactionConflict'
              ? 'Transaction is ongoing for the item'
              : 'Throughput exceeds limit',
        }
      : { Code: 'None' },
  );
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons
      .map((r) => r.Code)
      .join(', ')}] (injected)`,
    $metadata: metadata,
    CancellationReasons: reasons,
  });
}

const transactItems = (input: Record<string, unknown>): number =>
  Array.isArray(input.TransactItems) ? input.TransactItems.length : 1;

/**
 * Adds fault injection to `db`'s client (the document client shares the low-level client's stack).
 * `fastRetries` (on unless false) keeps the SDK's standard retry strategy (attempts, retry quota) but sleeps
 * 1 ms between attempts instead of its exponential backoff.
 */
export function injectFaults(db: Db, options: { seed: number; fastRetries?: boolean }): FaultInjector {
  const random = seededRandom(options.seed);
  let active: ActiveRule[] = [];
  const log: Injection[] = [];
  let waiting: ((injection: Injection) => void)[] = [];
  const config = db.doc.config;
  const originalStrategy = config.retryStrategy;
  if (options.fastRetries !== false) {
    const strategy = new ConfiguredRetryStrategy(config.maxAttempts, () => 1);
    config.retryStrategy = async () => strategy;
  }

  const choose = (where: 'attempt' | 'call', command: string, input: Record<string, unknown>) => {
    for (const entry of active) {
      const { rule } = entry;
      if ((rule.where ?? 'attempt') !== where) continue;
      if (rule.commands && !rule.commands.includes(command)) continue;
      if (rule.when && !rule.when(input)) continue;
      entry.seen += 1;
      if (rule.limit !== undefined && entry.chosen >= rule.limit) continue;
      const calls = rule.calls;
      if (calls && !(Array.isArray(calls) ? calls.includes(entry.seen) : calls(entry.seen))) continue;
      if (rule.probability !== undefined && random() >= rule.probability) continue;
      entry.chosen += 1;
      return { rule, call: entry.seen };
    }
    return null;
  };

  const inject = async <T>(
    fault: Fault,
    next: () => Promise<T>,
    input: Record<string, unknown>,
    record: Injection,
  ): Promise<T> => {
    log.push(record);
    for (const resolve of waiting) resolve(record);
    waiting = [];
    switch (fault) {
      case 'throttle':
        throw new ThrottlingException({
          message: 'Rate of requests exceeds the allowed throughput.',
          $metadata: metadata,
        });
      case 'throughput':
        throw new ProvisionedThroughputExceededException({
          message: 'The level of configured provisioned throughput for the table was exceeded.',
          $metadata: metadata,
        });
      case 'cancel-conflict':
      case 'cancel-throttle': {
        const items = transactItems(input);
        const reason = fault === 'cancel-conflict' ? 'TransactionConflict' : 'ThrottlingError';
        throw cancellation(reason, items, Math.floor(random() * items));
      }
      case 'timeout-before':
        throw timeoutError();
      case 'timeout-after':
        await next();
        throw timeoutError();
      case 'hang':
        return new Promise<T>(() => {});
    }
  };

  // Per command invocation: the rule chosen at its first attempt and how many attempts it has made.
  const plans = new WeakMap<object, { rule: FaultRule | null; call: number; attempt: number }>();
  const perAttempt: RelativeMiddleware = (next, context) => async (args) => {
    const command = context.commandName ?? 'unknown';
    const input = args.input as Record<string, unknown>;
    let plan = plans.get(context);
    if (!plan) {
      const chosen = choose('attempt', command, input);
      plan = { rule: chosen?.rule ?? null, call: chosen?.call ?? 0, attempt: 0 };
      plans.set(context, plan);
    }
    plan.attempt += 1;
    if (plan.rule && plan.attempt <= (plan.rule.attempts ?? 1)) {
      const record = { command, fault: plan.rule.fault, call: plan.call, attempt: plan.attempt };
      return inject(plan.rule.fault, () => next(args), input, record);
    }
    return next(args);
  };
  db.doc.middlewareStack.addRelativeTo(perAttempt, {
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    name: 'faultInjectionAttempt',
  });
  db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      const input = args.input as Record<string, unknown>;
      const chosen = choose('call', command, input);
      if (!chosen) return next(args);
      const record = { command, fault: chosen.rule.fault, call: chosen.call, attempt: 0 };
      return inject(chosen.rule.fault, () => next(args), input, record);
    },
    { step: 'initialize', priority: 'low', name: 'faultInjectionCall' },
  );

  return {
    set: (...rules) => {
      active = rules.map((rule) => ({ rule, seen: 0, chosen: 0 }));
    },
    clear: () => {
      active = [];
    },
    log,
    nextInjection: () => new Promise((resolve) => waiting.push(resolve)),
    count: (fault) => (fault ? log.filter((i) => i.fault === fault).length : log.length),
    remove: () => {
      active = [];
      db.doc.middlewareStack.remove('faultInjectionAttempt');
      db.doc.middlewareStack.remove('faultInjectionCall');
      config.retryStrategy = originalStrategy;
    },
  };
}
