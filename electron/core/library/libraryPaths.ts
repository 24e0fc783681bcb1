import path from 'node:path';

/** Where each part of a library lives inside its data folder. */
export interface LibraryPaths {
  dataDir: string;
  database: string;
  media: string;
  logs: string;
  crashes: string;
  exports: string;
  outputs: string;
  holder: string;
}

/** Lays out a library inside `dataDir`; one place so backups and diagnostics agree. */
export function libraryPaths(dataDir: string): LibraryPaths {
  const root = path.resolve(dataDir);
  return {
    dataDir: root,
    database: path.join(root, 'newsdesk.sqlite'),
    media: path.join(root, 'media'),
    logs: path.join(root, 'logs'),
    crashes: path.join(root, 'crashes'),
    exports: path.join(root, 'exports'),
    outputs: path.join(root, 'outputs'),
    holder: path.join(root, 'library-holder.json'),
  };
}
