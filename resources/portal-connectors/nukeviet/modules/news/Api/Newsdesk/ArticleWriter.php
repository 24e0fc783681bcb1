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
 * Creates or updates an article the way the news module's "post article" form saves one:
 * `_rows`, `_detail`, a copy of the row in `_<catid>` for every category (removed from the
 * categories it left), tags, default featured groups and pen name for new articles, the status
 * log, the system log, the module's next status check and its cache. The workstation's article
 * identity (sync_key) is recorded right after the row is created, so a retried request, even one
 * whose answer was lost, updates that article instead of creating a second one.
 *
 * NukeViet's tables are MyISAM (no transactions), so writes are ordered to be safe to repeat:
 * an update rewrites the detail row and every category copy whether or not they exist.
 */
class ArticleWriter
{
    /**
     * @param Context $ctx
     * @return array `article` (its state) and `created`
     * @throws Failure
     */
    public static function save(Context $ctx)
    {
        global $nv_Request;

        $syncKey = $nv_Request->get_title('sync_key', 'post', '');
        if (!preg_match('/^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/', $syncKey)) {
            throw Failure::of(Failure::INVALID_INPUT, ['sync_key'], ['field' => 'sync_key']);
        }
        $cats = $ctx->categories();
        $rights = Rights::load($ctx);

        $existing = null;
        $requestedId = $nv_Request->get_int('id', 'post', 0);
        if ($requestedId > 0) {
            $existing = ArticleState::row($ctx, $requestedId);
            if ($existing === null) {
                throw Failure::of(Failure::ARTICLE_NOT_FOUND, ['#' . $requestedId], ['id' => $requestedId]);
            }
        } else {
            $mapped = Schema::articleFor($ctx, $syncKey);
            if ($mapped > 0) {
                $existing = ArticleState::row($ctx, $mapped);
                if ($existing === null) {
                    Schema::forget($ctx, $syncKey);
                }
            }
        }

        $input = ArticleInput::read($ctx, $cats);
        $row = self::prepare($ctx, $input, $existing, $cats, $rights);

        if ($existing === null) {
            $id = self::insert($ctx, $row, $input, $syncKey);
            $created = true;
        } else {
            $id = (int) $existing['id'];
            self::update($ctx, $id, $row, $input, $existing);
            Schema::point($ctx, $syncKey, $id);
            $created = false;
        }

        Relations::syncTags($ctx, $id, $input->tags);
        if ($created) {
            Relations::addDefaultBlocks($ctx, $id);
            if ($input->creditPoster) {
                Relations::creditPoster($ctx, $id);
            }
        }
        Relations::logStatus($ctx, $id, $row['status']);
        Relations::scheduleStatusCheck($ctx);
        $ctx->clearCache();

        return ['article' => ArticleState::read($ctx, $id), 'created' => $created];
    }

