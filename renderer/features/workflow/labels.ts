import type { ArticleStatus } from '../../../shared/domain/article';
import type { Role } from '../../../shared/workflow/roles';
import {
  roleLabels,
  roleLabelsEn,
  statusLabels,
  statusLabelsEn,
} from '../../../shared/workflow/roles';
import type { Transition } from '../../../shared/workflow/transitions';
import { transitionTable } from '../../../shared/workflow/transitions';

/*
 * State, role and transition names live once in `shared/workflow` (the core's messages use the
 * same words); the UI picks the Vietnamese or English column by the current language.
 */

function isEnglish(language: string): boolean {
  return language.startsWith('en');
}

/** The name of an article state, e.g. «Chờ duyệt». */
export function statusLabel(status: ArticleStatus, language: string): string {
  return (isEnglish(language) ? statusLabelsEn : statusLabels)[status];
}

/** The name of a role, e.g. «Biên tập viên». */
export function roleLabel(role: Role, language: string): string {
  return (isEnglish(language) ? roleLabelsEn : roleLabels)[role];
}

/** The button text of a transition, e.g. «Trả lại». */
export function transitionLabel(transition: Transition, language: string): string {
  const rule = transitionTable[transition];
  return isEnglish(language) ? rule.labelEn : rule.label;
}
