<?php

/**
 * Newsdesk test harness: NukeViet 4.5's api.php, re-implemented from the reference
 * (/work/shared/reference/portal-nukeviet.md §1.3–1.5): the same checks in the same order,
 * with NukeViet's codes and messages, HTTP 200 and a JSON body for every answer.
 *
 * 1. Remote API switched on (0011).
 * 2. timestamp within ±5 s of the server clock (0020, "Incorrect API time: …, Server time: …").
 * 3. Credential by apikey, its admin not suspended, its user active (0012 on a DB error, 0013).
 * 4. IP allow-list (0019).
 * 5. hashsecret: password_verify(secret_timestamp) for password_verify (4.5), md5 equality for
 *    md5_verify (4.6/5.x), nothing for none (0014).
 * 6. language required on multi-language sites (0018), must be the data language (0017).
 * 7. Role data → allowed APIs: no action (0015); system API not allowed (0004); language not in
 *    the roles (0016); module not in the roles or not active (0005); action not allowed (0004);
 *    class missing (0004 "API not exists!!!"); admin neither level ≤ 2 nor a module admin
 *    (0009); class's getAdminLev() below the admin's level (0010).
 * 8. The class runs with NV_ADMIN defined and the module's admin language loaded.
 */

require __DIR__ . '/mainfile.php';

use NukeViet\Api\Api;
use NukeViet\Api\ApiResult;

/** Stops with an error answer. */
function harness_api_fail(ApiResult $result, $code, $message)
{
    $result->setCode($code)->setMessage($message)->returnResult();
}

$apiresults = new ApiResult();

if (empty($global_config['remote_api_access'])) {
    harness_api_fail($apiresults, ApiResult::CODE_REMOTE_OFF, 'Remote is off!!!');
}

$api_credential = [
    'apikey' => $nv_Request->get_title('apikey', 'post', ''),
    'timestamp' => $nv_Request->get_int('timestamp', 'post', 0),
    'hashsecret' => $nv_Request->get_string('hashsecret', 'post', ''),
];

if (abs($api_credential['timestamp'] - NV_CURRENTTIME) > 5) {
    harness_api_fail($apiresults, ApiResult::CODE_MISSING_TIME, 'Incorrect API time: ' . date('H:i:s d/m/Y', $api_credential['timestamp']) . ', Server time: ' . date('H:i:s d/m/Y', NV_CURRENTTIME));
}

