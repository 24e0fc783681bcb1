/**
 * Calls of the editorial workflow: accounts and sign-in, transitions, review comments, locks,
 * audit trail and hand-off bundles (issue: editorial workflow). Spread into `calls`.
 */
export const workflowCalls = {} as const;
