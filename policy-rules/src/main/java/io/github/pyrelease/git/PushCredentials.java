package io.github.pyrelease.git;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Credentials for pushing a release, as JGit wants them: only http(s) remotes take a user name and
 * password (or token); local and file remotes need none. The secret is revealed only to JGit.
 */
public final class PushCredentials {

  /** The user name for a token in {@code GITHUB_TOKEN}: GitHub accepts any, this one is usual. */
  static final String TOKEN_USER = "x-access-token";

  private PushCredentials() {}

  /** Whether a remote at {@code uri} takes user name and password credentials. */
  public static boolean takesCredentials(URIish uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  /** The provider for a push to {@code uri}: empty for remotes that take no credentials. */
  public static Optional<CredentialsProvider> forRemote(
      URIish uri, Optional<Credentials> credentials) {
    if (!takesCredentials(uri) || credentials.isEmpty()) {
      return Optional.empty();
    }
    Credentials c = credentials.get();
    return Optional.of(
        new UsernamePasswordCredentialsProvider(c.username(), c.password().reveal()));
  }

  /**
   * Credentials from the environment: {@code PYRELEASE_GIT_USERNAME} and {@code
   * PYRELEASE_GIT_PASSWORD}, else {@code GITHUB_TOKEN} (as in GitHub Actions) with user {@code
   * x-access-token}.
   */
  public static Optional<Credentials> fromEnvironment(Map<String, String> environment) {
    String user = environment.get("PYRELEASE_GIT_USERNAME");
    String password = environment.get("PYRELEASE_GIT_PASSWORD");
    if (user != null && !user.isEmpty() && password != null && !password.isEmpty()) {
      return Optional.of(
          new Credentials(
              user,
              Secret.of(password),
              "environment PYRELEASE_GIT_USERNAME/PYRELEASE_GIT_PASSWORD"));
    }
    String token = environment.get("GITHUB_TOKEN");
    if (token != null && !token.isEmpty()) {
      return Optional.of(new Credentials(TOKEN_USER, Secret.of(token), "environment GITHUB_TOKEN"));
    }
    return Optional.empty();
  }
}
