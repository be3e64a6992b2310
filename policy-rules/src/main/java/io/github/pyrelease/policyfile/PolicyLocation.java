package io.github.pyrelease.policyfile;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a policy comes from: a file, a {@code classpath:} resource (an organisation's policy in a
 * jar added as a dependency of the plugin), or an https URL pinned by {@code #sha256=<hex>}.
 */
public sealed interface PolicyLocation {

  /** What messages and reports call it. */
  String display();

  /** The same source always has the same identity, however it was written (for cycles). */
  String identity();

  /** A policy file on disk. */
  record LocalFile(Path path, String display) implements PolicyLocation {
    @Override
    public String identity() {
      return "file:" + path.toAbsolutePath().normalize();
    }
  }

  /** A resource on the class path, such as {@code org/acme/release-policy.yaml}. */
  record Classpath(String resource) implements PolicyLocation {
    @Override
    public String display() {
      return PREFIX_CLASSPATH + resource;
    }

    @Override
    public String identity() {
      return display();
    }
  }

  /** A policy served over https (http only on loopback, for tests), with its sha256. */
  record Remote(URI url, String sha256) implements PolicyLocation {
    @Override
    public String display() {
      return url.toString();
    }

    @Override
    public String identity() {
      return url + "#sha256=" + sha256;
    }
  }

  String PREFIX_CLASSPATH = "classpath:";

  /**
   * Parses a location as users write it in {@code extends}, {@code --policy} or {@code
   * pyrelease.policy}.
   *
   * @param text the location
   * @param baseDir the directory a relative path is relative to, or {@code null} when a path is not
   *     allowed here (in a policy that came from a jar or a URL)
   * @param projectDir the project, so that files inside it are shown relative to it
   * @throws IllegalArgumentException with a message saying what is wrong and what is allowed
   */
  static PolicyLocation parse(String text, Path baseDir, Path projectDir) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("a policy location is empty");
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith(PREFIX_CLASSPATH)) {
      String resource = trimmed.substring(PREFIX_CLASSPATH.length()).replaceFirst("^/+", "");
      if (resource.isEmpty() || resource.endsWith("/")) {
        throw new IllegalArgumentException(
            "'" + trimmed + "' names no resource; write classpath:org/acme/release-policy.yaml");
      }
      return new Classpath(resource);
    }
    if (lower.startsWith("https://") || lower.startsWith("http://")) {
      return remote(trimmed);
    }
    if (lower.matches("^[a-z][a-z0-9+.-]+:.*") && !lower.matches("^[a-z]:[\\\\/].*")) {
      throw new IllegalArgumentException(
          "'"
              + trimmed
              + "' is not a supported policy location; use a file path, classpath:<resource> or"
              + " https://<url>#sha256=<hex>");
    }
    if (baseDir == null) {
      throw new IllegalArgumentException(
          "'"
              + trimmed
              + "' is a file path, but a policy from a jar or a URL can only extend classpath: or"
              + " https:// sources");
    }
    try {
      Path path = baseDir.resolve(trimmed).normalize();
      return new LocalFile(path, displayPath(path, projectDir));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("'" + trimmed + "' is not a valid path: " + e.getReason());
    }
  }

  /** A file inside the project shown relative to it, any other by its absolute path. */
  static String displayPath(Path path, Path projectDir) {
    Path absolute = path.toAbsolutePath().normalize();
    if (projectDir != null) {
      Path project = projectDir.toAbsolutePath().normalize();
      if (absolute.startsWith(project) && !absolute.equals(project)) {
        return project.relativize(absolute).toString().replace('\\', '/');
      }
    }
    return absolute.toString();
  }

  private static Remote remote(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid URL: " + e.getReason());
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("'" + text + "' has no host");
    }
    Matcher digest = DIGEST.matcher(uri.getRawFragment() == null ? "" : uri.getRawFragment());
    if (!digest.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' carries no #sha256=<64 hex digits>: a policy fetched from a URL must be pinned"
              + " by its digest, so that nobody can change your rules by changing the file");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "'" + Redact.url(uri) + "' contains credentials; policy URLs must be public");
    }
    if (uri.getScheme().equalsIgnoreCase("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' uses plain http; policies are fetched over https only (http is allowed only to"
              + " this machine, for tests)");
    }
    try {
      URI withoutFragment =
          new URI(
              uri.getScheme(),
              null,
              uri.getHost(),
              uri.getPort(),
              uri.getPath(),
              uri.getQuery(),
              null);
      return new Remote(withoutFragment, digest.group(1).toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid URL: " + e.getReason());
    }
  }

  /** Loopback by literal only: a host name is never resolved, so DNS cannot fake it. */
  static boolean isLoopback(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  Pattern DIGEST = Pattern.compile("sha256=([0-9a-fA-F]{64})");

  /** Hides the user info of a URL in messages. */
  final class Redact {
    private Redact() {}

    static String url(URI uri) {
      return uri.getScheme()
          + "://***@"
          + uri.getHost()
          + (uri.getPath() == null ? "" : uri.getPath());
    }
  }
}
