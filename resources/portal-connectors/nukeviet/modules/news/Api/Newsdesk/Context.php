<?php

/**
 * Newsdesk connector for NukeViet 4.5 (news module).
 * Written for Newsdesk; not part of NukeViet. Licence: same terms as the site it is installed on.
 */

namespace NukeViet\Module\news\Api\Newsdesk;

use NukeViet\Api\Api;

if (!defined('NV_MAINFILE')) {
    exit('Stop!!!');
}

/**
 * What one API call runs against: the module (name, data and upload folder as installed, which
 * may be a virtual copy of "news"), its settings, the admin the API key belongs to, the database
 * and the request time. api.php sets the admin and module through NukeViet\Api\Api before it runs
 * the class; admin_info and the news module's admin functions are not loaded in an API call.
 */
class Context
{
    /** Connector version, reported by NewsdeskCatalog. */
    const VERSION = '1.0.0';

    /** @var \PDO */
    public $db;
    /** @var string */
    public $moduleName;
    /** @var string */
    public $moduleData;
    /** @var string */
    public $moduleUpload;
    /** @var array */
    public $moduleInfo;
    /** @var array */
    public $moduleConfig;
    /** @var array */
    public $globalConfig;
    /** @var int */
    public $adminId;
    /** @var int */
    public $adminLev;
    /** @var string */
    public $adminName;
    /** @var int */
    public $now;

    /** @return Context built from NukeViet's globals and the Api registry */
    public static function current()
    {
        global $db, $module_config, $global_config;

        $ctx = new self();
        $ctx->db = $db;
        $ctx->moduleName = Api::getModuleName();
        $ctx->moduleInfo = Api::getModuleInfo();
        $ctx->moduleData = isset($ctx->moduleInfo['module_data']) ? $ctx->moduleInfo['module_data'] : 'news';
        $ctx->moduleUpload = isset($ctx->moduleInfo['module_upload']) ? $ctx->moduleInfo['module_upload'] : $ctx->moduleName;
        $ctx->moduleConfig = isset($module_config[$ctx->moduleName]) ? $module_config[$ctx->moduleName] : [];
        $ctx->globalConfig = is_array($global_config) ? $global_config : [];
        $ctx->adminId = (int) Api::getAdminId();
        $ctx->adminLev = (int) Api::getAdminLev();
        $ctx->adminName = (string) Api::getAdminName();
        $ctx->now = (int) NV_CURRENTTIME;

        return $ctx;
    }

    /**
     * Full name of a news table: nv4_vi_news_rows, nv4_vi_news_7…
     *
     * @param string $suffix
     * @return string
     */
    public function table($suffix)
    {
        return NV_PREFIXLANG . '_' . $this->moduleData . '_' . $suffix;
    }

    /**
     * A module setting with a default (settings are strings in nv4_config).
     *
     * @param string $key
     * @param mixed  $default
     * @return mixed
     */
    public function config($key, $default)
    {
        return isset($this->moduleConfig[$key]) ? $this->moduleConfig[$key] : $default;
    }

    /**
     * A site-wide setting with a default.
     *
     * @param string $key
     * @param mixed  $default
     * @return mixed
     */
    public function siteConfig($key, $default)
    {
        return isset($this->globalConfig[$key]) ? $this->globalConfig[$key] : $default;
    }

    /** @return bool true on MySQL/MariaDB (NukeViet's database), false elsewhere (the SQLite test harness) */
    public function isMysql()
    {
        return $this->db->getAttribute(\PDO::ATTR_DRIVER_NAME) === 'mysql';
    }

    /**
     * One row or null.
     *
     * @param string $sql
     * @param array  $params
     * @return array|null
     */
    public function fetchRow($sql, array $params = [])
    {
        $sth = $this->db->prepare($sql);
        $sth->execute($params);
        $row = $sth->fetch(\PDO::FETCH_ASSOC);
        $sth->closeCursor();

        return is_array($row) ? $row : null;
    }

    /**
     * All rows.
     *
     * @param string $sql
     * @param array  $params
     * @return array
     */
    public function fetchAll($sql, array $params = [])
    {
        $sth = $this->db->prepare($sql);
        $sth->execute($params);

        return $sth->fetchAll(\PDO::FETCH_ASSOC);
    }

    /**
     * Runs a statement and returns the number of affected rows.
     *
     * @param string $sql
     * @param array  $params
     * @return int
     */
    public function run($sql, array $params = [])
    {
        $sth = $this->db->prepare($sql);
        $sth->execute($params);

        return $sth->rowCount();
    }

    /**
     * Categories of the module by id.
     *
     * @return array<int, array>
     */
    public function categories()
    {
        $cats = [];
        foreach ($this->fetchAll('SELECT catid, parentid, title, alias, status, sort FROM ' . $this->table('cat') . ' ORDER BY sort ASC') as $row) {
            $cats[(int) $row['catid']] = $row;
        }

        return $cats;
    }

    /** Tells NukeViet to drop the module's cached pages so the front end shows the change. */
    public function clearCache()
    {
        global $nv_Cache;

        if (is_object($nv_Cache) && method_exists($nv_Cache, 'delMod')) {
            $nv_Cache->delMod($this->moduleName);
        }
    }

    /**
     * A line in NukeViet's system log (Quản trị → Nhật ký hệ thống), as the admin form writes.
     *
     * @param string $action
     * @param string $note
     */
    public function systemLog($action, $note)
    {
        if (function_exists('nv_insert_logs')) {
            nv_insert_logs(NV_LANG_DATA, $this->moduleName, $action, $note, $this->adminId);
        }
    }
}
