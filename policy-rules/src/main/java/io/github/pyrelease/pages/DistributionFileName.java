package io.github.pyrelease.pages;

import io.github.pyrelease.index.ProjectNames;
import io.github.pyrelease.version.Version;
import java.util.Locale;
import java.util.Optional;

/**
 * The project and version a distribution's file name declares: a wheel is {@code
 * name-version(-build)?-python-abi-platform.whl} (PEP 427), an sdist {@code name-version.tar.gz}
 * (PEP 625; older ones {@code .zip}, and with names that may hold '-', hence the project's name to
 * split on).
 */
final class DistributionFileName {

  private static final String WHEEL = ".whl";
  private static final String[] SDISTS = {".tar.gz", ".zip"};

  private DistributionFileName() {}

  /**
   * The version {@code fileName} declares, normalised as PEP 440 says.
   *
   * @param project the normalised project name
   * @throws IllegalArgumentException saying why the name is not a distribution of {@code project}
   */
  static String version(String project, String fileName) {
    String raw = rawVersion(project, fileName);
    return Version.tryParse(raw)
        .map(Version::toString)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the version '" + raw + "' in its name is not a PEP 440 version"));
  }

  /** The version of a file listed earlier, as far as its name tells, leniently. */
  static Optional<String> versionOf(String project, String fileName) {
    try {
      String raw = rawVersion(project, fileName);
      return Optional.of(Version.tryParse(raw).map(Version::toString).orElse(raw));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String rawVersion(String project, String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(WHEEL)) {
      String[] parts = fileName.substring(0, fileName.length() - WHEEL.length()).split("-", -1);
      if (parts.length != 5 && parts.length != 6) {
        throw new IllegalArgumentException(
            "a wheel's name has 5 or 6 parts separated by '-', this one has " + parts.length);
      }
      if (!ProjectNames.normalize(parts[0]).equals(project)) {
        throw notOfProject(project, parts[0]);
      }
      return parts[1];
    }
    for (String extension : SDISTS) {
      if (lower.endsWith(extension)) {
        String base = fileName.substring(0, fileName.length() - extension.length());
        for (int dash = base.indexOf('-'); dash >= 0; dash = base.indexOf('-', dash + 1)) {
          if (ProjectNames.normalize(base.substring(0, dash)).equals(project)
              && dash + 1 < base.length()) {
            return base.substring(dash + 1);
          }
        }
        int dash = base.lastIndexOf('-');
        if (dash < 0) {
          throw new IllegalArgumentException(
              "an sdist's name is <name>-<version>" + extension + ", this one has no '-'");
        }
        throw notOfProject(project, base.substring(0, dash));
      }
    }
    throw new IllegalArgumentException("it is neither a wheel (.whl) nor an sdist (.tar.gz, .zip)");
  }

  private static IllegalArgumentException notOfProject(String project, String name) {
    return new IllegalArgumentException(
        "it is a distribution of '" + name + "', not of project '" + project + "'");
  }
}
