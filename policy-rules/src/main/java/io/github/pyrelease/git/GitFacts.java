package io.github.pyrelease.git;

import java.util.List;
import java.util.Optional;

/**
 * What rules may know about the git repository the project lives in. Read-only but for one thing:
 * {@link #upstream} fetches the upstream branch into its remote-tracking branch, as {@code git
 * fetch} would, unless the build is offline.
 */
public interface GitFacts {

  /** Where HEAD is: a branch, or a detached commit. */
  HeadState head();

  /**
   * Modified, staged, deleted, conflicting and untracked-not-ignored files ({@code .gitignore} at
   * every level, {@code .git/info/exclude} and the excludes file of {@code core.excludesFile}).
   *
   * @throws io.github.pyrelease.PyreleaseException when the index is unreadable (corrupt)
   */
  GitStatus status();

  /** The local tags, each with the commit it points at (annotated tags peeled). */
  List<GitTag> tags();

  /** Whether {@code commit} is HEAD or one of its ancestors. */
  boolean reachableFromHead(String commit);

  /** Whether the repository is a shallow clone, whose history and tags are incomplete. */
  boolean shallow();

  /**
   * The branch's upstream after fetching it (unless offline), with the commits each side lacks;
   * empty when HEAD is detached or the branch has no upstream.
   *
   * @param serverId the server whose credentials the fetch sends, or {@code null} for the one named
   *     after the remote's host
   */
  Optional<UpstreamStatus> upstream(String serverId);

  /**
   * The tags of the remote the branch tracks (else {@code origin}), as {@code git ls-remote --tags}
   * lists them.
   *
   * @param serverId as for {@link #upstream}
   * @throws io.github.pyrelease.FactUnavailableException when offline or the remote cannot be asked
   */
  RemoteTags remoteTags(String serverId);
}
