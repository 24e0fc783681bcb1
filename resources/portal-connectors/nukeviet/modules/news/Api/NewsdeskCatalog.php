<?php

/**
 * Newsdesk connector for NukeViet 4.5 (news module).
 * Written for Newsdesk; not part of NukeViet. Licence: same terms as the site it is installed on.
 */

namespace NukeViet\Module\news\Api;

use NukeViet\Module\news\Api\Newsdesk\Catalog;
use NukeViet\Module\news\Api\Newsdesk\Context;
use NukeViet\Module\news\Api\Newsdesk\Endpoint;
use NukeViet\Module\news\Api\Newsdesk\Language;

if (!defined('NV_ADMIN') or !defined('NV_MAINFILE')) {
    exit('Stop!!!');
}

// Titles for the grant screen (Quản lý API Roles), without editing the module's language file.
Language::register();

/**
 * Lists the module's categories (id, parent, title, alias, rights) and tags, the upload
 * limits and the Newsdesk APIs granted to the calling credential.
 *
 * POST: tag_limit (optional, default 2000).
 */
class NewsdeskCatalog extends Endpoint
{
    /**
     * @param Context $ctx
     * @return array
     */
    protected function handle(Context $ctx)
    {
        return Catalog::read($ctx);
    }
}
