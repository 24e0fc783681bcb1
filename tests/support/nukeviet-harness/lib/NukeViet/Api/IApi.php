<?php

/**
 * Newsdesk test harness: NukeViet\Api\IApi as NukeViet 4.5 declares it (own re-implementation
 * of the interface's four methods, which every API class must provide).
 */

namespace NukeViet\Api;

interface IApi
{
    /** Lowest admin level allowed to run the API (1 God, 2 super admin, 3 module admin). */
    public static function getAdminLev();

    /** Group of the API on the grant screen ('' for none); also part of its language keys. */
    public static function getCat();

    /** Receives the result object the API answers through. */
    public function setResultHander(ApiResult $result);

    /** Runs the API and returns the JSON answer. */
    public function execute();
}