    /**
     * Permissions, status, times, alias, source and home image for the row to write.
     *
     * @return array
     * @throws Failure
     */
    private static function prepare(Context $ctx, ArticleInput $input, $existing, array $cats, Rights $rights)
    {
        $f = $input->fields;
        $oldCats = $existing === null ? [] : array_values(array_filter(array_map('intval', explode(',', (string) $existing['listcatid']))));

        $locked = [];
        foreach ($input->catids as $catid) {
            if (!in_array((int) $cats[$catid]['status'], [1, 2], true)) {
                $locked[] = $catid;
            }
        }
        $newlyLocked = array_diff($locked, $oldCats);
        if (!empty($newlyLocked)) {
            $titles = [];
            foreach ($newlyLocked as $catid) {
                $titles[] = $cats[$catid]['title'];
            }
            throw Failure::of(Failure::CATEGORY_SUSPENDED, [implode(', ', $titles)], ['categories' => $titles]);
        }

        if ($existing !== null) {
            $oldStatus = (int) $existing['status'];
            if ($oldStatus > ArticleState::LOCK_OFFSET) {
                $oldStatus -= ArticleState::LOCK_OFFSET + 1;
            }
            $rights->requireOn($ctx, 'edit_content', $oldCats, $cats, function ($catid) use ($rights, $existing, $oldStatus) {
                return $rights->canEdit($existing, $catid, $oldStatus);
            });
        }
        $right = $input->status === 1 ? 'pub_content' : ($input->status === 0 ? 'app_content' : 'add_content');
        $rights->requireOn($ctx, $right, $input->catids, $cats);

        $status = $input->status;
        $publtime = $f['publtime'];
        if (!$input->hasPubltime) {
            $publtime = $existing === null ? $ctx->now : (int) $existing['publtime'];
        }
        if (!$rights->isFullModule()) {
            $floor = $existing === null ? $ctx->now : (int) $existing['addtime'];
            $publtime = max($publtime, $floor);
        }
        if ($status === 1 && $publtime > $ctx->now) {
            $status = 2;
        }
        if (!empty($locked) && $status <= ArticleState::LOCK_OFFSET) {
            $status += ArticleState::LOCK_OFFSET + 1;
        }

        list($sourceid, $isUrl) = Relations::sourceId($ctx, $f['sourcetext']);
        list($homeimgfile, $homeimgthumb) = self::homeImage($ctx, $f['homeimg'], $f['bodyhtml'], $f['imgposition']);

        return [
            'catid' => $input->catid,
            'listcatid' => implode(',', $input->catids),
            'author' => $f['author'],
            'sourceid' => $sourceid,
            'external_link' => ($existing !== null && $isUrl) ? (int) $existing['external_link'] : 0,
            'status' => $status,
            'publtime' => $publtime,
            'exptime' => $f['exptime'],
            'archive' => $f['archive'],
            'title' => $f['title'],
            'alias' => $f['alias'],
            'hometext' => $f['hometext'],
            'homeimgfile' => $homeimgfile,
            'homeimgalt' => $f['homeimgalt'],
            'homeimgthumb' => $homeimgthumb,
            'bodyhtml' => $f['bodyhtml'],
            'keywords' => $f['keywords'],
            'sourcetext' => $f['sourcetext'],
            'imgposition' => $f['imgposition'],
            'old_cats' => $oldCats,
        ];
    }

