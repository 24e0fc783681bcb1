<?php

/**
 * Newsdesk connector for NukeViet 4.5 (news module).
 * Written for Newsdesk; not part of NukeViet. Licence: same terms as the site it is installed on.
 */

namespace NukeViet\Module\news\Api\Newsdesk;

if (!defined('NV_MAINFILE')) {
    exit('Stop!!!');
}

/**
 * The connector's two own tables, next to the module's (e.g. nv4_vi_news_newsdesk_sync):
 * - `_newsdesk_sync` maps the workstation's article identity (a UUID) to the article id, so a
 *   retried "save" updates the article the first attempt created instead of adding a second one.
 *   A table rather than a spare column of `_rows`: every column there has a meaning NukeViet or
 *   a theme uses, `_rows` is copied column by column into the per-category tables, and editors
 *   change articles on the portal without knowing a key is hidden in them.
 * - `_newsdesk_media` maps the SHA-256 of an uploaded image to its stored path, so uploading the
 *   same bytes twice returns the first file instead of writing name_1.jpg.
 * They are created on the first call (NukeViet's database user may create tables: the news
 * module creates one per category). install.sql holds the same statements for operators who
 * prefer to run them by hand. Uninstalling: drop both tables; nothing else refers to them.
 */
class Schema
{
    /** @var bool */
    private static $checked = false;

    /**
     * @param Context $ctx
     * @return string
     */
    public static function syncTable(Context $ctx)
    {
        return $ctx->table('newsdesk_sync');
    }

    /**
     * @param Context $ctx
     * @return string
     */
    public static function mediaTable(Context $ctx)
    {
        return $ctx->table('newsdesk_media');
    }

    /**
     * Creates the tables when they are missing.
     *
     * @param Context $ctx
     */
    public static function ensure(Context $ctx)
    {
        if (self::$checked) {
            return;
        }
        foreach ([self::syncTable($ctx), self::mediaTable($ctx)] as $table) {
            try {
                $ctx->db->query('SELECT 1 FROM ' . $table . ' LIMIT 1')->closeCursor();
            } catch (\PDOException $e) {
                foreach (self::createStatements($ctx) as $sql) {
                    $ctx->db->exec($sql);
                }
                break;
            }
        }
        self::$checked = true;
    }

