package io.github.pyrelease.index;

import io.github.pyrelease.version.Version;
import java.util.Locale;
import java.util.Optional;

/** The version a distribution's file name carries (wheel, sdist, egg and older formats). */
final class DistributionFiles {

  private static final String[] SDIST_SUFFIXES = {
    ".tar.gz", ".tar.bz2", ".tar.xz", ".tar.z", ".tgz", ".tbz", ".tar", ".zip"
  };

  private DistributionFiles() {}

  /**
   * The version of {@code filename} if it is a file of {@code project} (normalised name) with a
   * valid version; empty otherwise.
   */
  static Optional<Version> versionOf(String filename, String project) {
    String lower = filename.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".whl") || lower.endsWith(".egg")) {
      // {name}-{version}(-{build})?-{tags}.whl; names in wheels never hold '-'
      String[] parts = filename.split("-");
      return parts.length >= 2 && ProjectNames.normalize(parts[0]).equals(project)
          ? Version.tryParse(parts[1])
          : Optional.empty();
    }
    String base = stripSuffix(filename, lower);
    // legacy sdists may keep '-' in the name: try every split, name first
    for (int dash = base.indexOf('-'); dash > 0; dash = base.indexOf('-', dash + 1)) {
      if (ProjectNames.normalize(base.substring(0, dash)).equals(project)) {
        Optional<Version> version = Version.tryParse(base.substring(dash + 1));
        if (version.isPresent()) {
          return version;
        }
      }
    }
    return Optional.empty();
  }

  private static String stripSuffix(String filename, String lower) {
    for (String suffix : SDIST_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return filename.substring(0, filename.length() - suffix.length());
      }
    }
    int dot = filename.lastIndexOf('.');
    // .exe, .msi, .rpm and other old binary formats: name-version.platform.ext
    String withoutExt = dot > 0 ? filename.substring(0, dot) : filename;
    int platform = withoutExt.lastIndexOf('.');
    return lower.endsWith(".exe") || lower.endsWith(".msi")
        ? withoutExt.substring(0, platform > 0 ? platform : withoutExt.length())
        : withoutExt;
  }
}
