import type { ReactNode } from 'react';

/**
 * One labelled form field as the app draws them everywhere (label above, control, hint below,
 * the field's own error last), so every form looks and reads the same.
 */
export function Field({
  label,
  hint,
  error,
  wide,
  children,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  /** Spans both columns of a two-column form grid. */
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={wide ? 'field wide' : 'field'}>
      <span className="field-label">{label}</span>
      {children}
      {hint ? <span className="field-hint">{hint}</span> : null}
      {error ? <span className="field-error">{error}</span> : null}
    </label>
  );
}
