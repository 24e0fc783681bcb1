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
 * Per-category rights of the admin behind the API key, decided the way the news module's admin
 * area decides them: God and super admins (level 1–2) manage everything; a module admin has a
 * row with catid 0 in the module's `_admins` table (admin=2 means "full module", allowed to date
 * articles in the past), or is listed in the module's admins without any row; anybody else needs
 * the right (add_content, pub_content, edit_content, app_content) on every category touched.
 * api.php only checks module-level rights, so without this an editor limited to one category
 * could publish anywhere.
 */
class Rights
{
    /** @var bool */
    private $moduleAdmin = false;
    /** @var bool */
    private $fullModule = false;
    /** @var array<int, array> rights rows by catid */
    private $byCat = [];
    /** @var int */
    private $adminId;

    /**
     * @param Context $ctx
     * @return Rights
     */
    public static function load(Context $ctx)
    {
        $rights = new self();
        $rights->adminId = $ctx->adminId;
        if ($ctx->adminLev > 0 && $ctx->adminLev <= 2) {
            $rights->moduleAdmin = true;
            $rights->fullModule = true;

            return $rights;
        }
        $rows = $ctx->fetchAll('SELECT * FROM ' . $ctx->table('admins') . ' WHERE userid = :userid', [':userid' => $ctx->adminId]);
        foreach ($rows as $row) {
            $rights->byCat[(int) $row['catid']] = $row;
        }
        if (isset($rights->byCat[0])) {
            $rights->moduleAdmin = true;
            $rights->fullModule = (int) $rights->byCat[0]['admin'] === 2;
        } elseif (empty($rows)) {
            $admins = isset($ctx->moduleInfo['admins']) ? array_map('intval', explode(',', (string) $ctx->moduleInfo['admins'])) : [];
            $rights->moduleAdmin = in_array($ctx->adminId, $admins, true);
        }

        return $rights;
    }

    /** @return bool may set a publication time in the past */
    public function isFullModule()
    {
        return $this->fullModule;
    }

    /** @return bool manages every category of the module */
    public function isModuleAdmin()
    {
        return $this->moduleAdmin;
    }

    /**
     * @param string $right add_content, pub_content, edit_content, app_content or del_content
     * @param int    $catid
     * @return bool
     */
    public function can($right, $catid)
    {
        if ($this->moduleAdmin) {
            return true;
        }
        if (!isset($this->byCat[$catid])) {
            return false;
        }
        $row = $this->byCat[$catid];

        return (int) $row['admin'] === 1 || (isset($row[$right]) && (int) $row[$right] === 1);
    }

    /**
     * Whether the admin may edit an existing article, category by category, as the admin form
     * checks it: edit_content, or pub_content on a pending/scheduled article, or app_content on
     * one sent for review, or the author's own unpublished article.
     *
     * @param array $row     the article's `_rows` row
     * @param int   $catid
     * @param int   $status  the status with any lock offset removed
     * @return bool
     */
    public function canEdit(array $row, $catid, $status)
    {
        if ($this->can('edit_content', $catid)) {
            return true;
        }
        if ($this->can('app_content', $catid) && $status === 5) {
            return true;
        }
        if ($this->can('pub_content', $catid) && in_array($status, [0, 2, 8], true)) {
            return true;
        }

        return isset($this->byCat[$catid]) && (int) $row['admin_id'] === $this->adminId && in_array($status, [0, 4, 5], true);
    }

    /**
     * Throws when a right is missing on any of the categories.
     *
     * @param Context  $ctx
     * @param string   $right
     * @param int[]    $catids
     * @param array    $cats    categories by id (for titles)
     * @param callable|null $check custom check per catid
     * @throws Failure
     */
    public function requireOn(Context $ctx, $right, array $catids, array $cats, $check = null)
    {
        $denied = [];
        foreach ($catids as $catid) {
            $ok = $check === null ? $this->can($right, $catid) : (bool) call_user_func($check, $catid);
            if (!$ok) {
                $denied[] = isset($cats[$catid]) ? $cats[$catid]['title'] : (string) $catid;
            }
        }
        if (!empty($denied)) {
            throw Failure::of(Failure::NO_CATEGORY_RIGHT, [$ctx->adminName, $right, implode(', ', $denied)], [
                'right' => $right,
                'categories' => $denied,
            ]);
        }
    }
}
