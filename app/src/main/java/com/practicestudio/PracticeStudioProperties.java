package com.practicestudio;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings that every feature shares.
 *
 * @param dataDir where the embedded database, the master key and received files live
 */
@ConfigurationProperties("practice-studio")
public record PracticeStudioProperties(@DefaultValue("./data") Path dataDir) {

  public Path dataDirAbsolute() {
    return dataDir.toAbsolutePath().normalize();
  }
}
