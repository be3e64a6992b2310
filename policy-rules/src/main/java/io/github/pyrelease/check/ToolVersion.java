package io.github.pyrelease.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of pyrelease itself, as the build recorded it. */
public final class ToolVersion {

  private static final String RESOURCE = "/io/github/pyrelease/pyrelease.properties";

  private ToolVersion() {}

  public static String get() {
    try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + " from the pyrelease jar", e);
    }
  }
}
