import fs from 'node:fs/promises';

import type { Database } from 'better-sqlite3';

import type { Article } from '../../../shared/domain/article';
import { figureMediaPaths } from '../../../shared/domain/article';
import type { MetadataPolicy } from '../../../shared/photos/recipe';
import { defaultWebRecipe, recipeSchema } from '../../../shared/photos/recipe';
import type { PhotoFacts } from '../../../shared/workflow/approvalChecklist';
import { approvalChecklist } from '../../../shared/workflow/approvalChecklist';
import type { ApprovalChecklist } from '../../../shared/workflow/review';
import { photoFactsAt } from '../db/queries/approval';
import { listAuthors, listCategories } from '../db/queries/directory';
import { getDefaultRecipe } from '../db/queries/recipes';
import { resolveMediaFile } from '../library/mediaFiles';
import type { Logger } from '../logging/logger';
import { probePhoto } from '../photos';
import type { PolicyService } from './workflowPolicy';

/** The recipe the portal copies are made with: the newsroom's default one. */
function publishRecipe(db: Database): { name: string; metadata: MetadataPolicy } {
  const row = getDefaultRecipe(db);
  if (!row) return { name: defaultWebRecipe.name, metadata: defaultWebRecipe.metadata };
  try {
    const recipe = recipeSchema.parse(JSON.parse(row.recipe_json));
    return { name: row.name, metadata: recipe.metadata };
  } catch {
    return { name: row.name, metadata: defaultWebRecipe.metadata };
  }
}

/**
 * Gathers what the approval checklist needs from the library (authors, categories, the word
 * range, each photo's file and GPS flag, the publishing recipe) and runs it. Photos inserted
 * outside the photo desk have no record, so their file is read for GPS.
 */
export function createApprovalService(deps: {
  db: Database;
  mediaDir: string;
  policy: PolicyService;
  logger: Logger;
}) {
  const { db, mediaDir, policy, logger } = deps;

  const factsFor = async (mediaPath: string): Promise<PhotoFacts> => {
    const file = resolveMediaFile(mediaDir, mediaPath);
    const record = photoFactsAt(db, mediaPath);
    const name = record?.original_name ?? mediaPath.split('/').at(-1) ?? mediaPath;
    if (!file) return { exists: false, hasGps: null, name };
    try {
      await fs.access(file);
    } catch {
      return { exists: false, hasGps: null, name };
    }
    if (record) return { exists: true, hasGps: record.has_gps === 1, name };
    try {
      return { exists: true, hasGps: (await probePhoto(file)).hasGps, name };
    } catch (error) {
      logger.warn('photo unreadable for the checklist', { mediaPath, error });
      return { exists: true, hasGps: null, name };
    }
  };

  return {
    async run(article: Article): Promise<ApprovalChecklist> {
      const paths = figureMediaPaths(article.body);
      if (article.meta.featuredImage) paths.push(article.meta.featuredImage.mediaPath);
      const photos = new Map<string, PhotoFacts>();
      for (const mediaPath of new Set(paths)) photos.set(mediaPath, await factsFor(mediaPath));
      const { minWords, maxWords } = policy.get();
      return approvalChecklist(article, {
        authors: listAuthors(db),
        categories: listCategories(db),
        wordRange: { min: minWords, max: maxWords },
        photos,
        publishRecipe: publishRecipe(db),
      });
    },
  };
}

/** The approval service's API. */
export type ApprovalService = ReturnType<typeof createApprovalService>;
