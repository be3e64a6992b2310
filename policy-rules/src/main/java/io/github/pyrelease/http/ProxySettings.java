package io.github.pyrelease.http;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

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
   * The proxies the environment names, as curl and pip read them: {@code https_proxy}, {@code
   * http_proxy} (or upper case) with {@code no_proxy}. User info in the proxy URL becomes its
   * credentials.
   */
  public static List<ProxySettings> fromEnvironment(Map<String, String> environment) {
    List<String> noProxy =
        Arrays.stream(variable(environment, "no_proxy", "").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    List<ProxySettings> proxies = new ArrayList<>();
    for (String scheme : List.of("https", "http")) {
      String value = variable(environment, scheme + "_proxy", null);
      if (value == null || value.isBlank()) {
        continue;
      }
      HttpUrl url = HttpUrl.parse(value.contains("://") ? value : "http://" + value);
      if (url == null) {
        continue;
      }
      Credentials login =
          url.username().isEmpty()
              ? null
              : new Credentials(
                  url.username(), Secret.of(url.password()), "environment " + scheme + "_proxy");
      proxies.add(new ProxySettings(scheme, url.host(), url.port(), login, noProxy));
    }
    return proxies;
  }

  private static String variable(Map<String, String> environment, String name, String otherwise) {
    String lower = environment.get(name);
    String upper = environment.get(name.toUpperCase(Locale.ROOT));
    return lower != null ? lower : upper != null ? upper : otherwise;
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
