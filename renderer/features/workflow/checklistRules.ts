import type { ApprovalChecklist, ChecklistIssue } from '../../../shared/workflow/review';

/** The rules an editor reads down before approving, one line each. */
export const checklistRuleIds = ['fields', 'length', 'photos', 'featured', 'files', 'gps'] as const;
/** One rule of the checklist, or `other` for a code no rule claims. */
export type ChecklistRuleId = (typeof checklistRuleIds)[number] | 'other';

/** Which issue codes break which rule. */
const ruleOfCode: Record<string, ChecklistRuleId> = {
  title_missing: 'fields',
  title_no_letters: 'fields',
  title_too_long: 'fields',
  slug_invalid: 'fields',
  lead_missing: 'fields',
  category_missing: 'fields',
  category_unknown: 'fields',
  author_missing: 'fields',
  author_unknown: 'fields',
  expiry_before_publish: 'fields',
  body_empty: 'length',
  body_too_short: 'length',
  body_too_long: 'length',
  paragraph_empty: 'length',
  caption_empty: 'photos',
  caption_file_name: 'photos',
  figure_alt_missing: 'photos',
  figure_credit_missing: 'photos',
  featured_missing: 'featured',
  featured_alt_missing: 'featured',
  photo_file_missing: 'files',
  figure_media_missing: 'files',
  photo_gps_kept: 'gps',
  photo_gps_unknown: 'gps',
};

/** A rule with how it fared: passed, blocking, or passed with warnings. */
export interface ChecklistRule {
  id: ChecklistRuleId;
  state: 'ok' | 'error' | 'warning';
  issues: ChecklistIssue[];
}

/** The rule an issue belongs to. */
export function ruleOf(issue: Pick<ChecklistIssue, 'code'>): ChecklistRuleId {
  return ruleOfCode[issue.code] ?? 'other';
}

/**
 * The checklist as rules, every rule listed even when it passed, so the editor sees what was
 * checked and not only what failed. A rule with an error blocks; one with only warnings does not.
 */
export function checklistRules(checklist: ApprovalChecklist): ChecklistRule[] {
  const issues = [...checklist.errors, ...checklist.warnings];
  const ids: ChecklistRuleId[] = [...checklistRuleIds];
  if (issues.some((issue) => ruleOf(issue) === 'other')) ids.push('other');
  return ids.map((id) => {
    const mine = issues.filter((issue) => ruleOf(issue) === id);
    const state = mine.some((issue) => issue.severity === 'error')
      ? 'error'
      : mine.length > 0
        ? 'warning'
        : 'ok';
    return { id, state, issues: mine };
  });
}
