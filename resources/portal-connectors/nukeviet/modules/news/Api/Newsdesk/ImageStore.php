<?php

/**
 * Newsdesk connector for NukeViet 4.5 (news module).
 * Written for Newsdesk; not part of NukeViet. Licence: same terms as the site it is installed on.
 */

namespace NukeViet\Module\news\Api\Newsdesk;

if (!defined('NV_MAINFILE')) {
    exit('Stop!!!');
}

/**
 * Stores an uploaded image where the news module's admin form puts them
 * (uploads/<module_upload>/<structure_upload folder>, 2023_07 by default), named the way
 * NukeViet's uploader names files (romanised, [a-z0-9._-], lower case, _1/_2… when the name is
 * taken), after the checks the uploader makes (type from the file's bytes, size against the
 * site limit and PHP's, dimensions against NV_MAX_WIDTH/NV_MAX_HEIGHT). The same bytes uploaded
 * again return the first file.
 */
class ImageStore
{
    /** @var array<string, string[]> accepted types and their extensions (the first is the usual one) */
    private static $types = [
        'image/jpeg' => ['jpg', 'jpeg'],
        'image/png' => ['png'],
        'image/gif' => ['gif'],
        'image/webp' => ['webp'],
    ];

    /**
     * Handles the file in the request field `upload`.
     *
     * @param Context $ctx
     * @param array|null $file   the $_FILES entry
     * @param string  $syncKey  the workstation's key for the photo (recorded, not required)
     * @return array the stored file (path, url, homeimg, size, width, height, mime, sha256, reused)
     * @throws Failure
     */
    public static function store(Context $ctx, $file, $syncKey)
    {
        $limit = self::sizeLimit($ctx);
        if (!is_array($file) || !isset($file['error'])) {
            throw Failure::of(Failure::UPLOAD_MISSING, ['-']);
        }
        $error = (int) $file['error'];
        if ($error === UPLOAD_ERR_INI_SIZE || $error === UPLOAD_ERR_FORM_SIZE) {
            throw Failure::of(Failure::UPLOAD_TOO_LARGE, ['?', self::humanSize($limit)], ['limit' => $limit]);
        }
        if ($error !== UPLOAD_ERR_OK || empty($file['tmp_name']) || !is_uploaded_file($file['tmp_name'])) {
            throw Failure::of(Failure::UPLOAD_MISSING, ['error ' . $error]);
        }
        $tmp = $file['tmp_name'];
        $size = (int) filesize($tmp);
        if ($size > $limit) {
            throw Failure::of(Failure::UPLOAD_TOO_LARGE, [self::humanSize($size), self::humanSize($limit)], ['limit' => $limit, 'size' => $size]);
        }

        $mime = self::detectMime($tmp);
        $allowedTypes = $ctx->siteConfig('file_allowed_ext', null);
        if (!isset(self::$types[$mime]) || (is_array($allowedTypes) && !in_array('images', $allowedTypes, true))) {
            throw Failure::of(Failure::UPLOAD_TYPE, [$mime === '' ? 'unknown' : $mime], ['mime' => $mime]);
        }
        $info = @getimagesize($tmp);
        if (!is_array($info) || empty($info[0]) || empty($info[1])) {
            throw Failure::of(Failure::UPLOAD_CORRUPT, [(string) $file['name']]);
        }
        $ext = self::extension((string) $file['name'], $mime);
        if (in_array($ext, self::forbiddenExtensions($ctx), true)) {
            throw Failure::of(Failure::UPLOAD_TYPE, [$ext], ['mime' => $mime]);
        }

        $sha256 = hash_file('sha256', $tmp);
        $previous = self::previous($ctx, $sha256);
        if ($previous !== null) {
            return $previous;
        }

        $relDir = self::folder($ctx);
        $realDir = self::makeFolder($ctx, $relDir);
        $name = self::uniqueName($realDir, self::baseName((string) $file['name']), $ext);
        if (!@move_uploaded_file($tmp, $realDir . '/' . $name)) {
            @unlink($realDir . '/' . $name);
            throw Failure::of(Failure::UPLOAD_STORAGE, [NV_UPLOADS_DIR . '/' . $relDir]);
        }
        @chmod($realDir . '/' . $name, 0644);

        $width = (int) $info[0];
        $height = (int) $info[1];
        list($width, $height, $size) = self::fitDimensions($ctx, $realDir, $name, $width, $height, $size);

        $path = NV_UPLOADS_DIR . '/' . $relDir . '/' . $name;
        try {
            $ctx->run('INSERT INTO ' . Schema::mediaTable($ctx) . ' (sha256, path, sync_key, filesize, width, height, admin_id, add_time) VALUES (:h, :p, :k, :s, :w, :hh, :a, :t)', [
                ':h' => $sha256,
                ':p' => $path,
                ':k' => substr($syncKey, 0, 64),
                ':s' => $size,
                ':w' => $width,
                ':hh' => $height,
                ':a' => $ctx->adminId,
                ':t' => $ctx->now,
            ]);
        } catch (\PDOException $e) {
            // Another request stored the same bytes at the same moment: keep theirs.
            $winner = self::previous($ctx, $sha256);
            if ($winner !== null) {
                @unlink($realDir . '/' . $name);

                return $winner;
            }
            throw $e;
        }
        self::markFolderForRescan($ctx, NV_UPLOADS_DIR . '/' . $relDir);

        return self::describe($ctx, $path, $sha256, $size, $width, $height, $mime, false);
    }