try {
    $sth = $db->prepare('SELECT tb1.admin_id, tb1.credential_secret, tb1.credential_ips, tb1.auth_method, tb1.api_roles, tb2.lev, tb3.username
        FROM ' . NV_AUTHORS_GLOBALTABLE . '_api_credential tb1
        INNER JOIN ' . NV_AUTHORS_GLOBALTABLE . ' tb2 ON tb1.admin_id = tb2.admin_id
        INNER JOIN ' . NV_USERS_GLOBALTABLE . ' tb3 ON tb1.admin_id = tb3.userid
        WHERE tb1.credential_ident = :credential_ident AND tb2.is_suspend = 0 AND tb3.active = 1');
    $sth->execute([':credential_ident' => $api_credential['apikey']]);
    $credential_data = $sth->fetch();
    // SQLite (not MySQL): a statement left open keeps the connection's implicit transaction open,
    // so the UPDATE below would hold the write lock until the script ends and parallel requests
    // (php -S workers) would fail with "database is locked".
    $sth->closeCursor();
} catch (PDOException $e) {
    harness_api_fail($apiresults, ApiResult::CODE_SYS_ERROR, 'System error, please try again later !!!');
}
if (empty($credential_data)) {
    harness_api_fail($apiresults, ApiResult::CODE_NO_CREDENTIAL_FOUND, 'No Api Credential found !!!');
}

if (!empty($credential_data['credential_ips'])) {
    $ips = json_decode($credential_data['credential_ips'], true);
    if (!is_array($ips) || !in_array(NV_CLIENT_IP, $ips, true)) {
        harness_api_fail($apiresults, ApiResult::CODE_MISSING_IP, 'Api IP fail !!! ');
    }
}

$apisecret = $crypt->decrypt($credential_data['credential_secret']);
$plain = $apisecret . '_' . $api_credential['timestamp'];
$method = $credential_data['auth_method'];
$verified = $method === 'none'
    || ($method === 'password_verify' && password_verify($plain, $api_credential['hashsecret']))
    || ($method === 'md5_verify' && hash_equals(md5($plain), $api_credential['hashsecret']));
if (!$verified) {
    harness_api_fail($apiresults, ApiResult::CODE_AUTH_FAIL, 'Api Authentication fail !!! ');
}

// For the tests (not NukeViet): which signatures were accepted, to count the bcrypt hashes a
// client made.
file_put_contents(NV_ROOTDIR . '/data/auth.log', $api_credential['timestamp'] . ' ' . $api_credential['hashsecret'] . "\n", FILE_APPEND | LOCK_EX);

$db->prepare('UPDATE ' . NV_AUTHORS_GLOBALTABLE . '_api_credential SET last_access = :t WHERE credential_ident = :k')
    ->execute([':t' => NV_CURRENTTIME, ':k' => $api_credential['apikey']]);

Api::setAdminId($credential_data['admin_id']);
Api::setAdminLev($credential_data['lev']);
Api::setAdminName($credential_data['username']);

$api_request = [
    'action' => $nv_Request->get_title('action', 'post', ''),
    'module' => $nv_Request->get_title('module', 'post', ''),
    'language' => $nv_Request->get_title(NV_LANG_VARIABLE, 'post', ''),
];

if (count($global_config['allow_sitelangs']) > 1 && $api_request['language'] === '') {
    harness_api_fail($apiresults, ApiResult::CODE_MISSING_LANG, 'Lang Data is required for multi-language website!!!');
} elseif ($api_request['language'] !== '' && $api_request['language'] !== NV_LANG_DATA) {
    harness_api_fail($apiresults, ApiResult::CODE_WRONG_LANG, 'Wrong Lang Data!!!');
}

// What the credential's roles allow: '' => system APIs, <lang> => [<module> => APIs].
$allowed = ['' => []];
$role_ids = array_filter(array_map('intval', explode(',', (string) $credential_data['api_roles'])));
if (!empty($role_ids)) {
    foreach ($db->query('SELECT role_data FROM ' . NV_AUTHORS_GLOBALTABLE . '_api_role WHERE role_id IN (' . implode(',', $role_ids) . ')') as $role) {
        $data = unserialize($role['role_data']);
        foreach ((array) $data as $scope => $entries) {
            if ($scope === 'sys') {
                $allowed[''] = array_values(array_unique(array_merge($allowed[''], (array) $entries)));
                continue;
            }
            foreach ((array) $entries as $module => $apis) {
                $current = isset($allowed[$scope][$module]) ? $allowed[$scope][$module] : [];
                $allowed[$scope][$module] = array_values(array_unique(array_merge($current, (array) $apis)));
            }
        }
    }
}

if ($api_request['action'] === '') {
    harness_api_fail($apiresults, ApiResult::CODE_MISSING_REQUEST_CMD, 'Missing Api Command!!!');
} elseif ($api_request['module'] === '') {
    if (!in_array($api_request['action'], $allowed[''], true)) {
        harness_api_fail($apiresults, ApiResult::CODE_API_NOT_EXISTS, 'Api Command Not Found!!!');
    }
    $classname = 'NukeViet\\Api\\' . $api_request['action'];
} else {
    if (!isset($allowed[NV_LANG_DATA])) {
        harness_api_fail($apiresults, ApiResult::CODE_LANG_NOT_EXISTS, 'Api Lang Not Found!!!');
    } elseif (!isset($allowed[NV_LANG_DATA][$api_request['module']]) || !isset($sys_mods[$api_request['module']])) {
        harness_api_fail($apiresults, ApiResult::CODE_MODULE_NOT_EXISTS, 'Api Module Not Found!!!');
    } elseif (!in_array($api_request['action'], $allowed[NV_LANG_DATA][$api_request['module']], true)) {
        harness_api_fail($apiresults, ApiResult::CODE_API_NOT_EXISTS, 'Api Command Not Found!!!');
    }
    $module_info = $sys_mods[$api_request['module']];
    $classname = 'NukeViet\\Module\\' . $module_info['module_file'] . '\\Api\\' . $api_request['action'];
}

define('NV_ADMIN', true);

if (!class_exists($classname)) {
    harness_api_fail($apiresults, ApiResult::CODE_API_NOT_EXISTS, 'API not exists!!!');
}

if ($api_request['module'] !== '') {
    $module_admins = array_map('intval', explode(',', (string) $module_info['admins']));
    if ($credential_data['lev'] > 2 && !in_array((int) $credential_data['admin_id'], $module_admins, true)) {
        harness_api_fail($apiresults, ApiResult::CODE_NO_MODADMIN_RIGHT, 'Admin do not have the right to manage this module!!!');
    }
    if ($classname::getAdminLev() < $credential_data['lev']) {
        harness_api_fail($apiresults, ApiResult::CODE_ADMINLEV_NOT_ENOUGH, 'Admin level not enough to perform this api!!!');
    }
    Api::setModuleName($api_request['module']);
    Api::setModuleInfo($module_info);
    $module_lang = NV_ROOTDIR . '/modules/' . $module_info['module_file'] . '/language/admin_' . NV_LANG_INTERFACE . '.php';
    if (is_file($module_lang)) {
        require $module_lang;
    }
}

if (!empty($global_config['remote_api_log'])) {
    nv_insert_logs(NV_LANG_DATA, $api_request['module'], 'LOG_REMOTE_API_REQUEST', 'Command: ' . $api_request['action'], $credential_data['admin_id']);
}

unset($credential_data, $api_request);

$api = new $classname();
$api->setResultHander($apiresults);
$answer = $api->execute();
Api::reset();

header('Cache-Control: no-cache, must-revalidate');
header('Content-Type: application/json');
header('X-Content-Type-Options: nosniff');
echo $answer;
