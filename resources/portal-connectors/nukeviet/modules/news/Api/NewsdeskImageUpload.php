<?php

/**
 * Newsdesk connector for NukeViet 4.5 (news module).
 * Written for Newsdesk; not part of NukeViet. Licence: same terms as the site it is installed on.
 */

namespace NukeViet\Module\news\Api;

use NukeViet\Module\news\Api\Newsdesk\ImageStore;
use NukeViet\Module\news\Api\Newsdesk\Context;
use NukeViet\Module\news\Api\Newsdesk\Endpoint;
use NukeViet\Module\news\Api\Newsdesk\Language;

if (!defined('NV_ADMIN') or !defined('NV_MAINFILE')) {
    exit('Stop!!!');
}

// Titles for the grant screen (Quản lý API Roles), without editing the module's language file.
Language::register();

/**
 * Stores an image (multipart field `upload`) in the module's upload folder and returns its path.
 * The same bytes sent again return the file stored the first time.
 *
 * POST: upload (file), sync_key (optional, the workstation's photo id).
 */
class NewsdeskImageUpload extends Endpoint
{
    /**
     * @param Context $ctx
     * @return array
     */
    protected function handle(Context $ctx)
    {
        global $nv_Request;

        $file = isset($_FILES['upload']) ? $_FILES['upload'] : null;

        return ['file' => ImageStore::store($ctx, $file, $nv_Request->get_title('sync_key', 'post', ''))];
    }
}
