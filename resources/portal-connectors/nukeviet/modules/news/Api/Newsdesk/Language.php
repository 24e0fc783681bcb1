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
 * Texts of the connector. The grant screen ("Quản lý API Roles") reads `api_<cat>` and
 * `api_<cat>_<Class>` from $lang_module; rather than asking the operator to edit the news
 * module's language file, every API class file calls register() when it is loaded, which adds
 * the keys that are missing (keys the operator added by hand win).
 */
class Language
{
    const CAT = 'newsdesk';

    /** @var array<string, array<string, string>> */
    private static $grant = [
        'vi' => [
            'api_newsdesk' => 'Newsdesk (bàn biên tập)',
            'api_newsdesk_NewsdeskCatalog' => 'Newsdesk: đọc chuyên mục, tags và thông tin kết nối',
            'api_newsdesk_NewsdeskImageUpload' => 'Newsdesk: tải ảnh lên thư mục của module',
            'api_newsdesk_NewsdeskArticleSave' => 'Newsdesk: đăng mới hoặc cập nhật bài viết',
            'api_newsdesk_NewsdeskArticleGet' => 'Newsdesk: đọc trạng thái bài viết',
            'api_newsdesk_NewsdeskArticleTakeDown' => 'Newsdesk: gỡ bài viết (ngưng hiệu lực)',
        ],
        'en' => [
            'api_newsdesk' => 'Newsdesk (editorial desk)',
            'api_newsdesk_NewsdeskCatalog' => 'Newsdesk: read categories, tags and connection info',
            'api_newsdesk_NewsdeskImageUpload' => 'Newsdesk: upload images into the module folder',
            'api_newsdesk_NewsdeskArticleSave' => 'Newsdesk: create or update articles',
            'api_newsdesk_NewsdeskArticleGet' => 'Newsdesk: read an article\'s state',
            'api_newsdesk_NewsdeskArticleTakeDown' => 'Newsdesk: take an article down (deactivate)',
        ],
    ];

    /** @var array<string, array<string, string>> */
    private static $errors = [
        'vi' => [
            Failure::INVALID_INPUT => 'Dữ liệu không hợp lệ: %s',
            Failure::TITLE_EMPTY => 'Bài viết chưa có tiêu đề',
            Failure::CATEGORY_INVALID => 'Chưa chọn chuyên mục hoặc chuyên mục không tồn tại: %s',
            Failure::BODY_EMPTY => 'Nội dung bài viết trống',
            Failure::NO_CATEGORY_RIGHT => 'Tài khoản %s không có quyền %s trong chuyên mục: %s',
            Failure::ARTICLE_NOT_FOUND => 'Không tìm thấy bài viết %s',
            Failure::CATEGORY_SUSPENDED => 'Chuyên mục đang bị đình chỉ: %s',
            Failure::HOMEIMG_NOT_FOUND => 'Không tìm thấy ảnh minh họa %s trong thư mục của module',
            Failure::UPLOAD_MISSING => 'Không nhận được tệp ảnh (trường upload): %s',
            Failure::UPLOAD_TYPE => 'Kiểu tệp không được phép: %s. Chỉ nhận JPEG, PNG, GIF, WebP',
            Failure::UPLOAD_TOO_LARGE => 'Tệp nặng %s, vượt giới hạn %s của website',
            Failure::UPLOAD_DIMENSIONS => 'Ảnh %s lớn hơn kích thước tối đa %s của website',
            Failure::UPLOAD_STORAGE => 'Không ghi được vào thư mục %s',
            Failure::UPLOAD_CORRUPT => 'Tệp không phải ảnh hợp lệ: %s',
            Failure::SYSTEM => 'Lỗi hệ thống, hãy thử lại sau: %s',
        ],
        'en' => [
            Failure::INVALID_INPUT => 'Invalid input: %s',
            Failure::TITLE_EMPTY => 'The article has no title',
            Failure::CATEGORY_INVALID => 'No category chosen, or the category does not exist: %s',
            Failure::BODY_EMPTY => 'The article body is empty',
            Failure::NO_CATEGORY_RIGHT => 'Account %s may not %s in category: %s',
            Failure::ARTICLE_NOT_FOUND => 'Article %s not found',
            Failure::CATEGORY_SUSPENDED => 'Category is suspended: %s',
            Failure::HOMEIMG_NOT_FOUND => 'Home image %s is not a file in the module\'s upload folder',
            Failure::UPLOAD_MISSING => 'No image file received (field upload): %s',
            Failure::UPLOAD_TYPE => 'File type not allowed: %s. Only JPEG, PNG, GIF and WebP',
            Failure::UPLOAD_TOO_LARGE => 'The file is %s, over the site\'s limit of %s',
            Failure::UPLOAD_DIMENSIONS => 'Image %s is larger than the site\'s maximum %s',
            Failure::UPLOAD_STORAGE => 'Cannot write into folder %s',
            Failure::UPLOAD_CORRUPT => 'Not a valid image: %s',
            Failure::SYSTEM => 'System error, please try again later: %s',
        ],
    ];

    /** Adds the grant-screen keys to $lang_module where they are missing. */
    public static function register()
    {
        $keys = self::$grant[self::lang()];
        if (!isset($GLOBALS['lang_module']) || !is_array($GLOBALS['lang_module'])) {
            $GLOBALS['lang_module'] = [];
        }
        foreach ($keys as $key => $text) {
            if (!isset($GLOBALS['lang_module'][$key])) {
                $GLOBALS['lang_module'][$key] = $text;
            }
        }
    }

    /**
     * The message for a failure code.
     *
     * @param string $code
     * @param array  $args
     * @return string
     */
    public static function error($code, array $args = [])
    {
        $table = self::$errors[self::lang()];
        $format = isset($table[$code]) ? $table[$code] : $code;
        $needed = substr_count($format, '%s');
        while (count($args) < $needed) {
            $args[] = '';
        }

        return trim(vsprintf($format, array_slice($args, 0, $needed)), ': ');
    }

    /** @return string 'vi' or 'en' */
    private static function lang()
    {
        $lang = defined('NV_LANG_INTERFACE') ? NV_LANG_INTERFACE : (defined('NV_LANG_DATA') ? NV_LANG_DATA : 'vi');

        return $lang === 'vi' ? 'vi' : 'en';
    }
}
