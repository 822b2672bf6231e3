// When the tick runs: one fact for EventBridge Scheduler (infra) and croner (local), both in WIB.

export const TICK_EVERY_MINUTES = 15;
export const TICK_TIMEZONE = 'Asia/Jakarta';

/** Five-field cron (croner) for the local server. */
export const tickCron = `*/${TICK_EVERY_MINUTES} * * * *`;
