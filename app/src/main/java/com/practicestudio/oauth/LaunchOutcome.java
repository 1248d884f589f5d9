package com.practicestudio.oauth;

/**
 * A completed SMART launch.
 *
 * @param refreshTokenStored whether Cerner issued a refresh token (kept sealed for the user)
 */
record LaunchOutcome(
    long domainId, String domainName, LaunchContext context, boolean refreshTokenStored) {}
