<?php

/**
 * Newsdesk test harness: NukeViet\Api\ApiResult. Same public surface and JSON shape as NukeViet
 * 4.5 ({"status":"error","code":"0000","message":""} by default, plain json_encode so Vietnamese
 * comes back as \u escapes); own re-implementation.
 */

namespace NukeViet\Api;

class ApiResult
{
    const API_ERROR = 'error';
    const API_SUCCESS = 'success';

    const CODE_UNKONW = '0000';
    const CODE_REQUIRE_ADMINIDENT = '0001';
    const CODE_WRONG_TYPE = '0002';
    const CODE_MISSING_FUNCTION = '0003';
    const CODE_API_NOT_EXISTS = '0004';
    const CODE_MODULE_NOT_EXISTS = '0005';
    const CODE_MODULE_INVALID = '0006';
    const CODE_NO_ADMIN_IDENT = '0007';
    const CODE_NO_ADMIN_FOUND = '0008';
    const CODE_NO_MODADMIN_RIGHT = '0009';
    const CODE_ADMINLEV_NOT_ENOUGH = '0010';
    const CODE_REMOTE_OFF = '0011';
    const CODE_SYS_ERROR = '0012';
    const CODE_NO_CREDENTIAL_FOUND = '0013';
    const CODE_AUTH_FAIL = '0014';
    const CODE_MISSING_REQUEST_CMD = '0015';
    const CODE_LANG_NOT_EXISTS = '0016';
    const CODE_WRONG_LANG = '0017';
    const CODE_MISSING_LANG = '0018';
    const CODE_MISSING_IP = '0019';
    const CODE_MISSING_TIME = '0020';

    /** @var array */
    private $data = ['status' => self::API_ERROR, 'code' => self::CODE_UNKONW, 'message' => ''];

    public function setError()
    {
        $this->data['status'] = self::API_ERROR;

        return $this;
    }

    public function setSuccess()
    {
        $this->data['status'] = self::API_SUCCESS;

        return $this;
    }

    public function setCode($code)
    {
        if (!is_string($code) || !preg_match('/^\d{4}$/', $code)) {
            throw new \InvalidArgumentException('Wrong code type!!!');
        }
        $this->data['code'] = $code;

        return $this;
    }

    public function setMessage($message)
    {
        if (!is_string($message)) {
            throw new \InvalidArgumentException('Wrong message type!!!');
        }
        $this->data['message'] = $message;

        return $this;
    }

    public function set($key, $value)
    {
        if (!is_string($key)) {
            throw new \InvalidArgumentException('Invaild Data Key');
        }
        if ($value === null || is_resource($value)) {
            throw new \InvalidArgumentException('Invaild Data Type');
        }
        $this->data[$key] = $value;

        return $this;
    }

    public function getResult()
    {
        return json_encode($this->data);
    }

    /** Sends the answer and stops, as NukeViet's returnResult() does through nv_jsonOutput(). */
    public function returnResult()
    {
        nv_jsonOutput($this->data);
    }
}
