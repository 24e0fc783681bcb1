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
 * The tables the admin form writes around an article: sources, tags (`_tags` with its counters
 * and `_tags_id`), default featured groups (`_block`), the poster's pen name (`_author`,
 * `_authorlist`), the status log (`_logs`) and the module's "next status check" setting that
 * makes scheduled articles go live. Each follows what the form does, re-written here because
 * the module's admin functions cannot be loaded in an API call.
 */
class Relations
{
    /**
     * The source id for a source text: a URL is filed under its scheme://host, anything else
     * under its title; unknown sources are added, as the form does.
     *
     * @param Context $ctx
     * @param string  $sourcetext
     * @return int[] [sourceid, is_url]
     */
    public static function sourceId(Context $ctx, $sourcetext)
    {
        if ($sourcetext === '') {
            return [0, 0];
        }
        $table = $ctx->table('sources');
        $parts = parse_url($sourcetext);
        $isUrl = is_array($parts) && isset($parts['scheme'], $parts['host']);
        if ($isUrl) {
            $link = $parts['scheme'] . '://' . $parts['host'];
            $row = $ctx->fetchRow('SELECT sourceid FROM ' . $table . ' WHERE link = :v', [':v' => $link]);
            $title = $parts['host'];
        } else {
            $link = '';
            $row = $ctx->fetchRow('SELECT sourceid FROM ' . $table . ' WHERE title = :v', [':v' => $sourcetext]);
            $title = $sourcetext;
        }
        if ($row !== null) {
            return [(int) $row['sourceid'], $isUrl ? 1 : 0];
        }
        $weight = (int) $ctx->db->query('SELECT MAX(weight) FROM ' . $table)->fetchColumn() + 1;
        $ctx->run('INSERT INTO ' . $table . " (title, link, logo, weight, add_time, edit_time) VALUES (:title, :link, '', :w, :t, :t2)", [
            ':title' => $title,
            ':link' => $link,
            ':w' => $weight,
            ':t' => $ctx->now,
            ':t2' => $ctx->now,
        ]);

        return [(int) $ctx->db->lastInsertId(), $isUrl ? 1 : 0];
    }

    /**
     * Brings the article's tags to $tags: new keywords find their tag by alias or by the tag's
     * keyword list, or create it; counters follow; keywords no longer there are unlinked.
     *
     * @param Context  $ctx
     * @param int      $id
     * @param string[] $tags
     */
    public static function syncTags(Context $ctx, $id, array $tags)
    {
        $tagsTable = $ctx->table('tags');
        $linkTable = $ctx->table('tags_id');
        $old = [];
        foreach ($ctx->fetchAll('SELECT tid, keyword FROM ' . $linkTable . ' WHERE id = :id', [':id' => $id]) as $row) {
            $old[(int) $row['tid']] = (string) $row['keyword'];
        }
        foreach ($tags as $tag) {
            if (in_array($tag, $old, true)) {
                continue;
            }
            $alias = self::tagAlias($ctx, $tag);
            if ($alias === '') {
                continue;
            }
            $found = $ctx->fetchRow('SELECT tid, alias, keywords FROM ' . $tagsTable . ' WHERE alias = :alias OR FIND_IN_SET(:keyword, keywords) > 0', [
                ':alias' => $alias,
                ':keyword' => $tag,
            ]);
            if ($found === null) {
                $ctx->run('INSERT INTO ' . $tagsTable . " (numnews, title, alias, description, image, keywords) VALUES (1, :title, :alias, '', '', :keywords)", [
                    ':title' => $tag,
                    ':alias' => $alias,
                    ':keywords' => $tag,
                ]);
                $tid = (int) $ctx->db->lastInsertId();
            } else {
                $tid = (int) $found['tid'];
                if ($found['alias'] !== $alias) {
                    $keywords = array_filter(explode(',', (string) $found['keywords']), 'strlen');
                    if (!in_array($tag, $keywords, true)) {
                        $keywords[] = $tag;
                        $ctx->run('UPDATE ' . $tagsTable . ' SET keywords = :k WHERE tid = :tid', [':k' => implode(',', $keywords), ':tid' => $tid]);
                    }
                }
                $ctx->run('UPDATE ' . $tagsTable . ' SET numnews = numnews + 1 WHERE tid = :tid', [':tid' => $tid]);
            }
            if ($ctx->fetchRow('SELECT tid FROM ' . $linkTable . ' WHERE id = :id AND tid = :tid', [':id' => $id, ':tid' => $tid]) === null) {
                $ctx->run('INSERT INTO ' . $linkTable . ' (id, tid, keyword) VALUES (:id, :tid, :k)', [':id' => $id, ':tid' => $tid, ':k' => $tag]);
            } else {
                $ctx->run('UPDATE ' . $linkTable . ' SET keyword = :k WHERE id = :id AND tid = :tid', [':k' => $tag, ':id' => $id, ':tid' => $tid]);
            }
            unset($old[$tid]);
        }
        foreach ($old as $tid => $keyword) {
            if (!in_array($keyword, $tags, true)) {
                $ctx->run('UPDATE ' . $tagsTable . ' SET numnews = numnews - 1 WHERE tid = :tid', [':tid' => $tid]);
                $ctx->run('DELETE FROM ' . $linkTable . ' WHERE id = :id AND tid = :tid', [':id' => $id, ':tid' => $tid]);
            }
        }
    }

