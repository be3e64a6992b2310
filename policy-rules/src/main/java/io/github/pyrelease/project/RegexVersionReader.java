package io.github.pyrelease.project;

import io.github.pyrelease.text.PythonRegex;
import java.util.regex.Matcher;

/**
 * Reads a version the way a regex-based backend does: the first match of a pattern in the file, the
 * version being one named group. Used for hatchling's {@code regex} source and pdm-backend's {@code
 * file} source, with their own patterns.
 */
final class RegexVersionReader {

  /** hatchling's {@code DEFAULT_PATTERN} (hatchling/version/core.py), applied with re.MULTILINE. */
  static final String HATCH_DEFAULT_PATTERN =
      "(?i)^(__version__|VERSION) *= *(['\"])v?(?P<version>.+?)\\2";

  /** pdm-backend's pattern for {@code source = "file"} (pdm/backend/hooks/version). */
  static final String PDM_FILE_PATTERN =
      "^__version__\\s*=\\s*[\"'](?P<version>.+?)[\"']\\s*(?:#.*)?$";

  private RegexVersionReader() {}

  /**
   * @param route how the configuration is named, for labels and messages
   * @param where {@code file:line} of the configuration
   * @param label the source's label; {@code null} to label it with the name the pattern's first
   *     group matched (hatchling's default pattern captures {@code __version__} or {@code VERSION})
   */
  static Lookup read(
      ProjectFiles files,
      String file,
      PythonRegex pattern,
      String route,
      String where,
      String label) {
    if (!files.isFile(file)) {
      return Lookup.missing(
          "file does not exist: " + file + " (" + route + ")",
          where,
          "create " + file + " or correct the path in " + route);
    }
    SourceText text = files.read(file);
    Matcher match = pattern.matcher(text.text());
    boolean found;
    try {
      found = match.find();
    } catch (StackOverflowError e) {
      // Java's matcher recurses on repeated groups; a pathological pattern can exhaust the stack
      throw new ProjectReadException(
          "the pattern of " + route + " is too complex to run on " + file,
          where,
          "simplify the pattern: match the version line, not the whole file");
    }
    if (!found) {
      return Lookup.missing(
          "no version found in " + file + " by the pattern of " + route,
          where,
          "write the version as __version__ = \"0.1.0\" at the start of a line in "
              + file
              + ", or correct the pattern");
    }
    String group = pattern.group("version");
    String shown = label != null ? label : match.group(1) + " (" + route + ")";
    SourceKind kind = file.endsWith(".py") ? SourceKind.MODULE : SourceKind.VERSION_FILE;
    return Lookup.found(
        text.locate(match.group(group), match.start(group)).source(kind, shown, false));
  }
}
