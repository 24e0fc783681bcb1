<?php

/**
 * Newsdesk test harness: router for `php -S 127.0.0.1:<port> -t <site> router.php`.
 * /api.php runs the harness's api.php; files of the site (uploads/…) are served as they are;
 * anything else is a 404, like a site without that page.
 */

$path = (string) parse_url(isset($_SERVER['REQUEST_URI']) ? $_SERVER['REQUEST_URI'] : '/', PHP_URL_PATH);
if ($path === '/api.php') {
    require __DIR__ . '/api.php';

    return true;
}
$site = getenv('NV_HARNESS_SITE');
if ($site !== false && strpos($path, '..') === false && is_file($site . $path) && substr($path, -4) !== '.php') {
    return false;
}
http_response_code(404);
header('Content-Type: text/html; charset=utf-8');
echo '<!DOCTYPE html><title>404</title><p>Not found</p>';

return true;
