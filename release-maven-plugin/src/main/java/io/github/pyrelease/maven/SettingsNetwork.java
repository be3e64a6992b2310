package io.github.pyrelease.maven;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.http.ProxySettings;
import io.github.pyrelease.http.ResponseCache;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;

/**
 * Maps what Maven knows of the network (settings.xml servers and proxies, already decrypted by
 * Maven) into the core's values, and keeps the response cache in the build's session so it lasts
 * for one build.
 */
final class SettingsNetwork {

  private static final String CACHE_KEY = "io.github.pyrelease.http.ResponseCache";

  private SettingsNetwork() {}

  /**
   * Servers with a password or token; the others (SSH keys) are of no use here. A server with a
   * password alone holds a token (user {@code __token__}, as PyPI tokens and {@code .pypirc} have
   * it) or a webhook URL, which has no user.
   */
  static ServerCredentials credentials(List<Server> servers) {
    Map<String, Credentials> byId = new LinkedHashMap<>();
    for (Server server : servers) {
      if (server.getId() != null && server.getPassword() != null) {
        byId.putIfAbsent(
            server.getId(),
            server.getUsername() != null
                ? SettingsCredentials.of(server)
                : new Credentials(
                    "__token__",
                    Secret.of(server.getPassword()),
                    "settings.xml server '" + server.getId() + "'"));
      }
    }
    return new ServerCredentials(byId);
  }

  /** The active proxies, in settings order. */
  static List<ProxySettings> proxies(List<Proxy> proxies) {
    return proxies.stream()
        .filter(Proxy::isActive)
        .map(
            p ->
                new ProxySettings(
                    p.getProtocol() == null ? "http" : p.getProtocol(),
                    p.getHost(),
                    p.getPort(),
                    p.getUsername() == null
                        ? null
                        : new Credentials(
                            p.getUsername(),
                            Secret.of(p.getPassword() == null ? "" : p.getPassword()),
                            "settings.xml proxy '" + p.getId() + "'"),
                    p.getNonProxyHosts() == null
                        ? List.of()
                        : Arrays.stream(p.getNonProxyHosts().split("[|,]"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList()))
        .toList();
  }

  /** The cache of this build: one per Maven session, shared by every goal and module. */
  static ResponseCache cache(MavenSession session) {
    if (session == null || session.getRepositorySession() == null) {
      return new ResponseCache();
    }
    Object cache =
        session.getRepositorySession().getData().computeIfAbsent(CACHE_KEY, ResponseCache::new);
    // another pyrelease version in the same build has its own class: do not share with it
    return cache instanceof ResponseCache own ? own : new ResponseCache();
  }
}
