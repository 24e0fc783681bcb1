<?php

/**
 * Newsdesk test harness: the part of NukeViet's includes/mainfile.php an API call relies on.
 * The site folder comes from NV_HARNESS_SITE (set by the TypeScript test, which also writes
 * harness.json there); it is laid out like a NukeViet site (modules/, uploads/, assets/) with
 * the database is the MariaDB database named in harness.json (`db`).
 */

define('NV_MAINFILE', true);

$harness_site = getenv('NV_HARNESS_SITE');
if ($harness_site === false || !is_file($harness_site . '/harness.json')) {
    http_response_code(500);
    exit('NV_HARNESS_SITE is not a harness site');
}
$harness_config = json_decode((string) file_get_contents($harness_site . '/harness.json'), true);

define('NV_ROOTDIR', rtrim(str_replace('\\', '/', $harness_site), '/'));
define('NV_CURRENTTIME', isset($_SERVER['REQUEST_TIME']) ? (int) $_SERVER['REQUEST_TIME'] : time());
date_default_timezone_set($harness_config['timezone']);

define('NV_LANG_VARIABLE', 'language');
define('NV_NAME_VARIABLE', 'nv');
define('NV_OP_VARIABLE', 'op');
define('NV_LANG_DATA', $harness_config['lang']);
define('NV_LANG_INTERFACE', $harness_config['lang']);
define('NV_ASSETS_DIR', 'assets');
define('NV_FILES_DIR', NV_ASSETS_DIR);
define('NV_UPLOADS_DIR', 'uploads');
define('NV_UPLOADS_REAL_DIR', NV_ROOTDIR . '/' . NV_UPLOADS_DIR);
define('NV_BASE_SITEURL', '/');
define('NV_MY_DOMAIN', 'http://' . (isset($_SERVER['HTTP_HOST']) ? $_SERVER['HTTP_HOST'] : '127.0.0.1'));
define('NV_CLIENT_IP', isset($_SERVER['REMOTE_ADDR']) ? $_SERVER['REMOTE_ADDR'] : '127.0.0.1');
define('NV_MAX_WIDTH', (int) $harness_config['max_width']);
define('NV_MAX_HEIGHT', (int) $harness_config['max_height']);
define('NV_ALLOWED_HTML_TAGS', 'embed, object, param, a, b, blockquote, br, caption, col, colgroup, div, em, h1, h2, h3, h4, h5, h6, hr, i, img, li, p, span, strong, s, sub, sup, table, tbody, td, th, tr, u, ul, ol, iframe, figure, figcaption, video, audio, source, track, code, pre');

$db_config = ['prefix' => 'nv4'];
define('NV_PREFIXLANG', $db_config['prefix'] . '_' . NV_LANG_DATA);
define('NV_AUTHORS_GLOBALTABLE', $db_config['prefix'] . '_authors');
define('NV_USERS_GLOBALTABLE', $db_config['prefix'] . '_users');
define('NV_CONFIG_GLOBALTABLE', $db_config['prefix'] . '_config');
define('NV_UPLOAD_GLOBALTABLE', $db_config['prefix'] . '_upload');
define('NV_MODULES_TABLE', NV_PREFIXLANG . '_modules');

require __DIR__ . '/lib/functions.php';
require __DIR__ . '/lib/Services.php';
require __DIR__ . '/lib/Request.php';

spl_autoload_register(function ($class) {
    if (!preg_match('/^[A-Za-z0-9_\\\\]+$/', $class)) {
        return;
    }
    $roots = [
        'NukeViet\\Api\\' => __DIR__ . '/lib/NukeViet/Api/',
        'NukeViet\\Module\\' => NV_ROOTDIR . '/modules/',
    ];
    foreach ($roots as $prefix => $dir) {
        if (strpos($class, $prefix) === 0) {
            $file = $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
            if (is_file($file)) {
                require $file;
            }

            return;
        }
    }
});

$db = new HarnessDatabase($harness_config['db']);
$nv_Cache = new HarnessCache(NV_ROOTDIR . '/data/cache-events.log');
$crypt = new HarnessCrypt($harness_config['sitekey']);
$nv_Request = new HarnessRequest();
$lang_module = $lang_global = [];

$global_config = $module_config = [];
$sth = $db->prepare('SELECT lang, module, config_name, config_value FROM ' . NV_CONFIG_GLOBALTABLE . " WHERE lang = :lang OR (lang = 'sys' AND module = 'site')");
$sth->execute([':lang' => NV_LANG_DATA]);
foreach ($sth->fetchAll() as $row) {
    if (($row['lang'] === NV_LANG_DATA && $row['module'] === 'global') || ($row['lang'] === 'sys' && $row['module'] === 'site')) {
        $global_config[$row['config_name']] = $row['config_value'];
    } else {
        $module_config[$row['module']][$row['config_name']] = $row['config_value'];
    }
}
// Settings NukeViet keeps as arrays in data/config/config_global.php.
$global_config['allow_sitelangs'] = $harness_config['site_langs'];
$global_config['file_allowed_ext'] = $harness_config['file_allowed_ext'];
$global_config['forbid_extensions'] = $harness_config['forbid_extensions'];

$sys_mods = [];
foreach ($db->query('SELECT * FROM ' . NV_MODULES_TABLE . ' WHERE act = 1 ORDER BY weight') as $row) {
    $sys_mods[$row['title']] = $row;
}
