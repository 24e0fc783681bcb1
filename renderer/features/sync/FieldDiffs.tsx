import type { PortalFieldChange } from '../../../shared/domain/portalFields';
import { RevisionDiff } from '../history/RevisionDiff';
import type { FieldSyncLabels } from './fieldLabels';
import { htmlParagraphs } from './htmlParagraphs';

/**
 * Changed fields side by side, one block per field, with a word diff (the revision history's
 * diff): the body by paragraph, other fields as one line each.
 */
export function FieldDiffs({
  fields,
  labels,
  left,
  right,
}: {
  fields: PortalFieldChange[];
  labels: FieldSyncLabels;
  /** Which side shows on the left (the older one reads first). */
  left: 'mine' | 'theirs';
  right: 'mine' | 'theirs';
}) {
  const paragraphs = (change: PortalFieldChange, side: 'mine' | 'theirs'): string[] => {
    const value = change[side];
    if (change.field === 'body') return htmlParagraphs(value);
    return [value.trim() === '' ? labels.empty : value];
  };
  const sideLabel = (side: 'mine' | 'theirs'): string =>
    side === 'mine' ? labels.desk : labels.portal;
  return (
    <div className="sync-field-diffs">
      {fields.map((change) => (
        <section
          key={change.field}
          className="sync-field-diff"
          data-testid="conflict-field"
          data-field={change.field}
        >
          <h3>{labels.fields[change.field]}</h3>
          <RevisionDiff
            mode="side-by-side"
            before={{ label: sideLabel(left), paragraphs: paragraphs(change, left) }}
            after={{ label: sideLabel(right), paragraphs: paragraphs(change, right) }}
          />
        </section>
      ))}
    </div>
  );
}