    /**
     * CREATE statements for the current database: MySQL as NukeViet creates its tables
     * (MyISAM, database default charset), SQLite for the test harness.
     *
     * @param Context $ctx
     * @return string[]
     */
    public static function createStatements(Context $ctx)
    {
        $sync = self::syncTable($ctx);
        $media = self::mediaTable($ctx);
        if ($ctx->isMysql()) {
            return [
                'CREATE TABLE IF NOT EXISTS ' . $sync . " (
                    sync_key varchar(64) NOT NULL,
                    id int(11) unsigned NOT NULL DEFAULT '0',
                    admin_id mediumint(8) unsigned NOT NULL DEFAULT '0',
                    add_time int(11) unsigned NOT NULL DEFAULT '0',
                    edit_time int(11) unsigned NOT NULL DEFAULT '0',
                    PRIMARY KEY (sync_key),
                    KEY id (id)
                ) ENGINE=MyISAM",
                'CREATE TABLE IF NOT EXISTS ' . $media . " (
                    sha256 char(64) NOT NULL,
                    path varchar(255) NOT NULL DEFAULT '',
                    sync_key varchar(64) NOT NULL DEFAULT '',
                    filesize int(11) unsigned NOT NULL DEFAULT '0',
                    width int(11) unsigned NOT NULL DEFAULT '0',
                    height int(11) unsigned NOT NULL DEFAULT '0',
                    admin_id mediumint(8) unsigned NOT NULL DEFAULT '0',
                    add_time int(11) unsigned NOT NULL DEFAULT '0',
                    PRIMARY KEY (sha256)
                ) ENGINE=MyISAM",
            ];
        }

        return [
            'CREATE TABLE IF NOT EXISTS ' . $sync . " (
                sync_key TEXT NOT NULL PRIMARY KEY,
                id INTEGER NOT NULL DEFAULT 0,
                admin_id INTEGER NOT NULL DEFAULT 0,
                add_time INTEGER NOT NULL DEFAULT 0,
                edit_time INTEGER NOT NULL DEFAULT 0
            )",
            'CREATE INDEX IF NOT EXISTS ' . $sync . '_id ON ' . $sync . ' (id)',
            'CREATE TABLE IF NOT EXISTS ' . $media . " (
                sha256 TEXT NOT NULL PRIMARY KEY,
                path TEXT NOT NULL DEFAULT '',
                sync_key TEXT NOT NULL DEFAULT '',
                filesize INTEGER NOT NULL DEFAULT 0,
                width INTEGER NOT NULL DEFAULT 0,
                height INTEGER NOT NULL DEFAULT 0,
                admin_id INTEGER NOT NULL DEFAULT 0,
                add_time INTEGER NOT NULL DEFAULT 0
            )",
        ];
    }

    /**
     * The article id a sync key was saved as, or 0.
     *
     * @param Context $ctx
     * @param string  $syncKey
     * @return int
     */
    public static function articleFor(Context $ctx, $syncKey)
    {
        $row = $ctx->fetchRow('SELECT id FROM ' . self::syncTable($ctx) . ' WHERE sync_key = :k', [':k' => $syncKey]);

        return $row === null ? 0 : (int) $row['id'];
    }

    /**
     * The sync key an article was saved with, or ''.
     *
     * @param Context $ctx
     * @param int     $id
     * @return string
     */
    public static function keyFor(Context $ctx, $id)
    {
        $row = $ctx->fetchRow('SELECT sync_key FROM ' . self::syncTable($ctx) . ' WHERE id = :id ORDER BY edit_time DESC LIMIT 1', [':id' => $id]);

        return $row === null ? '' : (string) $row['sync_key'];
    }

    /**
     * Records a new mapping. Fails (PDOException) when another request claimed the key first.
     *
     * @param Context $ctx
     * @param string  $syncKey
     * @param int     $id
     */
    public static function claim(Context $ctx, $syncKey, $id)
    {
        $ctx->run('INSERT INTO ' . self::syncTable($ctx) . ' (sync_key, id, admin_id, add_time, edit_time) VALUES (:k, :id, :admin, :t, :t2)', [
            ':k' => $syncKey,
            ':id' => $id,
            ':admin' => $ctx->adminId,
            ':t' => $ctx->now,
            ':t2' => $ctx->now,
        ]);
    }

    /**
     * Points a key at an article (insert or update).
     *
     * @param Context $ctx
     * @param string  $syncKey
     * @param int     $id
     */
    public static function point(Context $ctx, $syncKey, $id)
    {
        // Not "UPDATE, then INSERT when rowCount() is 0": on MySQL rowCount() counts only rows
        // that changed, so saving the same article twice in one second reports 0 and the INSERT
        // hits the primary key.
        if ($ctx->fetchRow('SELECT sync_key FROM ' . self::syncTable($ctx) . ' WHERE sync_key = :k', [':k' => $syncKey]) === null) {
            try {
                self::claim($ctx, $syncKey, $id);

                return;
            } catch (\PDOException $e) {
                // A parallel request claimed it first: point it here below.
                if ($e->getCode() !== '23000') {
                    throw $e;
                }
            }
        }
        $ctx->run('UPDATE ' . self::syncTable($ctx) . ' SET id = :id, edit_time = :t WHERE sync_key = :k', [
            ':id' => $id,
            ':t' => $ctx->now,
            ':k' => $syncKey,
        ]);
    }

    /**
     * Drops a mapping whose article was deleted on the portal.
     *
     * @param Context $ctx
     * @param string  $syncKey
     */
    public static function forget(Context $ctx, $syncKey)
    {
        $ctx->run('DELETE FROM ' . self::syncTable($ctx) . ' WHERE sync_key = :k', [':k' => $syncKey]);
    }
}
