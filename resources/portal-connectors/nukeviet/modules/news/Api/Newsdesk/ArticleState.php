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
 * An article as stored (`_rows` + `_detail` + tags), with its public URL and an edit stamp. The
 * stamp joins `edittime` with a digest of the fields an editor can change, so an edit made on
 * the portal is noticed even when it happens within the second of the last sync or does not
 * bump edittime (the admin's "save without changes" with history on keeps the old edittime).
 */
class ArticleState
{
    /** Names for the status values (locked articles report their status before the lock). */
    const STATUS_NAMES = [
        0 => 'inactive',
        1 => 'published',
        2 => 'scheduled',
        3 => 'expired',
        4 => 'draft',
        5 => 'review',
        6 => 'review_rejected',
        7 => 'reviewing',
        8 => 'to_publish',
        9 => 'publish_rejected',
        10 => 'checking',
    ];

    /** Statuses above this are "locked": the category is suspended (NukeViet stores status + 21). */
    const LOCK_OFFSET = 20;

    /**
     * The `_rows` row or null.
     *
     * @param Context $ctx
     * @param int     $id
     * @return array|null
     */
    public static function row(Context $ctx, $id)
    {
        return $id > 0 ? $ctx->fetchRow('SELECT * FROM ' . $ctx->table('rows') . ' WHERE id = :id', [':id' => $id]) : null;
    }

    /**
     * Resolves the id from the request (`id`, or `sync_key`).
     *
     * @param Context $ctx
     * @return int
     * @throws Failure
     */
    public static function requestedId(Context $ctx)
    {
        global $nv_Request;

        $id = $nv_Request->get_int('id', 'post', 0);
        $syncKey = $nv_Request->get_title('sync_key', 'post', '');
        if ($id <= 0 && $syncKey !== '') {
            $id = Schema::articleFor($ctx, $syncKey);
        }
        if ($id <= 0 || self::row($ctx, $id) === null) {
            throw Failure::of(Failure::ARTICLE_NOT_FOUND, [$id > 0 ? '#' . $id : $syncKey], ['id' => $id]);
        }

        return $id;
    }

    /**
     * The article's state for the workstation.
     *
     * @param Context $ctx
     * @param int     $id
     * @return array
     * @throws Failure
     */
    public static function read(Context $ctx, $id)
    {
        $row = self::row($ctx, $id);
        if ($row === null) {
            throw Failure::of(Failure::ARTICLE_NOT_FOUND, ['#' . $id], ['id' => $id]);
        }
        $detail = $ctx->fetchRow('SELECT * FROM ' . $ctx->table('detail') . ' WHERE id = :id', [':id' => $id]);
        if ($detail === null) {
            $detail = ['bodyhtml' => '', 'keywords' => '', 'sourcetext' => '', 'imgposition' => 1];
        }
        $tags = [];
        foreach ($ctx->fetchAll('SELECT keyword FROM ' . $ctx->table('tags_id') . ' WHERE id = :id ORDER BY keyword ASC', [':id' => $id]) as $t) {
            $tags[] = (string) $t['keyword'];
        }
        $stored = (int) $row['status'];
        $locked = $stored > self::LOCK_OFFSET;
        $status = $locked ? $stored - (self::LOCK_OFFSET + 1) : $stored;
        $listcatid = array_values(array_filter(array_map('intval', explode(',', (string) $row['listcatid']))));
        $state = [
            'id' => (int) $row['id'],
            'sync_key' => Schema::keyFor($ctx, $id),
            'url' => self::url($ctx, $row),
            'status' => $status,
            'status_name' => array_key_exists($status, self::STATUS_NAMES) ? self::STATUS_NAMES[$status] : 'other',
            'locked' => $locked,
            'catid' => (int) $row['catid'],
            'listcatid' => $listcatid,
            'title' => (string) $row['title'],
            'alias' => (string) $row['alias'],
            'hometext' => (string) $row['hometext'],
            'bodyhtml' => (string) $detail['bodyhtml'],
            'homeimgfile' => (string) $row['homeimgfile'],
            'homeimgalt' => (string) $row['homeimgalt'],
            'homeimgthumb' => (int) $row['homeimgthumb'],
            'imgposition' => (int) $detail['imgposition'],
            'author' => (string) $row['author'],
            'sourcetext' => (string) $detail['sourcetext'],
            'keywords' => (string) $detail['keywords'],
            'tags' => $tags,
            'publtime' => (int) $row['publtime'],
            'exptime' => (int) $row['exptime'],
            'addtime' => (int) $row['addtime'],
            'edittime' => (int) $row['edittime'],
            'admin_id' => (int) $row['admin_id'],
        ];
        $state['stamp'] = self::stamp($state);
        $state['status_by'] = self::statusBy($ctx, $id, $status);

        return $state;
    }

    /**
     * Who last set the article's current status, from the module's status log (the admin list's
     * "Ngưng hiệu lực"/"Đăng bài" and the connector write it): user name and time, or null when
     * the log does not say. Read only; a site without the log table answers null.
     *
     * @param Context $ctx
     * @param int     $id
     * @param int     $status
     * @return array|null
     */
    public static function statusBy(Context $ctx, $id, $status)
    {
        try {
            $log = $ctx->fetchRow('SELECT userid, status, set_time FROM ' . $ctx->table('logs') . " WHERE sid = :id AND log_key = 'change_status' ORDER BY set_time DESC, id DESC LIMIT 1", [':id' => $id]);
        } catch (\Exception $e) {
            return null;
        }
        if ($log === null || (int) $log['status'] !== (int) $status) {
            return null;
        }
        $user = null;
        if (defined('NV_USERS_GLOBALTABLE') and (int) $log['userid'] > 0) {
            $user = $ctx->fetchRow('SELECT username, first_name, last_name FROM ' . NV_USERS_GLOBALTABLE . ' WHERE userid = :uid', [':uid' => (int) $log['userid']]);
        }

        return [
            'userid' => (int) $log['userid'],
            'username' => $user === null ? '' : (string) $user['username'],
            'full_name' => $user === null ? '' : trim($user['last_name'] . ' ' . $user['first_name']),
            'time' => (int) $log['set_time'],
        ];
    }

    /**
     * edittime plus a digest of the editable fields.
     *
     * @param array $state
     * @return string
     */
    public static function stamp(array $state)
    {
        $fields = [];
        foreach (['status', 'locked', 'catid', 'listcatid', 'title', 'alias', 'hometext', 'bodyhtml', 'homeimgfile', 'homeimgalt', 'imgposition', 'author', 'sourcetext', 'keywords', 'tags', 'publtime', 'exptime'] as $key) {
            $fields[$key] = $state[$key];
        }

        return $state['edittime'] . '-' . substr(md5(serialize($fields)), 0, 16);
    }

    /**
     * The article's public address: <site>/index.php?language=vi&nv=news&op=<cat-alias>/<alias>-<id>
     * through the site's URL rewriting (…/news/<cat-alias>/<alias>-<id>.html when it is on).
     *
     * @param Context $ctx
     * @param array   $row
     * @return string
     */
    public static function url(Context $ctx, array $row)
    {
        $cat = $ctx->fetchRow('SELECT alias FROM ' . $ctx->table('cat') . ' WHERE catid = :c', [':c' => (int) $row['catid']]);
        $op = ($cat === null ? '' : $cat['alias'] . '/') . $row['alias'] . '-' . $row['id'] . $ctx->siteConfig('rewrite_exturl', '');
        $link = NV_BASE_SITEURL . 'index.php?' . NV_LANG_VARIABLE . '=' . NV_LANG_DATA . '&' . NV_NAME_VARIABLE . '=' . $ctx->moduleName . '&' . NV_OP_VARIABLE . '=' . $op;
        if (function_exists('nv_url_rewrite')) {
            $link = nv_url_rewrite($link, true);
        }
        if (!preg_match('#^https?://#i', $link) && defined('NV_MY_DOMAIN')) {
            $link = NV_MY_DOMAIN . $link;
        }

        return $link;
    }
}