    /**
     * A tag's alias: change_alias when the module builds tag aliases like article aliases
     * (tags_alias=1), otherwise change_alias_tags, which keeps Vietnamese letters; lower case.
     *
     * @return string
     */
    public static function tagAlias(Context $ctx, $tag)
    {
        if (!empty($ctx->config('tags_alias', 0))) {
            $alias = change_alias($tag);
            if (!empty($ctx->config('alias_lower', 1))) {
                $alias = strtolower($alias);
            }
        } else {
            $alias = change_alias_tags($tag);
        }

        return nv_strtolower($alias);
    }

    /**
     * A new article joins the featured groups marked "add by default", first in each group
     * (weight 0, then the group is renumbered and cut at 100 as the form does).
     *
     * @param Context $ctx
     * @param int     $id
     */
    public static function addDefaultBlocks(Context $ctx, $id)
    {
        $blockTable = $ctx->table('block');
        foreach ($ctx->fetchAll('SELECT bid FROM ' . $ctx->table('block_cat') . ' WHERE adddefault = 1') as $cat) {
            $bid = (int) $cat['bid'];
            $ctx->run('INSERT INTO ' . $blockTable . ' (bid, id, weight) VALUES (:bid, :id, 0)', [':bid' => $bid, ':id' => $id]);
            $weight = 0;
            foreach ($ctx->fetchAll('SELECT id FROM ' . $blockTable . ' WHERE bid = :bid ORDER BY weight ASC', [':bid' => $bid]) as $row) {
                ++$weight;
                if ($weight <= 100) {
                    $ctx->run('UPDATE ' . $blockTable . ' SET weight = :w WHERE bid = :bid AND id = :id', [':w' => $weight, ':bid' => $bid, ':id' => (int) $row['id']]);
                } else {
                    $ctx->run('DELETE FROM ' . $blockTable . ' WHERE bid = :bid AND id = :id', [':bid' => $bid, ':id' => (int) $row['id']]);
                }
            }
        }
    }

