package com.practicestudio.cerner;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The addresses a SMART app registration with Cerner names: the redirect URI ({@code
 * {server}/smart/callback}) and the launch URL ({@code {server}/smart/launch}). {@code server} is
 * {@code practice-studio.cerner.public-base-url}, or the current request's when that is empty.
 */
@Component
public class SmartRegistration {

  public static final String LAUNCH_PATH = "/smart/launch";
  public static final String CALLBACK_PATH = "/smart/callback";

  private final CernerProperties settings;

  SmartRegistration(CernerProperties settings) {
    this.settings = settings;
  }

  public String redirectUri() {
    return base() + CALLBACK_PATH;
  }

  public String launchUrl() {
    return base() + LAUNCH_PATH;
  }

  private String base() {
    if (!settings.publicBaseUrl().isEmpty()) {
      return settings.publicBaseUrl();
    }
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }
}
