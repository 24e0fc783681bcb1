<?php

/**
 * Newsdesk connector for NukeViet 4.5 (news module).
 * Written for Newsdesk; not part of NukeViet. Licence: same terms as the site it is installed on.
 */

namespace NukeViet\Module\news\Api;

use NukeViet\Module\news\Api\Newsdesk\ArticleState;
use NukeViet\Module\news\Api\Newsdesk\ArticleStatus;
use NukeViet\Module\news\Api\Newsdesk\Context;
use NukeViet\Module\news\Api\Newsdesk\Endpoint;
use NukeViet\Module\news\Api\Newsdesk\Language;

if (!defined('NV_ADMIN') or !defined('NV_MAINFILE')) {
    exit('Stop!!!');
}

// Titles for the grant screen (Quản lý API Roles), without editing the module's language file.
Language::register();

/**
 * Takes an article down: status "Ngưng hiệu lực" (0), kept in the database.
 *
 * POST: id, or sync_key.
 */
class NewsdeskArticleTakeDown extends Endpoint
{
    /**
     * @param Context $ctx
     * @return array
     */
    protected function handle(Context $ctx)
    {
        return ['article' => ArticleStatus::takeDown($ctx, ArticleState::requestedId($ctx))];
    }
}
