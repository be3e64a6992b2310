package io.github.pyrelease.project;

import java.util.List;

/**
 * The release sections of a changelog, in file order.
 *
 * @param file path relative to the project root, with forward slashes
 */
public record Changelog(String file, List<ChangelogSection> sections) {

  public Changelog {
    sections = List.copyOf(sections);
  }
}
