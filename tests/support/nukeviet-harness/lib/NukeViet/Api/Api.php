<?php

/**
 * Newsdesk test harness: NukeViet\Api\Api, the static registry api.php fills before it runs an
 * API class (admin id, level and user name; module name and info). Own re-implementation.
 */

namespace NukeViet\Api;

class Api
{
    const ADMIN_LEV_GOD = 1;
    const ADMIN_LEV_SP = 2;
    const ADMIN_LEV_MOD = 3;

    /** @var array */
    private static $state = [];

    public static function setAdminId($id)
    {
        self::$state['admin_id'] = (int) $id;
    }

    public static function setAdminLev($lev)
    {
        self::$state['admin_lev'] = (int) $lev;
    }

    public static function setAdminName($name)
    {
        self::$state['admin_name'] = (string) $name;
    }

    public static function setModuleName($name)
    {
        self::$state['module_name'] = (string) $name;
    }

    public static function setModuleInfo($info)
    {
        self::$state['module_info'] = (array) $info;
    }

    public static function getAdminId()
    {
        return self::value('admin_id', 0);
    }

    public static function getAdminLev()
    {
        return self::value('admin_lev', 0);
    }

    public static function getAdminName()
    {
        return self::value('admin_name', '');
    }

    public static function getModuleName()
    {
        return self::value('module_name', '');
    }

    public static function getModuleInfo()
    {
        return self::value('module_info', []);
    }

    public static function reset()
    {
        self::$state = [];
    }

    private static function value($key, $default)
    {
        return array_key_exists($key, self::$state) ? self::$state[$key] : $default;
    }
}
