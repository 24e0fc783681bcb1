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
 * A refusal the connector explains to the caller: a four-digit code in the 51xx range (NukeViet's
 * own codes stop at 0024; module APIs use 5xxx) plus optional extra keys for the JSON answer.
 */
class Failure extends \Exception
{
    /** Input missing or malformed (the message names the field). */
    const INVALID_INPUT = '5101';
    /** The title is empty. */
    const TITLE_EMPTY = '5102';
    /** No category, or a category that does not exist. */
    const CATEGORY_INVALID = '5103';
    /** The body has no text, no image with alt text and no embedded frame. */
    const BODY_EMPTY = '5104';
    /** The admin behind the API key lacks the right for a category. */
    const NO_CATEGORY_RIGHT = '5105';
    /** No article with that id (or sync key). */
    const ARTICLE_NOT_FOUND = '5106';
    /** A category is suspended; new articles cannot go there. */
    const CATEGORY_SUSPENDED = '5107';
    /** The home image is neither an uploaded file of the module nor a URL. */
    const HOMEIMG_NOT_FOUND = '5108';
    /** No file arrived in the field `upload`. */
    const UPLOAD_MISSING = '5111';
    /** The file is not an image type the connector accepts. */
    const UPLOAD_TYPE = '5112';
    /** The file is larger than the site allows. */
    const UPLOAD_TOO_LARGE = '5113';
    /** The image is wider or taller than the site allows and cannot be resized here. */
    const UPLOAD_DIMENSIONS = '5114';
    /** The upload folder cannot be created or written. */
    const UPLOAD_STORAGE = '5115';
    /** The file claims to be an image but cannot be read as one. */
    const UPLOAD_CORRUPT = '5116';
    /** A database or file-system error (retrying later may help). */
    const SYSTEM = '5120';

    /** @var string */
    private $apiCode;

    /** @var array */
    private $extra;

    /**
     * @param string $apiCode one of the constants above
     * @param string $message English/Vietnamese text from Language::error()
     * @param array  $extra   extra keys for the JSON answer (field, limit, categories…)
     */
    public function __construct($apiCode, $message, array $extra = [])
    {
        parent::__construct($message);
        $this->apiCode = $apiCode;
        $this->extra = $extra;
    }

    /**
     * Shortcut: a failure whose message comes from the language table.
     *
     * @param string $apiCode
     * @param array  $args   sprintf arguments for the message
     * @param array  $extra
     * @return Failure
     */
    public static function of($apiCode, array $args = [], array $extra = [])
    {
        return new self($apiCode, Language::error($apiCode, $args), $extra);
    }

    /** @return string */
    public function getApiCode()
    {
        return $this->apiCode;
    }

    /** @return array */
    public function getExtra()
    {
        return $this->extra;
    }
}
