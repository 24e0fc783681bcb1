<?php

/**
 * Newsdesk test harness: $db, $nv_Cache and $crypt.
 *
 * $db is PDO on a SQLite file with NukeViet's connection settings (exceptions, associative
 * rows, lower-case column names). MySQL functions the news module's queries use are added as
 * SQLite functions (FIND_IN_SET), so the connector runs its MySQL queries unchanged.
 */

if (!defined('NV_MAINFILE')) {
    exit('Stop!!!');
}

class HarnessDatabase extends PDO
{
    public function __construct($file)
    {
        parent::__construct('sqlite:' . $file, null, null, [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_CASE => PDO::CASE_LOWER,
            PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
        ]);
        $this->exec('PRAGMA busy_timeout = 5000');
        $this->sqliteCreateFunction('FIND_IN_SET', function ($needle, $list) {
            $position = array_search((string) $needle, explode(',', (string) $list), true);

            return $position === false ? 0 : $position + 1;
        }, 2);
    }
}

/** Cache: nothing is cached; module cache clears are recorded for the tests to check. */
class HarnessCache
{
    /** @var string */
    private $log;

    public function __construct($log)
    {
        $this->log = $log;
    }

    public function delMod($module, $lang = '')
    {
        file_put_contents($this->log, 'delMod ' . $module . "\n", FILE_APPEND | LOCK_EX);
    }

    public function delAll($sys = true)
    {
        file_put_contents($this->log, "delAll\n", FILE_APPEND | LOCK_EX);
    }

    public function db($sql, $key = '', $modname = '')
    {
        global $db;

        return $db->query($sql)->fetchAll();
    }
}

/** The API secret is stored encrypted with the site key, as NukeViet stores it. */
class HarnessCrypt
{
    /** @var string */
    private $key;

    public function __construct($sitekey)
    {
        $this->key = hash('sha256', (string) $sitekey, true);
    }

    public function encrypt($plain)
    {
        if (!function_exists('openssl_encrypt')) {
            return 'b64:' . base64_encode($plain);
        }
        $iv = random_bytes(16);

        return base64_encode($iv . openssl_encrypt($plain, 'aes-256-cbc', $this->key, OPENSSL_RAW_DATA, $iv));
    }

    public function decrypt($stored)
    {
        if (strpos($stored, 'b64:') === 0) {
            return (string) base64_decode(substr($stored, 4));
        }
        $raw = base64_decode($stored);
        if (!function_exists('openssl_decrypt') || strlen($raw) < 17) {
            return '';
        }

        return (string) openssl_decrypt(substr($raw, 16), 'aes-256-cbc', $this->key, OPENSSL_RAW_DATA, substr($raw, 0, 16));
    }
}
