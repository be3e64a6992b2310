package io.github.pyrelease.project;

/**
 * A value read from a project file and where its text starts.
 *
 * @param value the value as written (without quotes)
 * @param file path relative to the project root, with forward slashes
 * @param line 1-based line
 * @param column 1-based column, or 0 when the value has no single position
 */
record Located(String value, String file, int line, int column) {

  /** {@code file:line}. */
  String where() {
    return file + ":" + line;
  }

  VersionSource source(SourceKind kind, String label, boolean primary) {
    return new VersionSource(kind, file, line, column, value, label, primary);
  }
}
