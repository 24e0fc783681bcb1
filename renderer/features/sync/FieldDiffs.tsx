import { useTranslation } from 'react-i18next';

import type { PortalFieldChange } from '../../../shared/domain/portalFields';
import { RevisionDiff } from '../history/RevisionDiff';
import { htmlParagraphs } from './htmlParagraphs';

/**
 * Changed fields side by side, one block per field, with a word diff (the revision history's
 * diff): the body by paragraph, other fields as one line each.
 */
export function FieldDiffs({
  fields,
  left,
  right,
}: {
  fields: PortalFieldChange[];
  /** Which side shows on the left (the older one reads first). */
  left: 'mine' | 'theirs';
  right: 'mine' | 'theirs';
}) {
  const { t } = useTranslation();
  const paragraphs = (change: PortalFieldChange, side: 'mine' | 'theirs'): string[] => {
    const value = change[side];
    if (change.field === 'body') return htmlParagraphs(value);
    return [value.trim() === '' ? t('syncFields.empty') : value];
  };
  const sideLabel = (side: 'mine' | 'theirs'): string =>
    t(side === 'mine' ? 'syncFields.desk' : 'syncFields.portal');
  return (
    <div className="sync-field-diffs">
      {fields.map((change) => (
        <section
          key={change.field}
          className="sync-field-diff"
          data-testid="conflict-field"
          data-field={change.field}
        >
          <h3>{t(`syncFields.fields.${change.field}`)}</h3>
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
