package io.github.pyrelease.git;

import java.util.Map;
import java.util.Optional;

/**
 * The tags a remote has.
 *
 * @param remote the remote's name, or {@code null} when the repository has no remote
 * @param url the remote's URL without user info, or {@code null}
 * @param commits tag name to the commit it points at (peeled when the remote says)
 */
public record RemoteTags(String remote, String url, Map<String, String> commits) {

  public RemoteTags {
    commits = Map.copyOf(commits);
  }

  public static RemoteTags noRemote() {
    return new RemoteTags(null, null, Map.of());
  }

  public Optional<String> commitOf(String tag) {
    return Optional.ofNullable(commits.get(tag));
  }
}
