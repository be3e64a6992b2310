package io.github.pyrelease.check;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.ProxySettings;
import io.github.pyrelease.http.ResponseCache;
import io.github.pyrelease.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a check reaches servers (package indexes, git remotes): the build's offline switch, HTTP
 * settings, credentials by server id, index names, and the answers kept for this build.
 *
 * @param offline Maven's {@code -o} or the CLI's {@code --offline}: nothing is asked, network facts
 *     are "not checked: offline"
 * @param http timeouts, retries and proxies
 * @param credentials credentials by server id (settings.xml, then the environment)
 * @param indexes index names the build defines or redefines, name to URL
 * @param cache answers kept for the duration of this build
 */
public record Network(
    boolean offline,
    HttpSettings http,
    CredentialLookup credentials,
    Map<String, String> indexes,
    ResponseCache cache) {

  public Network {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(cache, "cache");
    indexes = Map.copyOf(indexes);
  }

  /** Nothing is asked of any server. */
  public static Network none() {
    return new Network(
        true,
        HttpSettings.defaults(userAgent()),
        CredentialLookup.none(),
        Map.of(),
        new ResponseCache());
  }

  /**
   * The network of a build: its timeouts, attempts and proxies, its credentials and index names.
   *
   * @throws io.github.pyrelease.PyreleaseException naming {@code where} when a timeout or the
   *     number of attempts is not positive
   */
  public static Network of(
      boolean offline,
      Duration connectTimeout,
      Duration readTimeout,
      int attempts,
      List<ProxySettings> proxies,
      CredentialLookup credentials,
      Map<String, String> indexes,
      ResponseCache cache,
      String where) {
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new PyreleaseException(
          "the connect timeout must be positive, not " + connectTimeout.toSeconds() + " s",
          where,
          "give a number of seconds such as 10");
    }
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new PyreleaseException(
          "the read timeout must be positive, not " + readTimeout.toSeconds() + " s",
          where,
          "give a number of seconds such as 30");
    }
    if (attempts < 1) {
      throw new PyreleaseException(
          "the number of HTTP attempts must be at least 1, not " + attempts,
          where,
          "give 1 for no retry, 3 by default");
    }
    HttpSettings http =
        HttpSettings.defaults(userAgent())
            .withTimeouts(connectTimeout, readTimeout)
            .withRetries(RetryPolicy.withAttempts(attempts))
            .withProxies(proxies);
    return new Network(offline, http, credentials, indexes, cache);
  }

  /** {@code pyrelease/<version>}, the User-Agent every request sends. */
  public static String userAgent() {
    return "pyrelease/" + ToolVersion.get() + " (+https://github.com/pyrelease/pyrelease)";
  }
}
