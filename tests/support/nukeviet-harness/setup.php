<?php

/**
 * Newsdesk test harness: builds a site's database from <site>/harness.json.
 *
 *   php setup.php <site folder>
 *
 * Creates the MariaDB database named in harness.json (`db`, utf8mb4_unicode_ci) from schema.sql,
 * one `_<catid>` table per category with the structure of `_rows` (as the category screen does), the settings, admins and their users, the
 * module, per-category rights, featured groups, API roles (role_data serialized as NukeViet
 * stores it) and API credentials (secret encrypted with the site key). Prints "ok".
 */

if (PHP_SAPI !== 'cli' || !isset($argv[1])) {
    fwrite(STDERR, "usage: php setup.php <site folder>\n");
    exit(2);
}
putenv('NV_HARNESS_SITE=' . $argv[1]);
$site = rtrim($argv[1], '/');
$config = json_decode((string) file_get_contents($site . '/harness.json'), true);
if (!is_array($config)) {
    fwrite(STDERR, "harness.json is not valid JSON\n");
    exit(2);
}
foreach (['data', 'uploads', 'assets', 'modules'] as $dir) {
    if (!is_dir($site . '/' . $dir)) {
        mkdir($site . '/' . $dir, 0755, true);
    }
}

define('NV_MAINFILE', true);
require __DIR__ . '/lib/Services.php';

$p = 'nv4';
$l = $config['lang'];
$m = $config['module']['data'];
$server = new HarnessDatabase(['name' => null] + $config['db']);
$server->exec('DROP DATABASE IF EXISTS `' . $config['db']['name'] . '`');
$server->exec('CREATE DATABASE `' . $config['db']['name'] . '` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
$server = null;
$db = new HarnessDatabase($config['db']);
$schema = strtr((string) file_get_contents(__DIR__ . '/schema.sql'), ['{P}' => $p, '{L}' => $l, '{M}' => $m]);
$schema = preg_replace('/^--.*$/m', '', $schema);
foreach (array_filter(array_map('trim', explode(';', $schema))) as $statement) {
    $db->exec($statement);
}

$now = time();
$insert = function ($table, array $row) use ($db) {
    $columns = array_keys($row);
    $sth = $db->prepare('INSERT INTO ' . $table . ' (' . implode(', ', $columns) . ') VALUES (:' . implode(', :', $columns) . ')');
    $params = [];
    foreach ($row as $key => $value) {
        $params[':' . $key] = is_bool($value) ? (int) $value : $value;
    }
    $sth->execute($params);
};

foreach ($config['global'] as $name => $value) {
    $insert($p . '_config', ['lang' => $l, 'module' => 'global', 'config_name' => $name, 'config_value' => (string) $value]);
}
$module = $config['module'];
foreach ($config['module_config'] as $name => $value) {
    $insert($p . '_config', ['lang' => $l, 'module' => $module['name'], 'config_name' => $name, 'config_value' => (string) $value]);
}
$insert($p . '_' . $l . '_modules', [
    'title' => $module['name'],
    'module_file' => $module['file'],
    'module_data' => $module['data'],
    'module_upload' => $module['upload'],
    'custom_title' => $module['title'],
    'admin_file' => 1,
    'main_file' => 1,
    'act' => 1,
    'admins' => $module['admins'],
    'groups_view' => '6',
]);

foreach ($config['admins'] as $admin) {
    $insert($p . '_users', [
        'userid' => $admin['id'],
        'username' => $admin['username'],
        'md5username' => md5($admin['username']),
        'email' => $admin['username'] . '@example.invalid',
        'first_name' => $admin['first_name'],
        'last_name' => $admin['last_name'],
        'birthday' => 0,
        'question' => '',
        'regdate' => $now,
        'active' => 1,
    ]);
    $insert($p . '_authors', [
        'admin_id' => $admin['id'],
        'lev' => $admin['lev'],
        'position' => 'Biên tập viên',
        'addtime' => $now,
        'is_suspend' => empty($admin['suspended']) ? 0 : 1,
    ]);
}
foreach ($config['module_rights'] as $right) {
    $insert($p . '_' . $l . '_' . $m . '_admins', $right);
}

foreach ($config['categories'] as $i => $cat) {
    $insert($p . '_' . $l . '_' . $m . '_cat', [
        'catid' => $cat['id'],
        'parentid' => $cat['parent'],
        'title' => $cat['title'],
        'alias' => $cat['alias'],
        'weight' => $i + 1,
        'sort' => $i + 1,
        'status' => $cat['status'],
        'add_time' => $now,
        'edit_time' => $now,
    ]);
    $db->exec('CREATE TABLE ' . $p . '_' . $l . '_' . $m . '_' . (int) $cat['id'] . ' LIKE ' . $p . '_' . $l . '_' . $m . '_rows');
}
foreach ($config['block_cats'] as $i => $block) {
    $insert($p . '_' . $l . '_' . $m . '_block_cat', [
        'bid' => $block['id'],
        'adddefault' => $block['adddefault'],
        'title' => $block['title'],
        'alias' => $block['alias'],
        'weight' => $i + 1,
        'add_time' => $now,
        'edit_time' => $now,
    ]);
}
foreach ($config['tags'] as $tag) {
    $insert($p . '_' . $l . '_' . $m . '_tags', [
        'numnews' => 0,
        'title' => $tag['title'],
        'alias' => $tag['alias'],
        'description' => '',
        'keywords' => $tag['title'],
    ]);
}

foreach ($config['roles'] as $role) {
    $insert($p . '_authors_api_role', [
        'role_id' => $role['id'],
        'role_title' => $role['title'],
        'role_description' => '',
        'role_data' => serialize($role['data']),
        'addtime' => $now,
    ]);
}
$crypt = new HarnessCrypt($config['sitekey']);
foreach ($config['credentials'] as $credential) {
    $insert($p . '_authors_api_credential', [
        'admin_id' => $credential['admin_id'],
        'credential_title' => 'Newsdesk',
        'credential_ident' => $credential['ident'],
        'credential_secret' => $crypt->encrypt($credential['secret']),
        'credential_ips' => empty($credential['ips']) ? '' : json_encode($credential['ips']),
        'auth_method' => $credential['method'],
        'api_roles' => implode(',', $credential['roles']),
        'addtime' => $now,
    ]);
}

echo "ok\n";
