<?php

/**
 * Newsdesk test harness: $db, $nv_Cache and $crypt.
 *
 * $db is PDO on the harness's MariaDB database with NukeViet's connection settings: utf8mb4,
 * exceptions, native prepared statements (no emulation), associative rows, lower-case column
 * names. Nothing else is set: `rowCount()` after an UPDATE counts only the rows that changed
 * (no PDO::MYSQL_ATTR_FOUND_ROWS), and the server's strict sql_mode applies, as on a real site.
 */

if (!defined('NV_MAINFILE')) {
    exit('Stop!!!');
}

class HarnessDatabase extends PDO
{
    /**
     * @param array $config socket, name (null to connect without a database), user, pass
     */
    public function __construct(array $config)
    {
        $dsn = 'mysql:unix_socket=' . $config['socket'] . ';charset=utf8mb4';
        if (!empty($config['name'])) {
            $dsn .= ';dbname=' . $config['name'];
        }
        parent::__construct($dsn, $config['user'], $config['pass'], [
            PDO::ATTR_EMULATE_PREPARES => false,
            PDO::ATTR_CASE => PDO::CASE_LOWER,
            PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
        ]);
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
