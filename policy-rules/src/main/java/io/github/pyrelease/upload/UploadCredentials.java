package io.github.pyrelease.upload;

import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.SecureUrls;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Finds the credentials of an upload, first found wins:
 *
 * <ol>
 *   <li>the build's own for the server id: Maven settings.xml {@code <server>}, then the
 *       environment {@code PYRELEASE_<SERVER>_TOKEN} or {@code _USERNAME}/{@code _PASSWORD} ({@link
 *       CredentialLookup});
 *   <li>the same environment variables named after the stage, when its name is not the server id;
 *   <li>twine's {@code TWINE_USERNAME}/{@code TWINE_PASSWORD} (user {@code __token__} by default),
 *       unless {@code TWINE_REPOSITORY_URL} names another index;
 *   <li>{@code ~/.pypirc}: the section named after the server id or the stage, else the one whose
 *       repository is the upload URL; a section for another URL is never used;
 *   <li>PyPI Trusted Publishing, in a GitHub Actions job allowed to request an ID token.
 * </ol>
 *
 * When none has them, one error lists every place looked at. Secrets never reach a message.
 */
public final class UploadCredentials {

  private final CredentialLookup lookup;
  private final Map<String, String> environment;
  private final Path pypirc;
  private final TrustedPublishing trustedPublishing;

  /**
   * @param lookup the build's credentials by server id, and the environment (read from it, so tests
   *     inject one)
   * @param pypirc the {@code .pypirc} to read (see {@link #defaultPypirc()})
   * @param http the build's HTTP client, for trusted publishing
   * @param console where GitHub Actions workflow commands ({@code ::add-mask::}) are printed:
   *     standard output, which the runner reads
   */
  public UploadCredentials(
      CredentialLookup lookup, Path pypirc, HttpClient http, Consumer<String> console) {
    this(lookup, pypirc, http, console, Clock.systemUTC());
  }

  UploadCredentials(
      CredentialLookup lookup,
      Path pypirc,
      HttpClient http,
      Consumer<String> console,
      Clock clock) {
    this.lookup = lookup;
    this.environment = lookup.environment();
    this.pypirc = pypirc;
    this.trustedPublishing = new TrustedPublishing(http.forUploads(), environment, console, clock);
  }

  /** {@code ~/.pypirc} of the user running the build. */
  public static Path defaultPypirc() {
    return Path.of(System.getProperty("user.home"), ".pypirc");
  }

  /**
   * The credentials to upload to {@code uploadUrl} with.
   *
   * @param stageName the publishing stage, such as {@code pypi}
   * @param serverId its server id, or {@code null} for the stage's name
   * @param uploadUrl where it uploads
   * @throws UploadException of kind credentials when there are none (the message lists where it
   *     looked), the {@code .pypirc} is malformed, or trusted publishing fails
   */
  public Credentials resolve(String stageName, String serverId, String uploadUrl) {
    String server = serverId == null || serverId.isBlank() ? stageName : serverId;
    List<String> looked = new ArrayList<>();

    looked.add("settings.xml <server> with id '" + server + "'");
    looked.add(environmentNames(server));
    Optional<Credentials> found = lookup.find(server);
    if (found.isPresent()) {
      return found.get();
    }
    if (!prefix(stageName).equals(prefix(server))) {
      looked.add(environmentNames(stageName));
      found = new CredentialLookup(ServerCredentials.none(), environment).find(stageName);
      if (found.isPresent()) {
        return found.get();
      }
    }
    found = twine(uploadUrl, looked);
    if (found.isPresent()) {
      return found.get();
    }
    found = pypirc(stageName, server, uploadUrl, looked);
    if (found.isPresent()) {
      return found.get();
    }
    if (trustedPublishing.available()) {
      try {
        return trustedPublishing.credentials(uploadUrl);
      } catch (UploadException e) {
        throw new UploadException(
            e.kind(),
            e.getMessage()
                + " (and no other credentials: looked at "
                + String.join("; ", looked)
                + ")",
            e.where(),
            e.fix(),
            e);
      }
    }
    looked.add("PyPI trusted publishing: " + trustedPublishing.whyNot());
    throw new UploadException(
        UploadException.Kind.CREDENTIALS,
        "no credentials to upload to "
            + SecureUrls.redact(uploadUrl)
            + " (stage '"
            + stageName
            + "', server '"
            + server
            + "'); looked at: "
            + String.join("; ", looked),
        "stage '" + stageName + "'",
        "put them in " + whereToPut(stageName, server));
  }

