package com.practicestudio.security.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the master key comes from.
 *
 * @param masterKeyFile key ring file; empty means {@code <data-dir>/master.key}, created with 0600
 *     permissions on first start
 * @param masterKey a base64 AES-256 key given directly (e.g. from a secret manager); when set, no
 *     key file is used and {@code key rotate} needs the next key on its command line
 */
@ConfigurationProperties("practice-studio.security.crypto")
public record CryptoProperties(
    @DefaultValue("") String masterKeyFile, @DefaultValue("") String masterKey) {}
