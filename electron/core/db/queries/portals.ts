import type { Database } from 'better-sqlite3';

/** A stored portal connection. `secret_blob` is sealed; this module never sees a secret. */
export interface PortalConnectionRow {
  id: string;
  kind: string;
  name: string;
  base_url: string;
  username: string;
  auth_mode: string | null;
  /** NukeViet settings as JSON (migration 0270); null for WordPress or older rows. */
  nukeviet_json: string | null;
  secret_blob: Buffer | null;
  secret_box: string | null;
  terms_refreshed_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A cached remote category or tag. */
export interface PortalTermRow {
  taxonomy: 'category' | 'tag';
  remote_id: string;
  parent_id: string | null;
  title: string;
  slug: string;
}

/** Connections by name. */
export function listConnections(db: Database): PortalConnectionRow[] {
  return db
    .prepare('SELECT * FROM portal_connections ORDER BY name COLLATE NOCASE, created_at')
    .all() as PortalConnectionRow[];
}

/** One connection, or undefined. */
export function getConnection(db: Database, id: string): PortalConnectionRow | undefined {
  return db.prepare('SELECT * FROM portal_connections WHERE id = ?').get(id) as
    PortalConnectionRow | undefined;
}

/** Creates or updates a connection; the secret columns change only when given. */
export function upsertConnection(
  db: Database,
  row: Omit<PortalConnectionRow, 'terms_refreshed_at' | 'secret_blob' | 'secret_box'> & {
    secret?: { blob: Buffer; box: string } | undefined;
  },
): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO portal_connections (id, kind, name, base_url, username, auth_mode,
         nukeviet_json, created_at, updated_at)
       VALUES (@id, @kind, @name, @base_url, @username, @auth_mode, @nukeviet_json, @created_at,
         @updated_at)
       ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
         base_url = excluded.base_url, username = excluded.username,
         auth_mode = excluded.auth_mode, nukeviet_json = excluded.nukeviet_json,
         updated_at = excluded.updated_at`,
    ).run({
      id: row.id,
      kind: row.kind,
      name: row.name,
      base_url: row.base_url,
      username: row.username,
      auth_mode: row.auth_mode,
      nukeviet_json: row.nukeviet_json,
      created_at: row.created_at,
      updated_at: row.updated_at,
    });
    if (row.secret) {
      db.prepare('UPDATE portal_connections SET secret_blob = ?, secret_box = ? WHERE id = ?').run(
        row.secret.blob,
        row.secret.box,
        row.id,
      );
    }
  })();
}

/** Stores a connection's sealed secret alone (re-entered after a restart). */
export function setConnectionSecret(
  db: Database,
  id: string,
  blob: Buffer,
  box: string,
  updatedAt: number,
): void {
  db.prepare(
    'UPDATE portal_connections SET secret_blob = ?, secret_box = ?, updated_at = ? WHERE id = ?',
  ).run(blob, box, updatedAt, id);
}

/** Deletes a connection with its cached terms, sync maps and finished outbox items. */
export function deleteConnection(db: Database, id: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM sync_items WHERE connection_id = ?').run(id);
    db.prepare('DELETE FROM portal_connections WHERE id = ?').run(id);
  })();
}

/** Replaces the cached terms of a connection in one transaction. */
export function replaceTerms(
  db: Database,
  connectionId: string,
  terms: PortalTermRow[],
  refreshedAt: number,
): void {
  db.transaction(() => {
    db.prepare('DELETE FROM portal_terms WHERE connection_id = ?').run(connectionId);
    const insert = db.prepare(
      `INSERT OR REPLACE INTO portal_terms
         (connection_id, taxonomy, remote_id, parent_id, title, slug, position)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    terms.forEach((term, position) =>
      insert.run(
        connectionId,
        term.taxonomy,
        term.remote_id,
        term.parent_id,
        term.title,
        term.slug,
        position,
      ),
    );
    db.prepare('UPDATE portal_connections SET terms_refreshed_at = ? WHERE id = ?').run(
      refreshedAt,
      connectionId,
    );
  })();
}

/** The cached terms of a connection, in the portal's order. */
export function listTerms(db: Database, connectionId: string): PortalTermRow[] {
  return db
    .prepare(
      `SELECT taxonomy, remote_id, parent_id, title, slug FROM portal_terms
       WHERE connection_id = ? ORDER BY taxonomy, position`,
    )
    .all(connectionId) as PortalTermRow[];
}
