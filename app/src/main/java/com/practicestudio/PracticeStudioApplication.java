package com.practicestudio;

import com.practicestudio.cli.RootCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The integration server. {@link #main} hands the command line to {@link RootCommand}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PracticeStudioApplication {

  public static void main(String[] args) {
    RootCommand.run(args);
  }
}