    /**
     * The smallest of the site's "max upload size" and PHP's upload_max_filesize/post_max_size.
     *
     * @param Context $ctx
     * @return int bytes
     */
    public static function sizeLimit(Context $ctx)
    {
        $limits = [self::toBytes(ini_get('upload_max_filesize')), self::toBytes(ini_get('post_max_size'))];
        $site = (int) $ctx->siteConfig('nv_max_size', 0);
        if ($site > 0) {
            $limits[] = $site;
        }
        $limits = array_filter($limits, function ($n) {
            return $n > 0;
        });

        return empty($limits) ? 2097152 : (int) min($limits);
    }

    /** @return int */
    public static function maxWidth()
    {
        return defined('NV_MAX_WIDTH') ? (int) NV_MAX_WIDTH : 1500;
    }

    /** @return int */
    public static function maxHeight()
    {
        return defined('NV_MAX_HEIGHT') ? (int) NV_MAX_HEIGHT : 1500;
    }

    /**
     * The folder (relative to uploads/) the admin form would use today.
     *
     * @param Context $ctx
     * @return string e.g. news/2023_07
     */
    public static function folder(Context $ctx)
    {
        $user = function_exists('change_alias') ? change_alias($ctx->adminName) : preg_replace('/[^a-zA-Z0-9_-]/', '', $ctx->adminName);
        $t = $ctx->now;
        $byStructure = [
            '' => '',
            'Y' => date('Y', $t),
            'Ym' => date('Y_m', $t),
            'Y_m' => date('Y/m', $t),
            'Ym_d' => date('Y_m/d', $t),
            'Y_m_d' => date('Y/m/d', $t),
            'username' => $user,
            'username_Y' => $user . '/' . date('Y', $t),
            'username_Ym' => $user . '/' . date('Y_m', $t),
            'username_Y_m' => $user . '/' . date('Y/m', $t),
            'username_Ym_d' => $user . '/' . date('Y_m/d', $t),
            'username_Y_m_d' => $user . '/' . date('Y/m/d', $t),
        ];
        $structure = (string) $ctx->config('structure_upload', 'Ym');
        $sub = isset($byStructure[$structure]) ? trim($byStructure[$structure], '/') : '';

        return $sub === '' ? $ctx->moduleUpload : $ctx->moduleUpload . '/' . $sub;
    }

    /**
     * File name stem by NukeViet's upload rules: Vietnamese letters romanised, only letters,
     * digits, dot, dash and underscore kept, no punctuation at either end, blanks become one dash,
     * a dash that follows punctuation goes with it, lower case.
     *
     * @param string $clientName
     * @return string
     */
    public static function baseName($clientName)
    {
        $stem = preg_replace('/\.[a-zA-Z0-9]+$/', '', basename(str_replace('\\', '/', $clientName)));
        if (function_exists('nv_EncString')) {
            $stem = nv_EncString($stem);
        }
        $stem = rawurldecode($stem);
        $kept = '';
        $length = strlen($stem);
        for ($i = 0; $i < $length; ++$i) {
            $c = $stem[$i];
            if (ctype_alnum($c) || strpos('._- ', $c) !== false) {
                $kept .= $c;
            }
        }
        $kept = preg_replace(['/^[^a-zA-Z0-9_]+/', '/[^a-zA-Z0-9_]+$/'], '', $kept);
        $kept = preg_replace('/ +/', '-', $kept);
        $kept = strtolower(preg_replace('/[^a-zA-Z0-9_]-/', '', $kept));
        if (strlen($kept) > 180) {
            $kept = rtrim(substr($kept, 0, 180), '.-_');
        }

        return $kept === '' ? 'image' : $kept;
    }

