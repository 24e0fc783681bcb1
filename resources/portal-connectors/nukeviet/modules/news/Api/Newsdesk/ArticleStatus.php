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
 * Taking an article down: status 0 ("Ngưng hiệu lực") in `_rows` and in every category copy,
 * as the admin list's "deactivate" action does; the article stays in the database and can be
 * published again by saving it. Needs the publish right on its categories.
 */
class ArticleStatus
{
    /**
     * @param Context $ctx
     * @param int     $id
     * @return array the article's state afterwards
     * @throws Failure
     */
    public static function takeDown(Context $ctx, $id)
    {
        $row = ArticleState::row($ctx, $id);
        if ($row === null) {
            throw Failure::of(Failure::ARTICLE_NOT_FOUND, ['#' . $id], ['id' => $id]);
        }
        $cats = $ctx->categories();
        $catids = array_values(array_filter(array_map('intval', explode(',', (string) $row['listcatid']))));
        Rights::load($ctx)->requireOn($ctx, 'pub_content', $catids, $cats);

        $status = (int) $row['status'] > ArticleState::LOCK_OFFSET ? ArticleState::LOCK_OFFSET + 1 : 0;
        if ((int) $row['status'] !== $status) {
            $params = [':s' => $status, ':t' => $ctx->now, ':id' => $id];
            $ctx->run('UPDATE ' . $ctx->table('rows') . ' SET status = :s, edittime = :t WHERE id = :id', $params);
            foreach ($catids as $catid) {
                $ctx->run('UPDATE ' . $ctx->table((string) $catid) . ' SET status = :s, edittime = :t WHERE id = :id', $params);
            }
            Relations::logStatus($ctx, $id, $status);
            Relations::scheduleStatusCheck($ctx);
            $ctx->systemLog('Newsdesk: take down', $row['title']);
            $ctx->clearCache();
        }

        return ArticleState::read($ctx, $id);
    }
}
