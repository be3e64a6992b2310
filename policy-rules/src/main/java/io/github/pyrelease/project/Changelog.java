package io.github.pyrelease.project;

import java.util.List;

/**
 * The release sections of a changelog, in file order.
 *
 * @param file path relative to the project root, with forward slashes
 * @param pendingNotes where the notes of the next release collect before it is made, when that is
 *     not the changelog itself (towncrier's fragments: {@code changelog.d/ (towncrier)}), or {@code
 *     null}
 */
public record Changelog(String file, List<ChangelogSection> sections, String pendingNotes) {

  public Changelog {
    sections = List.copyOf(sections);
  }

  /** A changelog whose pending notes are written into it. */
  public Changelog(String file, List<ChangelogSection> sections) {
    this(file, sections, null);
  }
}
