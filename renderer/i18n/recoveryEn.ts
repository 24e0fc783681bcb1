import type { recoveryVi } from './recoveryVi';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English texts of backups and recovery, spread into `en`. */
export const recoveryEn: Widen<typeof recoveryVi> = {
  recovery: {
    damagedTitle: 'The library is damaged',
    damagedIntro:
      'Newsdesk found the library file in “{{dir}}” damaged (usually a power cut, a failing disk or a half-copied file). Newsdesk stopped writing to it so it is not damaged further; the file is kept as it is.',
    behindTitle: 'The library is missing saved changes',
    behindIntro:
      'Last time Newsdesk had saved {{expected}} articles (last save at {{at}}), but the library file in “{{dir}}” now holds {{found}} articles and lacks {{missing}} changes. Usually newsdesk.sqlite-wal was deleted, or an old copy was put over the library, after a crash.',
    newestBackup: 'Newest backup',
    backupLine: '{{time}} · {{count}} articles · {{size}}',
    noBackup: 'This library has no backup yet. Use “Salvage” to copy every article still readable.',
    lossTitle: 'Restoring it loses the articles changed after it',
    lossNone: 'No article in the current file changed after this backup.',
    lossUnknown:
      'The damaged file cannot list its articles, so which ones changed after the backup is unknown. Salvage first if needed: the damaged library is always kept, never deleted.',
    lossBehind:
      'Changes after {{at}} are in the lost part and no longer in the file; the backup may hold some of them.',
    restore: 'Restore this backup',
    salvage: 'Salvage',
    salvageHint:
      'Copies every readable article and record into a new library and reports the rest.',
    continueBehind: 'Continue with the current library',
    continueHint: 'Accept the missing changes and go on with the file as it is.',
    otherBackups: 'Other backups',
    restoreThis: 'Restore',
    working: 'Working…',
    setAside: 'The previous library is kept whole in: {{dir}}',
    restored: 'Restored the backup of {{time}} ({{count}} articles).',
    salvaged:
      'Salvaged {{copied}} records ({{articles}} articles) into a new library. {{unreadable}} records could not be read.',
    salvageTable: 'Table “{{table}}”: copied {{copied}}, unreadable {{unreadable}}',
    openApp: 'Open Newsdesk',
    details: 'Technical details',
    reasons: {
      auto: 'automatic',
      daily: 'daily',
      quit: 'on quit',
      manual: 'manual',
      before_restore: 'before restore',
    },
    places: { main: 'data folder', extra: 'second place' },
  },
  backups: {
    title: 'Backups',
    hint: 'Newsdesk backs up when the library changes (every 10 minutes), on quit and once a day; each copy is integrity-checked before it is listed.',
    backupNow: 'Back up now',
    none: 'No backup yet.',
    when: 'When',
    reason: 'Reason',
    place: 'Place',
    size: 'Size',
    articles: 'Articles',
    restore: 'Restore',
    confirmRestore: 'Confirm restore',
    restoredReload:
      'Restored. The previous library is kept in {{dir}}. The page reopens; sign in again.',
    extraTitle: 'Second backup place',
    extraHint:
      'Another drive, a USB stick or a network folder. Leave empty to back up only in the data folder.',
    extraSave: 'Save backup place',
    extraSaved: 'Saved. Later backups are also written to {{dir}}.',
    exportTitle: 'Moving to a new PC',
    exportHint:
      'Exports the whole library and its photos as one .ndlibrary file (into exports/ in the data folder); on the new PC, pick that file in “Move from another PC” on the first-start screen.',
    export: 'Export the whole library',
    exported: 'Exported {{size}} to {{file}}',
  },
};
