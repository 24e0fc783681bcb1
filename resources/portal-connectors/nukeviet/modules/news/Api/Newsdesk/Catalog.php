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
 * What the workstation needs before it can file articles: the module's categories (with the
 * rights the account has in each), its tags, the upload limits, and which Newsdesk APIs the
 * account's API roles grant, so "test connection" can say what is missing before a sync fails.
 */
class Catalog
{
    /** The API classes of the connector. */
    const APIS = ['NewsdeskCatalog', 'NewsdeskImageUpload', 'NewsdeskArticleSave', 'NewsdeskArticleGet', 'NewsdeskArticleTakeDown'];

    /**
     * @param Context $ctx
     * @return array
     */
    public static function read(Context $ctx)
    {
        global $nv_Request;

        $rights = Rights::load($ctx);
        $categories = [];
        foreach ($ctx->categories() as $catid => $cat) {
            $categories[] = [
                'id' => $catid,
                'parent' => (int) $cat['parentid'],
                'title' => (string) $cat['title'],
                'alias' => (string) $cat['alias'],
                'active' => in_array((int) $cat['status'], [1, 2], true),
                'can_add' => $rights->can('add_content', $catid),
                'can_publish' => $rights->can('pub_content', $catid),
            ];
        }

        $limit = max(1, min(10000, $nv_Request->get_int('tag_limit', 'post', 2000)));
        $tags = [];
        $rows = $ctx->fetchAll('SELECT tid, title, alias, keywords, numnews FROM ' . $ctx->table('tags') . ' ORDER BY numnews DESC, tid ASC LIMIT ' . $limit);
        foreach ($rows as $row) {
            $keywords = array_values(array_filter(explode(',', (string) $row['keywords']), 'strlen'));
            $title = (string) $row['title'];
            if ($title === '') {
                $title = empty($keywords) ? (string) $row['alias'] : $keywords[0];
            }
            $tags[] = ['id' => (int) $row['tid'], 'title' => $title, 'alias' => (string) $row['alias'], 'count' => (int) $row['numnews']];
        }

        $granted = self::grantedApis($ctx, $nv_Request->get_title('apikey', 'post', ''));

        return [
            'connector' => Context::VERSION,
            'site_name' => (string) $ctx->siteConfig('site_name', ''),
            'module' => [
                'name' => $ctx->moduleName,
                'title' => isset($ctx->moduleInfo['custom_title']) ? (string) $ctx->moduleInfo['custom_title'] : $ctx->moduleName,
                'upload_dir' => NV_UPLOADS_DIR . '/' . ImageStore::folder($ctx),
                'alias_lower' => !empty($ctx->config('alias_lower', 1)),
                'htmlhometext' => !empty($ctx->config('htmlhometext', 0)),
            ],
            'admin' => [
                'id' => $ctx->adminId,
                'username' => $ctx->adminName,
                'level' => $ctx->adminLev,
                'module_admin' => $rights->isModuleAdmin(),
                'full_module' => $rights->isFullModule(),
            ],
            'upload' => [
                'max_size' => ImageStore::sizeLimit($ctx),
                'max_width' => ImageStore::maxWidth(),
                'max_height' => ImageStore::maxHeight(),
                'auto_resize' => !empty($ctx->siteConfig('nv_auto_resize', 0)),
                'types' => ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
            ],
            'server_time' => $ctx->now,
            'timezone' => date_default_timezone_get(),
            'granted_known' => $granted !== null,
            'granted' => $granted === null ? [] : $granted,
            'categories' => $categories,
            'tags' => $tags,
        ];
    }

    /**
     * The Newsdesk APIs the credential's roles allow for this module and language, read from
     * NukeViet 4.4/4.5's credential and role tables; null where that layout is not found.
     *
     * @param Context $ctx
     * @param string  $apikey
     * @return string[]|null
     */
    private static function grantedApis(Context $ctx, $apikey)
    {
        if (!defined('NV_AUTHORS_GLOBALTABLE') || $apikey === '') {
            return null;
        }
        try {
            $credential = $ctx->fetchRow('SELECT api_roles FROM ' . NV_AUTHORS_GLOBALTABLE . '_api_credential WHERE credential_ident = :k', [':k' => $apikey]);
            if ($credential === null) {
                return null;
            }
            $roleIds = array_filter(array_map('intval', explode(',', (string) $credential['api_roles'])));
            $granted = [];
            if (!empty($roleIds)) {
                $roles = $ctx->fetchAll('SELECT role_data FROM ' . NV_AUTHORS_GLOBALTABLE . '_api_role WHERE role_id IN (' . implode(',', $roleIds) . ')');
                foreach ($roles as $role) {
                    $data = @unserialize((string) $role['role_data'], ['allowed_classes' => false]);
                    if (is_array($data) && isset($data[NV_LANG_DATA][$ctx->moduleName]) && is_array($data[NV_LANG_DATA][$ctx->moduleName])) {
                        $granted = array_merge($granted, $data[NV_LANG_DATA][$ctx->moduleName]);
                    }
                }
            }

            return array_values(array_intersect(self::APIS, array_unique($granted)));
        } catch (\PDOException $e) {
            return null;
        }
    }
}
