<?php

/**
 * Newsdesk test harness: runs one statement on a harness site's database for the TypeScript
 * tests (they check what the connector wrote, or change roles and rights between calls).
 *
 *   echo '{"sql": "...", "params": [...]}' | php query.php <site folder>
 *
 * Prints the rows as JSON (an empty list for statements without rows). Integers come back as
 * numbers: native prepared statements, as NukeViet's own connection uses.
 */

if (PHP_SAPI !== 'cli' || !isset($argv[1])) {
    fwrite(STDERR, "usage: php query.php <site folder>\n");
    exit(2);
}
define('NV_MAINFILE', true);
require __DIR__ . '/lib/Services.php';

$config = json_decode((string) file_get_contents(rtrim($argv[1], '/') . '/harness.json'), true);
$request = json_decode((string) stream_get_contents(STDIN), true);
$db = new HarnessDatabase($config['db']);
$sth = $db->prepare($request['sql']);
$sth->execute(array_values($request['params']));
echo json_encode($sth->columnCount() > 0 ? $sth->fetchAll() : [], JSON_UNESCAPED_UNICODE);
