import { describe, expect, it } from 'vitest';

import type { ApprovalChecklist, ChecklistIssue } from '../../../shared/workflow/review';
import { checklistRules, ruleOf } from './checklistRules';

function issue(code: string, severity: 'error' | 'warning'): ChecklistIssue {
  return {
    id: code,
    code: code as ChecklistIssue['code'],
    severity,
    message: code,
    messageEn: code,
    target: { kind: 'field', field: 'title' },
  };
}

function checklist(errors: ChecklistIssue[], warnings: ChecklistIssue[]): ApprovalChecklist {
  return {
    articleId: 'a',
    ok: errors.length === 0,
    errors,
    warnings,
    wordCount: 120,
    wordRange: { min: 80, max: 5000 },
    photoCount: 2,
  };
}

describe('checklist rules', () => {
  it('lists every rule as passed when nothing was found', () => {
    expect(checklistRules(checklist([], [])).map((rule) => `${rule.id}:${rule.state}`)).toEqual([
      'fields:ok',
      'length:ok',
      'photos:ok',
      'featured:ok',
      'files:ok',
      'gps:ok',
    ]);
  });

  it('marks a rule blocking when one of its issues is an error, else warning', () => {
    const rules = checklistRules(
      checklist(
        [issue('figure_credit_missing', 'error'), issue('featured_missing', 'error')],
        [issue('caption_file_name', 'warning'), issue('photo_gps_unknown', 'warning')],
      ),
    );
    const state = Object.fromEntries(rules.map((rule) => [rule.id, rule.state]));
    expect(state).toEqual({
      fields: 'ok',
      length: 'ok',
      photos: 'error',
      featured: 'error',
      files: 'ok',
      gps: 'warning',
    });
    expect(rules.find((rule) => rule.id === 'photos')?.issues.map((found) => found.code)).toEqual([
      'figure_credit_missing',
      'caption_file_name',
    ]);
  });

  it('keeps an issue no rule knows, under «other»', () => {
    expect(ruleOf({ code: 'something_new' as ChecklistIssue['code'] })).toBe('other');
    const rules = checklistRules(checklist([issue('something_new', 'error')], []));
    expect(rules.at(-1)).toMatchObject({ id: 'other', state: 'error' });
  });
});