    /**
     * A new article is credited to the poster's pen name (`_author`, created from the account's
     * name when missing) in `_authorlist`, as the form pre-selects it.
     *
     * @param Context $ctx
     * @param int     $id
     */
    public static function creditPoster(Context $ctx, $id)
    {
        $authorTable = $ctx->table('author');
        $author = $ctx->fetchRow('SELECT id, alias, pseudonym FROM ' . $authorTable . ' WHERE uid = :uid', [':uid' => $ctx->adminId]);
        if ($author === null) {
            $user = defined('NV_USERS_GLOBALTABLE') ? $ctx->fetchRow('SELECT username, first_name, last_name FROM ' . NV_USERS_GLOBALTABLE . ' WHERE userid = :uid', [':uid' => $ctx->adminId]) : null;
            $pseudonym = $user === null ? $ctx->adminName : trim($user['first_name'] . ' ' . $user['last_name']);
            if ($pseudonym === '') {
                $pseudonym = $user === null ? $ctx->adminName : (string) $user['username'];
            }
            $alias = change_alias($pseudonym);
            if ($ctx->fetchRow('SELECT id FROM ' . $authorTable . ' WHERE alias = :a', [':a' => $alias]) !== null) {
                $alias .= '-' . $ctx->adminId;
            }
            $ctx->run('INSERT INTO ' . $authorTable . " (uid, alias, pseudonym, image, description, add_time) VALUES (:uid, :alias, :p, '', '', :t)", [
                ':uid' => $ctx->adminId,
                ':alias' => $alias,
                ':p' => $pseudonym,
                ':t' => $ctx->now,
            ]);
            $author = ['id' => (int) $ctx->db->lastInsertId(), 'alias' => $alias, 'pseudonym' => $pseudonym];
        }
        $ctx->run('INSERT INTO ' . $ctx->table('authorlist') . ' (id, aid, alias, pseudonym) VALUES (:id, :aid, :alias, :p)', [
            ':id' => $id,
            ':aid' => (int) $author['id'],
            ':alias' => $author['alias'],
            ':p' => $author['pseudonym'],
        ]);
        $ctx->run('UPDATE ' . $authorTable . ' SET numnews = numnews + 1 WHERE id = :aid', [':aid' => (int) $author['id']]);
    }

    /**
     * One line of status history (`_logs`, key change_status), as the form writes on every save.
     *
     * @param Context $ctx
     * @param int     $id
     * @param int     $status the stored status
     */
    public static function logStatus(Context $ctx, $id, $status)
    {
        $ctx->run('INSERT INTO ' . $ctx->table('logs') . " (sid, userid, log_key, status, note, set_time) VALUES (:sid, :uid, 'change_status', :s, '', :t)", [
            ':sid' => $id,
            ':uid' => $ctx->adminId,
            ':s' => $status,
            ':t' => $ctx->now,
        ]);
    }

    /**
     * Sets the module's `timecheckstatus` to the earliest pending change (a scheduled article to
     * publish, a published one to expire). The front end runs the module's status update when
     * that time has passed; without this a scheduled article saved through the API would wait
     * for an unrelated admin save.
     *
     * @param Context $ctx
     */
    public static function scheduleStatusCheck(Context $ctx)
    {
        $rows = $ctx->table('rows');
        $publ = (int) $ctx->db->query('SELECT MIN(publtime) FROM ' . $rows . ' WHERE status = 2')->fetchColumn();
        $exp = (int) $ctx->db->query('SELECT MIN(exptime) FROM ' . $rows . ' WHERE status = 1 AND exptime > 0')->fetchColumn();
        $candidates = array_filter([$publ, $exp]);
        $next = empty($candidates) ? 0 : min($candidates);
        if (!defined('NV_CONFIG_GLOBALTABLE')) {
            return;
        }
        $changed = $ctx->run('UPDATE ' . NV_CONFIG_GLOBALTABLE . " SET config_value = :v WHERE lang = :lang AND module = :m AND config_name = 'timecheckstatus'", [
            ':v' => (string) $next,
            ':lang' => NV_LANG_DATA,
            ':m' => $ctx->moduleName,
        ]);
        global $nv_Cache;
        if ($changed > 0 && is_object($nv_Cache) && method_exists($nv_Cache, 'delMod')) {
            $nv_Cache->delMod('settings');
        }
    }
}
