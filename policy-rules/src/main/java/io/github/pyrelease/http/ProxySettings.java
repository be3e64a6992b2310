package io.github.pyrelease.http;

import io.github.pyrelease.credentials.Credentials;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A proxy requests go through, as Maven's settings.xml {@code <proxy>} or the {@code https_proxy}
 * environment variable describe it.
 *
 * @param protocol the scheme of the URLs it serves: {@code http} or {@code https}
 * @param host the proxy's host
 * @param port the proxy's port
 * @param credentials for the proxy, or {@code null}
 * @param nonProxyHosts hosts reached directly, Maven style: {@code *.example.com}, {@code
 *     localhost}
 */
public record ProxySettings(
    String protocol, String host, int port, Credentials credentials, List<String> nonProxyHosts) {

  public ProxySettings {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(host, "host");
    nonProxyHosts = List.copyOf(nonProxyHosts);
  }

  /**
   * Whether a request to {@code scheme://host} goes through this proxy. A proxy declared for http
   * also serves https, as Maven's own resolver does, unless an https proxy is declared.
   */
  boolean serves(String scheme, String targetHost) {
    return (protocol.equalsIgnoreCase(scheme) || protocol.equalsIgnoreCase("http"))
        && nonProxyHosts.stream().noneMatch(pattern -> hostMatches(pattern, targetHost));
  }

  private static boolean hostMatches(String pattern, String host) {
    String p = pattern.strip().toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    if (p.isEmpty()) {
      return false;
    }
    if (p.startsWith("*")) {
      return h.endsWith(p.substring(1));
    }
    if (p.endsWith("*")) {
      return h.startsWith(p.substring(0, p.length() - 1));
    }
    // curl and pip read ".example.com" in no_proxy as "example.com and its subdomains"
    if (p.startsWith(".")) {
      return h.endsWith(p) || h.equals(p.substring(1));
    }
    return h.equals(p);
  }

  @Override
  public String toString() {
    return protocol + " proxy " + host + ":" + port + (credentials == null ? "" : " (with login)");
  }
}
