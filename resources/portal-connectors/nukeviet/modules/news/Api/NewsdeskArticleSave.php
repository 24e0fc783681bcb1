<?php

/**
 * Newsdesk connector for NukeViet 4.5 (news module).
 * Written for Newsdesk; not part of NukeViet. Licence: same terms as the site it is installed on.
 */

namespace NukeViet\Module\news\Api;

use NukeViet\Module\news\Api\Newsdesk\ArticleWriter;
use NukeViet\Module\news\Api\Newsdesk\Context;
use NukeViet\Module\news\Api\Newsdesk\Endpoint;
use NukeViet\Module\news\Api\Newsdesk\Language;

if (!defined('NV_ADMIN') or !defined('NV_MAINFILE')) {
    exit('Stop!!!');
}

// Titles for the grant screen (Quản lý API Roles), without editing the module's language file.
Language::register();

/**
 * Creates or updates an article like the admin form, idempotent by the workstation's sync_key.
 *
 * POST: sync_key, id (optional), title, alias, hometext, bodyhtml, homeimg, homeimgalt, catids[],
 * catid, keywords[], tags[], author, sourcetext, publtime, exptime, archive, imgposition,
 * status (publish|draft|review|inactive).
 */
class NewsdeskArticleSave extends Endpoint
{
    /**
     * @param Context $ctx
     * @return array
     */
    protected function handle(Context $ctx)
    {
        return ArticleWriter::save($ctx);
    }
}
