package io.github.pyrelease.project;

/**
 * Reads a file whose whole content is the version ({@code VERSION}, {@code VERSION.txt}, a
 * setuptools {@code file:} target): the text is the content stripped of surrounding blanks, as
 * setuptools strips it, located at its first character.
 */
final class VersionFileReader {

  private VersionFileReader() {}

  /** The root files read as versions when nothing names them. */
  static final String[] ROOT_FILES = {"VERSION", "VERSION.txt"};

  static Lookup read(ProjectFiles files, String file, String label, String where) {
    if (!files.isFile(file)) {
      return Lookup.missing(
          "version file " + file + " does not exist",
          where,
          "create " + file + " holding the version, or correct the path");
    }
    SourceText text = files.read(file);
    String content = text.text();
    String version = content.strip();
    if (version.isEmpty()) {
      return Lookup.missing(
          "version file " + file + " is empty", file, "write the version, such as 0.1.0, in it");
    }
    int offset = content.indexOf(version);
    return Lookup.found(text.locate(version, offset).source(SourceKind.VERSION_FILE, label, false));
  }
}
