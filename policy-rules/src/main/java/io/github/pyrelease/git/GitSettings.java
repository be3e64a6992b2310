package io.github.pyrelease.git;

import io.github.pyrelease.credentials.CredentialLookup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the git facts reach remotes.
 *
 * @param offline whether to leave remotes alone (no fetch, no ls-remote)
 * @param credentials where fetch credentials come from, by server id
 * @param timeout the longest a fetch or ls-remote may stay silent
 * @param ownOutput directories pyrelease itself writes (its reports): untracked files there do not
 *     make the tree dirty
 */
public record GitSettings(
    boolean offline, CredentialLookup credentials, Duration timeout, List<Path> ownOutput) {

  public GitSettings {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(timeout, "timeout");
    ownOutput = List.copyOf(ownOutput);
  }

  /** Offline, no credentials: for reading a repository only. */
  public static GitSettings localOnly() {
    return new GitSettings(true, CredentialLookup.none(), Duration.ofSeconds(30), List.of());
  }
}
