/**
 * Calls of portal sync: connections, the outbox and remote conflicts (issue: portal sync).
 * Spread into `calls`.
 */
export const syncCalls = {} as const;
