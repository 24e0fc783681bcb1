import { z } from 'zod';

import type { BundleExport, BundleImportReport, ConflictDiff } from '../workflow/handoff';
import { maxBundleBytes } from '../workflow/handoff';
import { call, id } from './callSpec';

/**
 * Hand-off between workstations without a network: one bundle file per export, imported on the
 * other side. The renderer never names a path: imports arrive as bytes (base64), exports land in
 * the library's `exports/` folder. Part of `workflowCalls`.
 */
export const handoffCalls = {
  'bundles.export': call<BundleExport>()(
    z
      .object({
        articleIds: z.array(id).min(1).max(200),
        includeData: z.boolean().default(false),
      })
      .strict(),
  ),
  'bundles.import': call<BundleImportReport>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        dataBase64: z
          .string()
          .min(1)
          .max(Math.ceil((maxBundleBytes * 4) / 3) + 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      })
      .strict(),
  ),
  'bundles.conflictDiff': call<ConflictDiff>()(z.object({ articleId: id }).strict()),
} as const;
