/** What the About / diagnostics screen shows, for support calls. */
export interface Diagnostics {
  appVersion: string;
  shell: 'desktop' | 'browser';
  versions: Record<string, string>;
  platform: string;
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
  logFile: string;
  articleCount: number;
}