    /**
     * A new article: _rows, the sync mapping, _detail, one copy per category, system log.
     *
     * @return int the new id
     * @throws Failure
     */
    private static function insert(Context $ctx, array $row, ArticleInput $input, $syncKey)
    {
        $rowsTable = $ctx->table('rows');
        $weight = (int) $ctx->db->query('SELECT MAX(weight) FROM ' . $rowsTable)->fetchColumn() + 1;
        $ctx->run('INSERT INTO ' . $rowsTable . ' (
                catid, listcatid, topicid, admin_id, author, sourceid, addtime, edittime, status, weight, publtime, exptime, archive,
                title, alias, hometext, homeimgfile, homeimgalt, homeimgthumb, inhome, allowed_comm, allowed_rating, external_link,
                hitstotal, hitscm, total_rating, click_rating, instant_active, instant_template, instant_creatauto
            ) VALUES (
                :catid, :listcatid, 0, :admin_id, :author, :sourceid, :addtime, :edittime, :status, :weight, :publtime, :exptime, :archive,
                :title, :alias, :hometext, :homeimgfile, :homeimgalt, :homeimgthumb, 1, :allowed_comm, 1, :external_link,
                0, 0, 0, 0, 0, \'\', 0
            )', [
            ':catid' => $row['catid'],
            ':listcatid' => $row['listcatid'],
            ':admin_id' => $ctx->adminId,
            ':author' => $row['author'],
            ':sourceid' => $row['sourceid'],
            ':addtime' => $ctx->now,
            ':edittime' => $ctx->now,
            ':status' => $row['status'],
            ':weight' => $weight,
            ':publtime' => $row['publtime'],
            ':exptime' => $row['exptime'],
            ':archive' => $row['archive'],
            ':title' => $row['title'],
            ':alias' => $row['alias'],
            ':hometext' => $row['hometext'],
            ':homeimgfile' => $row['homeimgfile'],
            ':homeimgalt' => $row['homeimgalt'],
            ':homeimgthumb' => $row['homeimgthumb'],
            ':allowed_comm' => (string) $ctx->config('setcomm', '4'),
            ':external_link' => $row['external_link'],
        ]);
        $id = (int) $ctx->db->lastInsertId();
        if ($id <= 0) {
            throw Failure::of(Failure::SYSTEM, ['insert _rows']);
        }
        try {
            Schema::claim($ctx, $syncKey, $id);
        } catch (\PDOException $e) {
            // A parallel request with the same key won: remove this copy, let the client retry.
            $ctx->run('DELETE FROM ' . $rowsTable . ' WHERE id = :id', [':id' => $id]);
            throw Failure::of(Failure::SYSTEM, ['sync_key ' . $syncKey . ' is being saved by another request']);
        }

        self::writeDetail($ctx, $id, $row, true);
        self::writeCategoryCopies($ctx, $id, $input->catids, []);
        $ctx->systemLog(self::lang('content_add', 'Thêm bài viết'), $row['title']);

        return $id;
    }

    /**
     * An existing article: _rows, _detail, category copies, edit lock released, system log.
     */
    private static function update(Context $ctx, $id, array $row, ArticleInput $input, array $existing)
    {
        $ctx->run('UPDATE ' . $ctx->table('rows') . ' SET
                catid = :catid, listcatid = :listcatid, author = :author, sourceid = :sourceid, status = :status,
                publtime = :publtime, exptime = :exptime, archive = :archive, title = :title, alias = :alias,
                hometext = :hometext, homeimgfile = :homeimgfile, homeimgalt = :homeimgalt, homeimgthumb = :homeimgthumb,
                external_link = :external_link, edittime = :edittime
            WHERE id = :id', [
            ':catid' => $row['catid'],
            ':listcatid' => $row['listcatid'],
            ':author' => $row['author'],
            ':sourceid' => $row['sourceid'],
            ':status' => $row['status'],
            ':publtime' => $row['publtime'],
            ':exptime' => $row['exptime'],
            ':archive' => $row['archive'],
            ':title' => $row['title'],
            ':alias' => $row['alias'],
            ':hometext' => $row['hometext'],
            ':homeimgfile' => $row['homeimgfile'],
            ':homeimgalt' => $row['homeimgalt'],
            ':homeimgthumb' => $row['homeimgthumb'],
            ':external_link' => $row['external_link'],
            ':edittime' => $ctx->now,
            ':id' => $id,
        ]);
        $keepImgposition = !$input->hasImgposition;
        self::writeDetail($ctx, $id, $row, false, $keepImgposition);
        self::writeCategoryCopies($ctx, $id, $input->catids, $row['old_cats']);
        $ctx->run('DELETE FROM ' . $ctx->table('tmp') . ' WHERE id = :id', [':id' => $id]);
        $ctx->systemLog(self::lang('content_edit', 'Sửa bài viết'), $row['title']);
    }

    /**
     * Inserts or updates the _detail row (body, keywords, source, image position).
     */
    private static function writeDetail(Context $ctx, $id, array $row, $isNew, $keepImgposition = false)
    {
        $table = $ctx->table('detail');
        if (!$isNew && $ctx->fetchRow('SELECT id FROM ' . $table . ' WHERE id = :id', [':id' => $id]) !== null) {
            $ctx->run('UPDATE ' . $table . ' SET bodyhtml = :bodyhtml, keywords = :keywords, sourcetext = :sourcetext'
                . ($keepImgposition ? '' : ', imgposition = ' . (int) $row['imgposition']) . ' WHERE id = :id', [
                ':bodyhtml' => $row['bodyhtml'],
                ':keywords' => $row['keywords'],
                ':sourcetext' => $row['sourcetext'],
                ':id' => $id,
            ]);

            return;
        }
        $ctx->run('INSERT INTO ' . $table . " (
                id, titlesite, description, bodyhtml, keywords, sourcetext, files, imgposition, layout_func,
                copyright, allowed_send, allowed_print, allowed_save
            ) VALUES (:id, '', '', :bodyhtml, :keywords, :sourcetext, '', :imgposition, '', 0, 1, 1, 1)", [
            ':id' => $id,
            ':bodyhtml' => $row['bodyhtml'],
            ':keywords' => $row['keywords'],
            ':sourcetext' => $row['sourcetext'],
            ':imgposition' => (int) $row['imgposition'],
        ]);
    }

    /**
     * Copies the _rows row into _<catid> for each category and removes it from categories the
     * article left. Category listings and RSS read these tables.
     *
     * @param Context $ctx
     * @param int     $id
     * @param int[]   $catids
     * @param int[]   $oldCats
     */
    public static function writeCategoryCopies(Context $ctx, $id, array $catids, array $oldCats)
    {
        foreach (array_diff($oldCats, $catids) as $catid) {
            $ctx->run('DELETE FROM ' . $ctx->table((string) (int) $catid) . ' WHERE id = :id', [':id' => $id]);
        }
        foreach ($catids as $catid) {
            $table = $ctx->table((string) (int) $catid);
            $ctx->run('DELETE FROM ' . $table . ' WHERE id = :id', [':id' => $id]);
            $ctx->run('INSERT INTO ' . $table . ' SELECT * FROM ' . $ctx->table('rows') . ' WHERE id = :id', [':id' => $id]);
        }
    }

    /**
     * The home image as the form stores it: a file of the module's upload folder becomes its
     * path relative to uploads/<module_upload>/ (thumb 1 when a thumbnail exists in assets/, 2
     * otherwise), a URL is kept as is (thumb 3). With no image and a position of 1 or 2, the
     * first image of the body is used when it is one of those; a home image that was asked for
     * and is neither is refused (the form would drop it silently).
     *
     * @return array [homeimgfile, homeimgthumb]
     * @throws Failure
     */
    private static function homeImage(Context $ctx, $homeimg, $bodyhtml, $imgposition)
    {
        $explicit = $homeimg !== '';
        if (!$explicit && ($imgposition === 1 || $imgposition === 2) && preg_match('/<img[^>]+src\s*=\s*["\']([^"\']+)["\']/i', $bodyhtml, $m)) {
            $homeimg = $m[1];
        }
        if ($homeimg === '') {
            return ['', 0];
        }
        $moduleDir = NV_UPLOADS_DIR . '/' . $ctx->moduleUpload . '/';
        $relative = $homeimg;
        foreach ([NV_BASE_SITEURL . $moduleDir, '/' . $moduleDir, $moduleDir] as $prefix) {
            if (strpos($relative, $prefix) === 0) {
                $relative = substr($relative, strlen($prefix));
                break;
            }
        }
        $relative = ltrim($relative, '/');
        if (!preg_match('#^https?://#i', $relative) && strpos($relative, '..') === false && is_file(NV_UPLOADS_REAL_DIR . '/' . $ctx->moduleUpload . '/' . $relative)) {
            $thumb = defined('NV_FILES_DIR') && is_file(NV_ROOTDIR . '/' . NV_FILES_DIR . '/' . $ctx->moduleUpload . '/' . $relative) ? 1 : 2;

            return [$relative, $thumb];
        }
        if (preg_match('#^https?://#i', $homeimg)) {
            return [$homeimg, 3];
        }
        if (!$explicit) {
            return ['', 0];
        }
        throw Failure::of(Failure::HOMEIMG_NOT_FOUND, [$homeimg], ['field' => 'homeimg']);
    }

    /** @return string a text of the module's admin language file (loaded by api.php), or a fallback */
    private static function lang($key, $fallback)
    {
        global $lang_module;

        return isset($lang_module[$key]) ? $lang_module[$key] : $fallback;
    }
}
