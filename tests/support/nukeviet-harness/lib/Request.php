<?php

/**
 * Newsdesk test harness: $nv_Request, NukeViet's request reader, re-implemented from its
 * documented behaviour:
 * - keys that are not [a-zA-Z0-9_]+ are dropped from $_GET, $_POST and $_FILES (arrays such as
 *   catids[] arrive under "catids");
 * - empty and numeric values come back untouched; other strings (and array members) are
 *   "secured": [ and ] become &#91; &#93;, <script> blocks and forbidden tags are removed,
 *   attributes are rebuilt as name="value" without on* handlers, javascript: URLs or forbidden
 *   names, tags without a closing tag later in the text are written self-closed (<br />,
 *   <img … />), and quotes and angle brackets in text become entities;
 * - get_title strips tags and, with $specialchars, stores punctuation as entities; get_textarea
 *   keeps the allowed tags and turns newlines into <br />; get_editor keeps the allowed tags.
 * Byte-for-byte equality with NukeViet's filter is not claimed for exotic markup.
 */
class HarnessRequest
{
    const DISABLED_TAGS = ['applet', 'body', 'basefont', 'head', 'html', 'id', 'meta', 'xml', 'blink', 'link', 'style', 'script', 'iframe', 'frame', 'frameset', 'ilayer', 'layer', 'bgsound', 'title', 'base'];
    const DISABLED_ATTRIBUTES = ['action', 'background', 'codebase', 'dynsrc', 'lowsrc', 'allownetworking', 'allowscriptaccess', 'fscommand', 'seeksegmenttime'];

    public function __construct()
    {
        foreach (['_GET', '_POST', '_FILES'] as $global) {
            foreach (array_keys($GLOBALS[$global]) as $key) {
                if (!preg_match('/^[a-zA-Z0-9_]+$/', (string) $key)) {
                    unset($GLOBALS[$global][$key]);
                }
            }
        }
    }

    public function isset_request($names, $mode, $all = true)
    {
        $found = 0;
        $names = array_map('trim', explode(',', (string) $names));
        foreach ($names as $name) {
            if ($this->lookup($name, $mode)[0]) {
                ++$found;
            }
        }

        return $all ? $found === count($names) : $found > 0;
    }

    public function get_int($name, $mode = null, $default = null)
    {
        return (int) $this->value($name, $mode, $default);
    }

    public function get_bool($name, $mode = null, $default = null)
    {
        return (bool) $this->value($name, $mode, $default);
    }

    public function get_string($name, $mode = null, $default = null)
    {
        return (string) $this->value($name, $mode, $default);
    }

    public function get_title($name, $mode = null, $default = null, $specialchars = false)
    {
        return $this->title((string) $this->value($name, $mode, $default), $specialchars);
    }

    public function get_textarea($name, $default = '', $allowed_html_tags = '', $save = false)
    {
        return $this->textarea((string) $this->value($name, 'post', $default), $allowed_html_tags, $save);
    }

    public function get_editor($name, $default = '', $allowed_html_tags = '')
    {
        return $this->editor((string) $this->value($name, 'post', $default), $allowed_html_tags);
    }

    public function get_array($name, $mode = null, $default = null)
    {
        return (array) $this->value($name, $mode, $default);
    }

    public function get_typed_array($name, $mode = null, $type = null, $default = null, $specialchars = false, $preg_replace = [], $allowed_html_tags = '', $save = false)
    {
        $values = $this->get_array($name, $mode, $default);
        foreach ($values as $key => $value) {
            switch ($type) {
                case 'int':
                    $values[$key] = (int) $value;
                    break;
                case 'bool':
                    $values[$key] = (bool) $value;
                    break;
                case 'string':
                    $values[$key] = (string) $value;
                    break;
                case 'title':
                    $values[$key] = $this->title((string) $value, $specialchars);
                    break;
                case 'textarea':
                    $values[$key] = $this->textarea((string) $value, $allowed_html_tags, $save);
                    break;
                case 'editor':
                    $values[$key] = $this->editor((string) $value, $allowed_html_tags);
                    break;
            }
        }

        return $values;
    }

