package com.practicestudio.cli;

import picocli.CommandLine;

class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"practice-studio " + (version == null ? "dev" : version)};
  }
}