    /**
     * name.ext, or name_1.ext, name_2.ext… when taken, reserved by creating it empty (mode "x"
     * fails when the file exists), so two uploads running at once never pick the same name and
     * overwrite each other's photo. The caller moves the upload over the reservation.
     *
     * @param string $dir
     * @param string $stem
     * @param string $ext
     * @return string
     * @throws Failure
     */
    public static function uniqueName($dir, $stem, $ext)
    {
        for ($i = 0; $i < 10000; ++$i) {
            $candidate = $i === 0 ? $stem . '.' . $ext : $stem . '_' . $i . '.' . $ext;
            if (file_exists($dir . '/' . $candidate)) {
                continue;
            }
            $handle = @fopen($dir . '/' . $candidate, 'x');
            if ($handle !== false) {
                fclose($handle);

                return $candidate;
            }
        }
        $shown = defined('NV_ROOTDIR') && strpos($dir, NV_ROOTDIR . '/') === 0 ? substr($dir, strlen(NV_ROOTDIR) + 1) : basename($dir);
        throw Failure::of(Failure::UPLOAD_STORAGE, [$shown]);
    }

    /**
     * The answer for a stored file.
     *
     * @return array
     */
    private static function describe(Context $ctx, $path, $sha256, $size, $width, $height, $mime, $reused)
    {
        $prefix = NV_UPLOADS_DIR . '/' . $ctx->moduleUpload . '/';

        return [
            'path' => $path,
            'url' => NV_BASE_SITEURL . $path,
            'homeimg' => strpos($path, $prefix) === 0 ? substr($path, strlen($prefix)) : $path,
            'name' => basename($path),
            'size' => (int) $size,
            'width' => (int) $width,
            'height' => (int) $height,
            'mime' => $mime,
            'sha256' => $sha256,
            'reused' => (bool) $reused,
        ];
    }

    /**
     * A file stored earlier with the same bytes, if it is still there.
     *
     * @return array|null
     */
    private static function previous(Context $ctx, $sha256)
    {
        $row = $ctx->fetchRow('SELECT * FROM ' . Schema::mediaTable($ctx) . ' WHERE sha256 = :h', [':h' => $sha256]);
        if ($row === null) {
            return null;
        }
        $real = NV_ROOTDIR . '/' . $row['path'];
        if (!is_file($real)) {
            $ctx->run('DELETE FROM ' . Schema::mediaTable($ctx) . ' WHERE sha256 = :h', [':h' => $sha256]);

            return null;
        }

        return self::describe($ctx, $row['path'], $sha256, filesize($real), $row['width'], $row['height'], self::detectMime($real), true);
    }

    /**
     * Creates uploads/<folder> level by level, each new level with an empty index.html and
     * registered for NukeViet's file manager, as the admin form does.
     *
     * @return string the real path
     * @throws Failure
     */
    private static function makeFolder(Context $ctx, $relDir)
    {
        $real = NV_UPLOADS_REAL_DIR;
        $rel = NV_UPLOADS_DIR;
        foreach (explode('/', $relDir) as $part) {
            if ($part === '' || $part === '.' || $part === '..') {
                continue;
            }
            $real .= '/' . $part;
            $rel .= '/' . $part;
            if (!is_dir($real)) {
                if (!@mkdir($real, 0755) && !is_dir($real)) {
                    throw Failure::of(Failure::UPLOAD_STORAGE, [$rel]);
                }
                @file_put_contents($real . '/index.html', '');
                self::markFolderForRescan($ctx, $rel);
            }
        }
        if (!is_writable($real)) {
            throw Failure::of(Failure::UPLOAD_STORAGE, [$rel]);
        }

        return $real;
    }

