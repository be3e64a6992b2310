package io.github.pyrelease.index;

import io.github.pyrelease.http.SecureUrls;
import java.util.Locale;

/**
 * Where an index answers: its simple API and, for PyPI-like indexes, its JSON API.
 *
 * @param url the index as configured
 * @param simpleUrl the simple API root, ending with {@code /}
 * @param jsonUrl the root under which {@code pypi/<name>/<version>/json} lives, or {@code null}
 *     when the configured URL is a simple API root (indexes such as devpi, Artifactory or GitLab
 *     are configured that way and have no JSON API there)
 */
public record IndexLocation(String url, String simpleUrl, String jsonUrl) {

  /**
   * The location of an index URL: one that ends with {@code /simple} or {@code +simple} is the
   * simple API itself; any other is a root with {@code simple/} and {@code pypi/} below it, as
   * {@code https://pypi.org/} is.
   */
  public static IndexLocation of(String url) {
    SecureUrls.require(url, "package index");
    String base = url.endsWith("/") ? url : url + "/";
    String path = base.toLowerCase(Locale.ROOT);
    if (path.endsWith("/simple/") || path.endsWith("+simple/")) {
      return new IndexLocation(url, base, null);
    }
    return new IndexLocation(url, base + "simple/", base);
  }
}
