package io.github.pyrelease.github;

import io.github.pyrelease.http.HttpTransportException;
import java.util.List;
import java.util.function.Consumer;

/**
 * How what GitHub holds under an asset's name compares with the local file: by GitHub's {@code
 * digest} when it gives one, else by size and then by downloading and hashing it.
 *
 * @param local the local file
 * @param remote GitHub's asset of that name, or {@code null}
 * @param state the verdict
 * @param remoteSha256 the remote sha256 when known (from its digest or a download), or {@code null}
 */
record AssetCheck(AssetFile local, GithubAsset remote, State state, String remoteSha256) {

  enum State {
    /** GitHub has no asset of that name. */
    MISSING,
    /** GitHub has the same bytes. */
    IDENTICAL,
    /** An upload that did not finish ({@code state} is not {@code uploaded}): delete and redo. */
    INCOMPLETE,
    /** GitHub has other bytes under that name. */
    DIFFERENT
  }

  static AssetCheck of(
      GithubClient github,
      GithubRepository repository,
      AssetFile local,
      List<GithubAsset> remotes,
      Consumer<String> log)
      throws HttpTransportException {
    GithubAsset remote =
        remotes.stream().filter(a -> a.name().equals(local.name())).findFirst().orElse(null);
    if (remote == null) {
      return new AssetCheck(local, null, State.MISSING, null);
    }
    if (!remote.uploaded()) {
      return new AssetCheck(local, remote, State.INCOMPLETE, null);
    }
    String sha256 = remote.sha256();
    if (sha256 == null) {
      if (remote.size() != local.size()) {
        return new AssetCheck(local, remote, State.DIFFERENT, null);
      }
      log.accept(
          "GitHub gives no digest for "
              + local.name()
              + ": downloading it to compare ("
              + remote.size()
              + " bytes)");
      sha256 = github.downloadSha256(repository, remote);
    }
    return new AssetCheck(
        local, remote, sha256.equals(local.sha256()) ? State.IDENTICAL : State.DIFFERENT, sha256);
  }

  /** Both sides, for messages: {@code on GitHub sha256:..., here sha256:...}. */
  String bothSides() {
    String there =
        remoteSha256 != null ? "sha256:" + remoteSha256 : remote.size() + " bytes, no digest given";
    return "on GitHub "
        + there
        + ", here sha256:"
        + local.sha256()
        + " ("
        + local.size()
        + " bytes)";
  }
}
