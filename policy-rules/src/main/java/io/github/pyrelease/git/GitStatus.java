package io.github.pyrelease.git;

import java.util.List;

/**
 * The files that differ from HEAD, as {@code git status} lists them.
 *
 * @param paths each changed path, relative to the repository root, sorted
 */
public record GitStatus(List<DirtyPath> paths) {

  public GitStatus {
    paths = List.copyOf(paths);
  }

  public boolean clean() {
    return paths.isEmpty();
  }

  /**
   * One changed path.
   *
   * @param path relative to the repository root, with {@code /}
   * @param change how it differs
   */
  public record DirtyPath(String path, Change change) {}

  /** How a path differs from HEAD. */
  public enum Change {
    /** Changed in the index (added, modified or removed), not yet committed. */
    STAGED("staged"),
    /** Changed in the work tree, not staged. */
    MODIFIED("modified"),
    /** Deleted from the work tree, not staged. */
    DELETED("deleted"),
    /** Neither tracked nor ignored. */
    UNTRACKED("untracked"),
    /** A merge conflict. */
    CONFLICTING("conflicting");

    private final String label;

    Change(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