  /** Where credentials for a stage may be put, for messages. */
  public static String whereToPut(String stageName, String serverId) {
    return CredentialLookup.whereToPut(serverId)
        + ", TWINE_PASSWORD, a ["
        + serverId
        + "] section of ~/.pypirc"
        + (stageName.equals(serverId) ? "" : " (or [" + stageName + "])")
        + ", or register the GitHub workflow as a trusted publisher";
  }

  private Optional<Credentials> twine(String uploadUrl, List<String> looked) {
    String password = environment.get("TWINE_PASSWORD");
    String repository = environment.get("TWINE_REPOSITORY_URL");
    if (password == null || password.isEmpty()) {
      looked.add("environment TWINE_USERNAME/TWINE_PASSWORD (TWINE_PASSWORD unset)");
      return Optional.empty();
    }
    if (repository != null && !repository.isBlank() && !sameUrl(repository, uploadUrl)) {
      looked.add(
          "environment TWINE_PASSWORD (not used: TWINE_REPOSITORY_URL is "
              + SecureUrls.redact(repository)
              + ")");
      return Optional.empty();
    }
    String user = environment.get("TWINE_USERNAME");
    boolean defaulted = user == null || user.isEmpty();
    return Optional.of(
        new Credentials(
            defaulted ? "__token__" : user,
            Secret.of(password),
            defaulted
                ? "environment TWINE_PASSWORD"
                : "environment TWINE_USERNAME/TWINE_PASSWORD"));
  }

  private Optional<Credentials> pypirc(
      String stageName, String server, String uploadUrl, List<String> looked) {
    Pypirc file = Pypirc.read(pypirc);
    if (!file.exists()) {
      looked.add(pypirc + " (no such file)");
      return Optional.empty();
    }
    Set<String> names = new LinkedHashSet<>(List.of(server, stageName));
    List<Pypirc.Server> candidates = new ArrayList<>();
    for (String name : names) {
      file.server(name).ifPresent(candidates::add);
    }
    for (Pypirc.Server entry : file.servers()) {
      if (!names.contains(entry.section())
          && entry.repository() != null
          && sameUrl(entry.repository(), uploadUrl)) {
        candidates.add(entry);
      }
    }
    List<String> notes = new ArrayList<>();
    for (Pypirc.Server entry : candidates) {
      String where = pypirc + " [" + entry.section() + "]";
      if (entry.repository() != null && !sameUrl(entry.repository(), uploadUrl)) {
        notes.add(
            "["
                + entry.section()
                + "] is for "
                + SecureUrls.redact(entry.repository())
                + ", not this upload URL");
        continue;
      }
      if (entry.password() == null || entry.password().isEmpty()) {
        notes.add("[" + entry.section() + "] has no password");
        continue;
      }
      String user =
          entry.username() == null || entry.username().isEmpty() ? "__token__" : entry.username();
      return Optional.of(new Credentials(user, Secret.of(entry.password()), where));
    }
    looked.add(
        pypirc
            + " (index-servers: "
            + String.join(" ", file.indexServers())
            + (notes.isEmpty()
                ? "; no section for server '" + server + "' or this upload URL"
                : "; " + String.join("; ", notes))
            + ")");
    return Optional.empty();
  }

  private static String environmentNames(String name) {
    String prefix = prefix(name);
    return "environment " + prefix + "TOKEN, " + prefix + "USERNAME/" + prefix + "PASSWORD";
  }

  private static String prefix(String name) {
    return "PYRELEASE_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
  }

  /** Whether two upload URLs are the same, trailing slash and host case aside. */
  static boolean sameUrl(String a, String b) {
    HttpUrl x = HttpUrl.parse(a.strip());
    HttpUrl y = HttpUrl.parse(b.strip());
    if (x == null || y == null) {
      return a.strip().equals(b.strip());
    }
    return x.scheme().equals(y.scheme())
        && x.host().equals(y.host())
        && x.port() == y.port()
        && withSlash(x.encodedPath()).equals(withSlash(y.encodedPath()));
  }

  private static String withSlash(String path) {
    return path.endsWith("/") ? path : path + "/";
  }
}
