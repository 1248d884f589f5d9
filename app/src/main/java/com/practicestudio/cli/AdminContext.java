package com.practicestudio.cli;

import com.practicestudio.PracticeStudioApplication;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A server context without web, listeners or workers, for one admin command. */
final class AdminContext {

  private AdminContext() {}

  static ConfigurableApplicationContext open(List<String> springArgs) {
    return new SpringApplicationBuilder(PracticeStudioApplication.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .properties(
            "practice-studio.mode=cli",
            "spring.main.banner-mode=off",
            "logging.level.root=WARN",
            "logging.level.com.practicestudio=WARN")
        .run(springArgs.toArray(String[]::new));
  }
}
