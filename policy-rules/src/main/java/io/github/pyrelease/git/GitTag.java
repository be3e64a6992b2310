package io.github.pyrelease.git;

/**
 * A tag.
 *
 * @param name the tag's name without {@code refs/tags/}
 * @param commit the commit it points at (an annotated tag is peeled to its commit)
 * @param annotated whether it is an annotated tag object rather than a lightweight ref
 */
public record GitTag(String name, String commit, boolean annotated) {

  static String abbreviate(String id) {
    return id == null ? null : id.substring(0, Math.min(12, id.length()));
  }

  /** The first 12 characters of the commit id, for messages. */
  public String shortCommit() {
    return abbreviate(commit);
  }
}