    /**
     * Registers a folder in NukeViet's file manager (nv4_upload_dir) with time 0, which makes the
     * file manager re-scan it, build thumbnails and list the new file the next time it is opened.
     */
    private static function markFolderForRescan(Context $ctx, $dirname)
    {
        if (!defined('NV_UPLOAD_GLOBALTABLE')) {
            return;
        }
        $table = NV_UPLOAD_GLOBALTABLE . '_dir';
        try {
            // Not "UPDATE, then INSERT when rowCount() is 0": on MySQL rowCount() counts only rows
            // that changed, so a folder already marked (time 0) reports 0 and the INSERT collides.
            if ($ctx->fetchRow('SELECT did FROM ' . $table . ' WHERE dirname = :d', [':d' => $dirname]) !== null) {
                $ctx->run('UPDATE ' . $table . ' SET time = 0 WHERE dirname = :d', [':d' => $dirname]);

                return;
            }
            try {
                $ctx->run('INSERT INTO ' . $table . ' (dirname, time) VALUES (:d, 0)', [':d' => $dirname]);
            } catch (\PDOException $e) {
                // Another upload registered it between the SELECT and the INSERT: mark it.
                if ($e->getCode() !== '23000') {
                    throw $e;
                }
                $ctx->run('UPDATE ' . $table . ' SET time = 0 WHERE dirname = :d', [':d' => $dirname]);
            }
        } catch (\PDOException $e) {
            error_log('Newsdesk connector: cannot register ' . $dirname . ' in the file manager: ' . $e->getMessage());
        }
    }

    /**
     * Too wide or too tall: resized by NukeViet's own image class when the site resizes uploads
     * automatically (nv_auto_resize), refused otherwise.
     *
     * @return int[] width, height, size after the change
     * @throws Failure
     */
    private static function fitDimensions(Context $ctx, $dir, $name, $width, $height, $size)
    {
        $maxW = self::maxWidth();
        $maxH = self::maxHeight();
        if ($width <= $maxW && $height <= $maxH) {
            return [$width, $height, $size];
        }
        if (!empty($ctx->siteConfig('nv_auto_resize', 0)) && class_exists('NukeViet\\Files\\Image')) {
            $image = new \NukeViet\Files\Image($dir . '/' . $name, $width, $height);
            $image->resizeXY($maxW, $maxH);
            $image->save($dir, $name, 90);
            $image->close();
            clearstatcache();
            $info = @getimagesize($dir . '/' . $name);
            if (is_array($info)) {
                return [(int) $info[0], (int) $info[1], (int) filesize($dir . '/' . $name)];
            }
        }
        @unlink($dir . '/' . $name);
        throw Failure::of(Failure::UPLOAD_DIMENSIONS, [$width . 'x' . $height, $maxW . 'x' . $maxH], [
            'max_width' => $maxW,
            'max_height' => $maxH,
        ]);
    }

    /** @return string the type read from the bytes ('' when unknown) */
    private static function detectMime($path)
    {
        if (class_exists('finfo')) {
            $finfo = new \finfo(FILEINFO_MIME_TYPE);
            $mime = $finfo->file($path);
            if (is_string($mime) && $mime !== '' && $mime !== 'application/octet-stream') {
                return $mime;
            }
        }
        $info = @getimagesize($path);

        return is_array($info) && isset($info['mime']) ? (string) $info['mime'] : '';
    }

    /** @return string the client's extension when it fits the type, else the type's usual one */
    private static function extension($clientName, $mime)
    {
        $ext = strtolower((string) pathinfo($clientName, PATHINFO_EXTENSION));
        $allowed = self::$types[$mime];

        return in_array($ext, $allowed, true) ? $ext : $allowed[0];
    }

    /** @return string[] */
    private static function forbiddenExtensions(Context $ctx)
    {
        $forbid = $ctx->siteConfig('forbid_extensions', []);
        if (is_string($forbid)) {
            $forbid = explode(',', $forbid);
        }

        return array_map('strtolower', array_map('trim', (array) $forbid));
    }

    /** @return int bytes for an ini value such as "8M" */
    private static function toBytes($value)
    {
        $value = trim((string) $value);
        if ($value === '') {
            return 0;
        }
        $unit = strtolower(substr($value, -1));
        $number = (float) $value;
        $factor = ['k' => 1024, 'm' => 1048576, 'g' => 1073741824];

        return (int) (isset($factor[$unit]) ? $number * $factor[$unit] : $number);
    }

    /** @return string "2 MB", "512 KB" */
    public static function humanSize($bytes)
    {
        if ($bytes >= 1048576) {
            return rtrim(rtrim(number_format($bytes / 1048576, 2, '.', ''), '0'), '.') . ' MB';
        }

        return max(1, (int) round($bytes / 1024)) . ' KB';
    }
}
