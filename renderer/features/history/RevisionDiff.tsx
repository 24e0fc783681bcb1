import { useMemo } from 'react';

import { missingCaseError } from '../../../shared/errors/appError';
import type { DiffRow, DiffSegment } from '../../../shared/revisions/diffText';
import { diffBlocks, diffWords } from '../../../shared/revisions/diffText';
import './history.css';

/** One version of an article as the diff shows it: a label (date, author) and its paragraphs. */
export interface RevisionSide {
  label: string;
  paragraphs: string[];
}

/** Side by side (two aligned columns) or inline (one column, deletions struck through). */
export type RevisionDiffMode = 'side-by-side' | 'inline';

function Segments({ segments }: { segments: DiffSegment[] }) {
  return segments.map((segment, index) => {
    switch (segment.kind) {
      case 'same':
        return <span key={index}>{segment.text}</span>;
      case 'removed':
        return (
          <del key={index} className="diff-removed">
            {segment.text}
          </del>
        );
      case 'added':
        return (
          <ins key={index} className="diff-added">
            {segment.text}
          </ins>
        );
      default:
        throw missingCaseError(segment.kind);
    }
  });
}

function textOf(segments: DiffSegment[] | null): string | null {
  return segments ? segments.map((segment) => segment.text).join('') : null;
}

/** A row of the inline view: a changed pair becomes one paragraph with both edits in reading order. */
function inlineSegments(row: DiffRow): DiffSegment[] {
  const before = textOf(row.before);
  const after = textOf(row.after);
  if (before !== null && after !== null)
    return row.changed ? diffWords(before, after) : (row.after ?? []);
  return row.before ?? row.after ?? [];
}

function rowClass(row: DiffRow): string {
  if (!row.changed) return 'diff-row';
  if (row.before === null) return 'diff-row diff-row-added';
  if (row.after === null) return 'diff-row diff-row-removed';
  return 'diff-row diff-row-changed';
}

/**
 * Shows what changed between two revisions, word by word, so an editor can see at a glance what
 * a reporter rewrote. Read-only and stateless: the parent owns the mode toggle and which
 * revisions are compared.
 */
export function RevisionDiff({
  before,
  after,
  mode,
}: {
  before: RevisionSide;
  after: RevisionSide;
  mode: RevisionDiffMode;
}) {
  const rows = useMemo(
    () => diffBlocks(before.paragraphs, after.paragraphs),
    [before.paragraphs, after.paragraphs],
  );

  if (mode === 'inline') {
    return (
      <div
        className="revision-diff revision-diff-inline"
        data-testid="revision-diff"
        data-mode={mode}
      >
        <p className="revision-diff-legend">
          <del className="diff-removed">{before.label}</del>
          <span aria-hidden="true"> → </span>
          <ins className="diff-added">{after.label}</ins>
        </p>
        {rows.map((row, index) => (
          <p key={index} className={rowClass(row)} data-testid="diff-row">
            <Segments segments={inlineSegments(row)} />
          </p>
        ))}
      </div>
    );
  }

  return (
    <table
      className="revision-diff revision-diff-side"
      data-testid="revision-diff"
      data-mode={mode}
    >
      <thead>
        <tr>
          <th scope="col">{before.label}</th>
          <th scope="col">{after.label}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index} className={rowClass(row)} data-testid="diff-row">
            <td className={row.before ? undefined : 'diff-missing'}>
              {row.before ? <Segments segments={row.before} /> : null}
            </td>
            <td className={row.after ? undefined : 'diff-missing'}>
              {row.after ? <Segments segments={row.after} /> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
