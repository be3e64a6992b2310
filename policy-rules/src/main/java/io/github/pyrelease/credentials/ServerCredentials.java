package io.github.pyrelease.credentials;

import java.util.Map;
import java.util.Optional;

/**
 * Credentials by server id, as the build provides them: the Maven plugin fills this from
 * settings.xml {@code <server>} entries (decrypted by Maven); the CLI from the environment. Lookups
 * that also read the environment or {@code ~/.pypirc} build on this.
 */
public final class ServerCredentials {

  private static final ServerCredentials NONE = new ServerCredentials(Map.of());

  private final Map<String, Credentials> byServerId;

  public ServerCredentials(Map<String, Credentials> byServerId) {
    this.byServerId = Map.copyOf(byServerId);
  }

  public static ServerCredentials none() {
    return NONE;
  }

  public Optional<Credentials> forServer(String serverId) {
    return Optional.ofNullable(byServerId.get(serverId));
  }

  /** Every secret known, so output can be cleaned of all of them. */
  public String maskAll(String text) {
    String masked = text;
    for (Credentials credentials : byServerId.values()) {
      masked = credentials.password().maskIn(masked);
    }
    return masked;
  }

  @Override
  public String toString() {
    return "ServerCredentials" + byServerId.keySet();
  }
}
