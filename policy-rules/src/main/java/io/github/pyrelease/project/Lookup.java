package io.github.pyrelease.project;

import java.util.Optional;

/**
 * The outcome of following a version configuration to its text: the source found, or why it was
 * not. The caller decides whether a miss is an error (the build backend reads this configuration)
 * or not (configuration the backend ignores).
 */
record Lookup(VersionSource source, ProjectReadException problem) {

  static Lookup found(VersionSource source) {
    return new Lookup(source, null);
  }

  static Lookup missing(String what, String where, String fix) {
    return new Lookup(null, new ProjectReadException(what, where, fix));
  }

  VersionSource orThrow() {
    if (source == null) {
      throw problem;
    }
    return source;
  }

  Optional<VersionSource> optional() {
    return Optional.ofNullable(source);
  }

  /** The same lookup, its source marked primary. */
  Lookup asPrimary() {
    if (source == null || source.primary()) {
      return this;
    }
    VersionSource s = source;
    return found(
        new VersionSource(s.kind(), s.file(), s.line(), s.column(), s.text(), s.label(), true));
  }
}
