package com.practicestudio.oauth;

import com.practicestudio.cerner.SystemAccount;

/** Where {@link AccessTokens} gets a domain's system account (the domain settings, in the app). */
@FunctionalInterface
interface SystemAccountSource {

  SystemAccount systemAccount(long domainId);
}
