package io.github.pyrelease.index;

/** What rules may ask a package index. */
public interface IndexFacts {

  /**
   * Whether {@code version} of {@code project} is on an index.
   *
   * @param index an index name ({@code pypi}, {@code testpypi}, or one the build defines) or URL
   * @param serverId the server id whose credentials to send, or {@code null} for none
   * @param project the distribution name as declared (normalised here)
   * @param version the normalised PEP 440 version
   * @throws io.github.pyrelease.FactUnavailableException when the index cannot be asked (offline,
   *     unreachable, or an answer that is neither API)
   * @throws io.github.pyrelease.PyreleaseException when the index refuses the credentials, or the
   *     index is unknown
   */
  IndexAnswer lookup(String index, String serverId, String project, String version);
}