    /** @return array [found, raw value] */
    private function lookup($name, $mode)
    {
        $modes = $mode === null ? ['request'] : array_map('trim', explode(',', (string) $mode));
        foreach ($modes as $m) {
            $sources = $m === 'get' ? [$_GET] : ($m === 'post' ? [$_POST] : ($m === 'request' ? [$_POST, $_GET] : []));
            foreach ($sources as $source) {
                if (array_key_exists($name, $source)) {
                    return [true, $source[$name]];
                }
            }
        }

        return [false, null];
    }

    private function value($name, $mode, $default)
    {
        list($found, $value) = $this->lookup($name, $mode);
        if (!$found) {
            return $default;
        }
        if (empty($value) || is_numeric($value)) {
            return $value;
        }

        return $this->secure($value);
    }

    private function secure($value)
    {
        if (is_array($value)) {
            return array_map([$this, 'secure'], $value);
        }

        return $this->filterTags(str_replace(['[', ']'], ['&#91;', '&#93;'], (string) $value));
    }

    private function title($value, $specialchars)
    {
        $value = strip_tags($value);
        if ($specialchars) {
            $entities = harness_title_entities();
            $value = strtr($value, array_flip($entities));
            $value = strtr($value, $entities);
        }

        return trim($value);
    }

    private function textarea($value, $allowed, $save)
    {
        if ($allowed !== '') {
            $value = strip_tags($value, $this->allowedTags($allowed));
        }
        if ($save) {
            $value = strtr($value, ["\r\n" => '<br />', "\r" => '<br />', "\n" => '<br />']);
        }

        return trim($value);
    }

    private function editor($value, $allowed)
    {
        if ($allowed !== '') {
            $value = strip_tags($value, $this->allowedTags($allowed));
        }

        return trim($value);
    }

    private function allowedTags($list)
    {
        return '<' . implode('><', array_map('trim', explode(',', $list))) . '>';
    }

    /** Rebuilds every tag from its parsed name and attributes; text gets its quotes escaped. */
    private function filterTags($source)
    {
        $source = preg_replace('#<\s*script\b[^>]*>.*?<\s*/\s*script\s*>#is', '', $source);
        $parts = preg_split('/(<[^<>]*>)/', $source, -1, PREG_SPLIT_DELIM_CAPTURE);
        $out = '';
        $offset = 0;
        foreach ($parts as $i => $part) {
            $offset += strlen($part);
            if ($i % 2 === 0) {
                $out .= str_replace(["'", '"', '<', '>'], ['&#039;', '&quot;', '&lt;', '&gt;'], $part);
                continue;
            }
            if (!preg_match('#^<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9]*)(.*?)/?\s*>$#s', $part, $m)) {
                continue;
            }
            $name = strtolower($m[2]);
            if (in_array($name, self::DISABLED_TAGS, true)) {
                continue;
            }
            if ($m[1] === '/') {
                $out .= '</' . $name . '>';
                continue;
            }
            $attributes = $this->filterAttributes($m[3]);
            $closed = stripos(substr($source, $offset), '</' . $name) !== false;
            $out .= '<' . $name . ($attributes === '' ? '' : ' ' . $attributes) . ($closed ? '>' : ' />');
        }

        return trim($out);
    }

    private function filterAttributes($text)
    {
        preg_match_all('/([^\s=\/]+)(?:\s*=\s*("[^"]*"|\'[^\']*\'|[^\s"\'>]+))?/', $text, $matches, PREG_SET_ORDER);
        $kept = [];
        foreach ($matches as $match) {
            $name = strtolower($match[1]);
            if (!preg_match('/^[a-z][a-z0-9_:-]*$/', $name) || strpos($name, 'on') === 0 || in_array($name, self::DISABLED_ATTRIBUTES, true)) {
                continue;
            }
            if (!isset($match[2])) {
                $kept[] = $name . '="' . $name . '"';
                continue;
            }
            $value = $match[2];
            if ($value !== '' && ($value[0] === '"' || $value[0] === "'")) {
                $value = substr($value, 1, -1);
            }
            $value = str_replace(['"', '&quot;'], "'", preg_replace('/ +/', ' ', trim($value)));
            if (preg_match('/(javascript|vbscript|expression|livescript|mocha)\s*:/i', $value)) {
                continue;
            }
            $kept[] = $name . '="' . $value . '"';
        }

        return implode(' ', $kept);
    }
}
