import { z } from 'zod';

import {
  NUKEVIET_LANGUAGE_PATTERN,
  NUKEVIET_MODULE_PATTERN,
  type NukeVietSettings,
} from '../domain/nukeviet';

/** A NukeViet portal's settings as `portals.save` and `portals.test` take them. */
export const nukevietSettingsInput: z.ZodType<NukeVietSettings> = z
  .object({
    module: z
      .string()
      .trim()
      .regex(
        NUKEVIET_MODULE_PATTERN,
        'Tên module chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ news hoặc tin-tuc.',
      ),
    language: z
      .string()
      .trim()
      .regex(NUKEVIET_LANGUAGE_PATTERN, 'Ngôn ngữ dữ liệu là mã hai chữ cái, ví dụ vi hoặc en.'),
    imagePosition: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    creditApiAccount: z.boolean(),
  })
  .strict();
