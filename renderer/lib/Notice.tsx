import type { ReactNode } from 'react';

/**
 * A one-line outcome under a form or list: `error` is announced as an alert, `ok` and `info` as
 * a status. Nothing is drawn without text, so callers pass their state as it is.
 */
export function Notice({
  kind,
  testId,
  children,
}: {
  kind: 'error' | 'ok' | 'info';
  testId?: string;
  children: ReactNode;
}) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <p
      className={`notice notice-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {children}
    </p>
  );
}
