package io.github.pyrelease.cli;

import io.github.pyrelease.check.Network;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.ProxySettings;
import io.github.pyrelease.http.ResponseCache;
import io.github.pyrelease.http.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of every command that may ask a server: offline, indexes, timeouts, retries. */
final class NetworkOptions {

  @Option(
      names = "--offline",
      description =
          "ask no server: git remotes and package indexes are left alone and their rules report"
              + " 'not checked: offline'")
  boolean offline;

  @Option(
      names = "--index",
      paramLabel = "NAME=URL",
      description =
          "define or redefine a package index name for version-unpublished, such as"
              + " pypi=https://mirror.example/ (repeatable)")
  private Map<String, String> indexes = new LinkedHashMap<>();

  @Option(
      names = "--connect-timeout",
      paramLabel = "SECONDS",
      description = "the longest wait for a connection (default: ${DEFAULT-VALUE})")
  private long connectTimeout = HttpSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds();

  @Option(
      names = "--read-timeout",
      paramLabel = "SECONDS",
      description = "the longest silence of a server or git remote (default: ${DEFAULT-VALUE})")
  private long readTimeout = HttpSettings.DEFAULT_READ_TIMEOUT.toSeconds();

  @Option(
      names = "--http-attempts",
      paramLabel = "N",
      description = "attempts per request, retries included (default: ${DEFAULT-VALUE})")
  private int httpAttempts = RetryPolicy.defaults().maxAttempts();

  /**
   * The network as these options and the environment (proxies, index credentials) describe it.
   *
   * @param where the command, for messages about a bad option
   */
  Network network(Map<String, String> environment, String where) {
    return Network.of(
        offline,
        Duration.ofSeconds(connectTimeout),
        Duration.ofSeconds(readTimeout),
        httpAttempts,
        ProxySettings.fromEnvironment(environment),
        new CredentialLookup(ServerCredentials.none(), environment),
        indexes,
        new ResponseCache(),
        where);
  }
}
