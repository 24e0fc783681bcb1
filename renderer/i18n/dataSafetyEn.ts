import type { dataSafetyVi } from './dataSafetyVi';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts for keeping work safe, spread into `en`. */
export const dataSafetyEn: Widen<typeof dataSafetyVi> = {
  bodySafe: {
    unreadable:
      'This article is open read-only: its stored content has {{detail}}, which this version of Newsdesk cannot show (a newer version may have made it). The stored content is kept as it is and will not be overwritten. Export it as a bundle to open it in a newer version, or restore an earlier revision under History.',
    unknownPart: 'a part it cannot read ({{detail}})',
    export: 'Export bundle',
    exporting: 'Exporting…',
    exported: 'Bundle exported: {{file}}',
    history: 'Restore an earlier revision',
  },
  upload: {
    progress: 'Uploading {{done}}/{{total}} MB',
  },
};
