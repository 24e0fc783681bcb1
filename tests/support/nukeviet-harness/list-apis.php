<?php

/**
 * Newsdesk test harness: what NukeViet's grant screen ("Quản lý API Roles") would list for a
 * site, found the way the admin discovers module APIs: every modules/<module_file>/Api/<Name>.php
 * of an active module whose name fits ^[^0-9]+[a-z0-9_]*$, loaded as
 * NukeViet\Module\<module_file>\Api\<Name>, grouped by getCat(), titled from $lang_module
 * (api_<cat>, api_<cat>_<Name>, or api_<Name> without a group) after the module's admin
 * language file is read. Missing keys are reported rather than raising notices.
 *
 *   NV_HARNESS_SITE=<site> php list-apis.php   → JSON list
 */

require __DIR__ . '/mainfile.php';

define('NV_ADMIN', true);

$found = [];
foreach ($sys_mods as $module_name => $module_info) {
    $dir = NV_ROOTDIR . '/modules/' . $module_info['module_file'] . '/Api';
    if (!is_dir($dir)) {
        continue;
    }
    $lang_module = [];
    $lang_file = NV_ROOTDIR . '/modules/' . $module_info['module_file'] . '/language/admin_' . NV_LANG_INTERFACE . '.php';
    if (is_file($lang_file)) {
        include $lang_file;
    }
    $files = scandir($dir);
    sort($files);
    foreach ($files as $file) {
        if (!preg_match('/^([^0-9]+[a-z0-9_]*)\.php$/', $file, $match)) {
            continue;
        }
        $class = 'NukeViet\\Module\\' . $module_info['module_file'] . '\\Api\\' . $match[1];
        if (!class_exists($class)) {
            continue;
        }
        $cat = $class::getCat();
        $catKey = 'api_' . $cat;
        $apiKey = $cat === '' ? 'api_' . $match[1] : 'api_' . $cat . '_' . $match[1];
        $found[] = [
            'module' => $module_name,
            'class' => $match[1],
            'implements_iapi' => in_array('NukeViet\\Api\\IApi', class_implements($class), true),
            'admin_lev' => $class::getAdminLev(),
            'cat' => $cat,
            'cat_title' => $cat === '' ? '' : (isset($lang_module[$catKey]) ? $lang_module[$catKey] : null),
            'title' => isset($lang_module[$apiKey]) ? $lang_module[$apiKey] : null,
        ];
    }
}
echo json_encode($found, JSON_UNESCAPED_UNICODE);
