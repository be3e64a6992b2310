package io.github.pyrelease.git;

/**
 * Where HEAD points.
 *
 * @param branch the branch's short name ({@code main}, {@code release/1.x}), or {@code null} when
 *     HEAD is detached
 * @param commit the commit id, or {@code null} when the branch has no commit yet
 */
public record HeadState(String branch, String commit) {

  public boolean detached() {
    return branch == null;
  }

  /** The first 12 characters of the commit id, for messages. */
  public String shortCommit() {
    return GitTag.abbreviate(commit);
  }
}
