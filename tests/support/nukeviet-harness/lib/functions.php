<?php

/**
 * Newsdesk test harness: the NukeViet global functions the connector and api.php call, written
 * from their documented behaviour (see /work/shared/reference/portal-nukeviet.md §3.5), not
 * copied from NukeViet.
 */

if (!defined('NV_MAINFILE')) {
    exit('Stop!!!');
}

/** Vietnamese letters by their ASCII base (lower case; upper case is derived). */
function harness_romanize_table()
{
    static $table = null;
    if ($table !== null) {
        return $table;
    }
    $groups = [
        'a' => 'àáảãạăằắẳẵặâầấẩẫậ',
        'e' => 'èéẻẽẹêềếểễệ',
        'i' => 'ìíỉĩị',
        'o' => 'òóỏõọôồốổỗộơờớởỡợ',
        'u' => 'ùúủũụưừứửữự',
        'y' => 'ỳýỷỹỵ',
        'd' => 'đ',
    ];
    $table = [];
    foreach ($groups as $base => $letters) {
        foreach (preg_split('//u', $letters, -1, PREG_SPLIT_NO_EMPTY) as $letter) {
            $table[$letter] = $base;
            $table[mb_strtoupper($letter, 'UTF-8')] = strtoupper($base);
        }
    }
    $table['ß'] = 'ss';

    return $table;
}

/** ASCII spelling of Vietnamese text (NukeViet's romanize lookup, for the letters that matter). */
function nv_EncString($string)
{
    return strtr((string) $string, harness_romanize_table());
}

/** NukeViet's alias rule: tone marks stripped, romanised, entities and non-alphanumerics to dashes. */
function change_alias($alias)
{
    $alias = preg_replace('/[\x{0300}\x{0301}\x{0303}\x{0309}\x{0323}]/u', '', (string) $alias);
    $alias = nv_EncString($alias);
    $alias = str_replace(array_values(harness_title_entities()), ' ', $alias);
    $alias = preg_replace('/[^a-zA-Z0-9]/', ' ', $alias);
    $alias = preg_replace('/ +/', '-', $alias);

    return trim($alias, '-');
}

/** Tag aliases keep letters (with diacritics); punctuation becomes dashes. */
function change_alias_tags($alias)
{
    $punctuation = ['&lt;lt;', '&gt;gt;', '&#039;', '&quot;', '&lt;', '&gt;', '!', '*', "'", '(', ')', ';', ':', '@', '&', '=', '+', '$', ',', '/', '?', '#', '[', ']', '"', '%', '-', '_', '<', '>', '\\', '^', '`', '{', '|', '}', '~'];
    $alias = str_replace($punctuation, ' ', (string) $alias);

    return trim(preg_replace('/ +/u', '-', $alias), '-');
}

/** Characters get_title(…, true) stores as entities, and the entity for each. */
function harness_title_entities()
{
    return [
        '&' => '&amp;', "'" => '&#039;', '"' => '&quot;', '<' => '&lt;', '>' => '&gt;', '\\' => '&#x005C;',
        '/' => '&#x002F;', '(' => '&#40;', ')' => '&#41;', '*' => '&#42;', '[' => '&#91;', ']' => '&#93;',
        '!' => '&#33;', '=' => '&#x3D;', '%' => '&#x25;', '^' => '&#x5E;', ':' => '&#x3A;', '{' => '&#x7B;',
        '}' => '&#x7D;', '`' => '&#x60;', '~' => '&#x7E;', '#' => '&#x23;',
    ];
}

function nv_strtolower($string)
{
    return mb_strtolower((string) $string, 'UTF-8');
}

function nv_strlen($string)
{
    return mb_strlen((string) $string, 'UTF-8');
}

function nv_substr($string, $start, $length)
{
    return mb_substr((string) $string, $start, $length, 'UTF-8');
}

function nv_htmlspecialchars($string)
{
    return htmlspecialchars((string) $string, ENT_QUOTES, 'UTF-8', false);
}

function nv_is_url($url)
{
    return (bool) preg_match('#^https?://[^\s/$.?\#].[^\s]*$#i', (string) $url);
}

/** The system log (nv4_logs), as Quản trị → Nhật ký hệ thống shows it. */
function nv_insert_logs($lang = '', $module_name = '', $name_key = '', $note_action = '', $userid = 0, $link_acess = '')
{
    global $db, $db_config;

    $sth = $db->prepare('INSERT INTO ' . $db_config['prefix'] . '_logs (lang, module_name, name_key, note_action, link_acess, userid, log_time) VALUES (:lang, :m, :k, :n, :l, :u, :t)');
    $sth->execute([':lang' => $lang, ':m' => $module_name, ':k' => $name_key, ':n' => $note_action, ':l' => $link_acess, ':u' => (int) $userid, ':t' => NV_CURRENTTIME]);

    return true;
}

/** JSON answer and stop. */
function nv_jsonOutput($data)
{
    header('Content-Type: application/json');
    echo json_encode($data);
    exit(0);
}

/** Friendly URLs when rewriting is on: /index.php?language=vi&nv=news&op=a/b → /news/a/b. */
function nv_url_rewrite($buffer, $is_url = false)
{
    global $global_config;

    if (empty($global_config['rewrite_enable'])) {
        return $buffer;
    }
    $pattern = '#^' . preg_quote(NV_BASE_SITEURL, '#') . 'index\.php\?' . NV_LANG_VARIABLE . '=([a-z]{2})&(?:amp;)?' . NV_NAME_VARIABLE . '=([^&]+)(?:&(?:amp;)?' . NV_OP_VARIABLE . '=([^&]+))?$#';
    if (!preg_match($pattern, $buffer, $m)) {
        return $buffer;
    }
    $path = empty($global_config['rewrite_optional']) ? $m[1] . '/' : '';
    $path .= $m[2] . '/';
    if (!empty($m[3])) {
        $path .= $m[3];
    }

    return NV_BASE_SITEURL . $path;
}
