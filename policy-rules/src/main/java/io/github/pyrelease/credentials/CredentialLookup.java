package io.github.pyrelease.credentials;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the credentials of a server id the way DESIGN section 2 orders them: the build's own (Maven
 * settings.xml {@code <server>}, decrypted by Maven), then the environment: {@code
 * PYRELEASE_<ID>_USERNAME} with {@code PYRELEASE_<ID>_PASSWORD}, or {@code PYRELEASE_<ID>_TOKEN}
 * (user {@code __token__}, as PyPI tokens expect). {@code <ID>} is the server id in upper case with
 * every other character than a letter or digit made {@code _}: server {@code acme-pypi} reads
 * {@code PYRELEASE_ACME_PYPI_TOKEN}.
 */
public final class CredentialLookup {

  private final ServerCredentials servers;
  private final Map<String, String> environment;

  public CredentialLookup(ServerCredentials servers, Map<String, String> environment) {
    this.servers = servers;
    this.environment = Map.copyOf(environment);
  }

  /** No credentials at all. */
  public static CredentialLookup none() {
    return new CredentialLookup(ServerCredentials.none(), Map.of());
  }

  public Optional<Credentials> find(String serverId) {
    if (serverId == null || serverId.isBlank()) {
      return Optional.empty();
    }
    Optional<Credentials> configured = servers.forServer(serverId);
    if (configured.isPresent()) {
      return configured;
    }
    String prefix = environmentPrefix(serverId);
    String user = environment.get(prefix + "USERNAME");
    String password = environment.get(prefix + "PASSWORD");
    if (user != null && password != null) {
      return Optional.of(
          new Credentials(
              user, Secret.of(password), "environment " + prefix + "USERNAME/PASSWORD"));
    }
    String token = environment.get(prefix + "TOKEN");
    if (token != null) {
      return Optional.of(
          new Credentials("__token__", Secret.of(token), "environment " + prefix + "TOKEN"));
    }
    return Optional.empty();
  }

  /**
   * The build's own credentials of {@code serverId} (Maven's settings.xml), without the
   * environment: for a secret whose environment variable has a name of its own (a webhook URL).
   */
  public Optional<Credentials> fromBuild(String serverId) {
    return serverId == null || serverId.isBlank() ? Optional.empty() : servers.forServer(serverId);
  }

  /** The environment it reads, for lookups with conventions of their own (git's). */
  public Map<String, String> environment() {
    return environment;
  }

  /** Where credentials for {@code serverId} may be put, for messages. */
  public static String whereToPut(String serverId) {
    String prefix = environmentPrefix(serverId);
    return "a <server> with <id>"
        + serverId
        + "</id> in ~/.m2/settings.xml, or the environment variables "
        + prefix
        + "USERNAME and "
        + prefix
        + "PASSWORD (or "
        + prefix
        + "TOKEN)";
  }

  /** Every known secret masked in {@code text}. */
  public String maskAll(String text) {
    String masked = servers.maskAll(text);
    for (Map.Entry<String, String> entry : environment.entrySet()) {
      if (entry.getKey().startsWith("PYRELEASE_")
          && (entry.getKey().endsWith("_PASSWORD")
              || entry.getKey().endsWith("_TOKEN")
              || entry.getKey().endsWith("_WEBHOOK"))) {
        masked = Secret.of(entry.getValue()).maskIn(masked);
      }
    }
    return masked;
  }

  /**
   * The prefix of the environment variables of {@code serverId}: {@code PYRELEASE_<ID>_}, such as
   * {@code PYRELEASE_ACME_PYPI_} for server {@code acme-pypi}.
   */
  public static String environmentPrefix(String serverId) {
    return "PYRELEASE_" + serverId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
  }
}
