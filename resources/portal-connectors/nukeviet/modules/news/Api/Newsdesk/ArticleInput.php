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
 * The article fields of a save request, read through $nv_Request exactly as the admin form reads
 * them (title, author and image alt with HTML entities, the lead through get_textarea, the body
 * through get_editor with the site's allowed tags) and checked with the form's rules. Unlike the
 * form, which silently saves an incomplete article as a draft, a request missing a title,
 * category or body is refused: the workstation asked to publish and must be told why it did not.
 */
class ArticleInput
{
    /** Statuses a client may ask for, and the stored value. */
    const STATUSES = ['publish' => 1, 'draft' => 4, 'review' => 5, 'inactive' => 0];

    /** @var array the fields, ready for _rows/_detail */
    public $fields = [];
    /** @var int[] */
    public $catids = [];
    /** @var int */
    public $catid = 0;
    /** @var string[] */
    public $tags = [];
    /** @var int the requested status value (1, 4, 5 or 0) */
    public $status = 1;
    /** @var bool publtime was given */
    public $hasPubltime = false;
    /** @var bool imgposition was given */
    public $hasImgposition = false;
    /** @var bool credit the API account's pen name in the author list (credit_poster=1) */
    public $creditPoster = false;

    /**
     * @param Context $ctx
     * @param array   $cats categories by id
     * @return ArticleInput
     * @throws Failure
     */
    public static function read(Context $ctx, array $cats)
    {
        global $nv_Request;

        $in = new self();
        $allowedTags = defined('NV_ALLOWED_HTML_TAGS') ? NV_ALLOWED_HTML_TAGS : 'embed, object, param, a, b, blockquote, br, caption, col, colgroup, div, em, h1, h2, h3, h4, h5, h6, hr, i, img, li, p, span, strong, s, sub, sup, table, tbody, td, th, tr, u, ul, ol, iframe, figure, figcaption, video, audio, source, track, code, pre';

        $statusName = $nv_Request->get_title('status', 'post', 'publish');
        if (!array_key_exists($statusName, self::STATUSES)) {
            throw Failure::of(Failure::INVALID_INPUT, ['status=' . $statusName], ['field' => 'status']);
        }
        $in->status = self::STATUSES[$statusName];

        $catids = array_values(array_unique(array_filter(array_map('intval', $nv_Request->get_typed_array('catids', 'post', 'int', [])))));
        $catid = $nv_Request->get_int('catid', 'post', 0);
        if (empty($catids) && $catid > 0) {
            $catids = [$catid];
        }
        $in->catids = $catids;
        $in->catid = in_array($catid, $catids, true) ? $catid : (empty($catids) ? 0 : $catids[0]);

        $f = [];
        $f['title'] = $nv_Request->get_title('title', 'post', '', 1);
        $f['alias'] = self::alias($ctx, $nv_Request->get_title('alias', 'post', ''), $f['title']);
        if (!empty($ctx->config('htmlhometext', 0))) {
            $f['hometext'] = $nv_Request->get_editor('hometext', '', $allowedTags);
        } else {
            $f['hometext'] = $nv_Request->get_textarea('hometext', '', 'br', 1);
        }
        $f['bodyhtml'] = $nv_Request->get_editor('bodyhtml', '', $allowedTags);
        $f['homeimg'] = $nv_Request->get_title('homeimg', 'post', '');
        $f['homeimgalt'] = $nv_Request->get_title('homeimgalt', 'post', '', 1);
        $f['author'] = $nv_Request->get_title('author', 'post', '', 1);
        $f['sourcetext'] = $nv_Request->get_title('sourcetext', 'post', '');

        $in->hasImgposition = $nv_Request->isset_request('imgposition', 'post');
        $f['imgposition'] = $nv_Request->get_int('imgposition', 'post', (int) $ctx->config('imgposition', 1));
        if (!in_array($f['imgposition'], [0, 1, 2], true)) {
            $f['imgposition'] = 1;
        }

        // The byline is the article's `author`; the API account (a shared technical login) is
        // added to the author list only when the newsroom asks for it.
        $in->creditPoster = $nv_Request->get_int('credit_poster', 'post', 0) === 1;

        $keywords = array_filter(array_map('trim', array_map('strval', $nv_Request->get_array('keywords', 'post', []))));
        $f['keywords'] = trim(self::cut(implode(', ', $keywords), 255), ", \t\n\r\0\x0B");

        $tags = [];
        foreach ($nv_Request->get_typed_array('tags', 'post', 'title', []) as $tag) {
            $tag = self::cut(trim((string) $tag), 65);
            if ($tag !== '' && !in_array($tag, $tags, true)) {
                $tags[] = $tag;
            }
        }
        $in->tags = $tags;

        $in->hasPubltime = $nv_Request->get_int('publtime', 'post', 0) > 0;
        $f['publtime'] = $nv_Request->get_int('publtime', 'post', 0);
        $f['exptime'] = max(0, $nv_Request->get_int('exptime', 'post', 0));
        $archive = $nv_Request->isset_request('archive', 'post') ? $nv_Request->get_int('archive', 'post', 1) : 1;
        $f['archive'] = $archive > 0 ? ($f['exptime'] > $ctx->now ? 1 : 2) : 0;
        $in->fields = $f;

        $in->validate($cats);

        return $in;
    }

    /**
     * The form's checks, in its order: title, category, body (text, or an image with alt text, or
     * an embedded frame).
     *
     * @throws Failure
     */
    private function validate(array $cats)
    {
        if ($this->fields['title'] === '') {
            throw Failure::of(Failure::TITLE_EMPTY, [], ['field' => 'title']);
        }
        if (empty($this->catids)) {
            throw Failure::of(Failure::CATEGORY_INVALID, ['-'], ['field' => 'catids']);
        }
        $unknown = array_diff($this->catids, array_keys($cats));
        if (!empty($unknown)) {
            throw Failure::of(Failure::CATEGORY_INVALID, [implode(', ', $unknown)], ['field' => 'catids']);
        }
        $body = $this->fields['bodyhtml'];
        $hasText = trim(strip_tags($body)) !== '';
        $hasImage = preg_match('/<img[^>]*alt="([^"]+)"[^>]*>/is', $body) === 1;
        $hasFrame = preg_match('/<iframe.*src="(.*)".*><\/iframe>/isU', $body) === 1;
        if (!$hasText && !$hasImage && !$hasFrame) {
            throw Failure::of(Failure::BODY_EMPTY, [], ['field' => 'bodyhtml']);
        }
    }

    /**
     * The alias as the form builds it: from the alias given, else from the title; lower case when
     * the module says so (alias_lower, on by default); "post" when nothing usable is left.
     *
     * @return string
     */
    private static function alias(Context $ctx, $given, $title)
    {
        $alias = change_alias($given !== '' ? $given : $title);
        if (!empty($ctx->config('alias_lower', 1))) {
            $alias = strtolower($alias);
        }

        return ($alias === '' || !preg_match('/^[a-zA-Z0-9_-]+$/', $alias)) ? 'post' : $alias;
    }

    /** @return string at most $length characters (UTF-8) */
    private static function cut($text, $length)
    {
        if (function_exists('nv_substr')) {
            return nv_substr($text, 0, $length);
        }

        return function_exists('mb_substr') ? mb_substr($text, 0, $length, 'UTF-8') : substr($text, 0, $length);
    }
}
