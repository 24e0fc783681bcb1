<?php

/**
 * Newsdesk connector for NukeViet 4.5 (news module).
 * Written for Newsdesk; not part of NukeViet. Licence: same terms as the site it is installed on.
 */

namespace NukeViet\Module\news\Api\Newsdesk;

use NukeViet\Api\Api;
use NukeViet\Api\ApiResult;
use NukeViet\Api\IApi;

if (!defined('NV_MAINFILE')) {
    exit('Stop!!!');
}

/**
 * What the five Newsdesk API classes share: they are module APIs for module admins (level 3,
 * like the system API ClearCache), grouped under the category "newsdesk" on the grant screen,
 * and they answer through NukeViet's ApiResult: status "success" with their own keys, or status
 * "error" with a 51xx code and a message.
 */
abstract class Endpoint implements IApi
{
    /** @var ApiResult */
    protected $result;

    /** @return int the lowest admin level allowed: module admins and above */
    public static function getAdminLev()
    {
        return Api::ADMIN_LEV_MOD;
    }

    /** @return string the grant-screen group (language keys api_newsdesk…) */
    public static function getCat()
    {
        return Language::CAT;
    }

    /**
     * @param ApiResult $result
     */
    public function setResultHander(ApiResult $result)
    {
        $this->result = $result;
    }

    /** @return string the JSON answer */
    public function execute()
    {
        try {
            $ctx = Context::current();
            Schema::ensure($ctx);
            $data = $this->handle($ctx);
            $this->result->setSuccess();
            foreach ($data as $key => $value) {
                $this->result->set($key, $value === null ? '' : $value);
            }
        } catch (Failure $failure) {
            $this->result->setError()->setCode($failure->getApiCode())->setMessage($failure->getMessage());
            foreach ($failure->getExtra() as $key => $value) {
                $this->result->set($key, $value === null ? '' : $value);
            }
        } catch (\Exception $e) {
            $this->systemFailure($e);
        } catch (\Error $e) {
            $this->systemFailure($e);
        }

        return $this->result->getResult();
    }

    /**
     * The work of the class.
     *
     * @param Context $ctx
     * @return array keys for the JSON answer
     * @throws Failure
     */
    abstract protected function handle(Context $ctx);

    /**
     * Database or PHP error: logged for the operator, reported with code 5120.
     *
     * @param \Throwable $e
     */
    private function systemFailure($e)
    {
        error_log('Newsdesk connector (' . static::class . '): ' . $e->getMessage() . ' @ ' . $e->getFile() . ':' . $e->getLine());
        $this->result->setError()->setCode(Failure::SYSTEM)->setMessage(Language::error(Failure::SYSTEM, [$e->getMessage()]))
            ->set('detail', $e->getMessage());
    }
}
