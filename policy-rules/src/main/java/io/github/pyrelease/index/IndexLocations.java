package io.github.pyrelease.index;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.text.Suggestions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Index names and their URLs: {@code pypi} and {@code testpypi} are built in; the build may add
 * names or point a name elsewhere (a mirror, a loopback index in tests), as twine's {@code
 * --repository} reads names from {@code .pypirc}.
 */
public final class IndexLocations {

  public static final String PYPI = "pypi";

  private static final Map<String, String> BUILT_IN =
      Map.of(PYPI, "https://pypi.org/", "testpypi", "https://test.pypi.org/");

  private final Map<String, String> urls;

  /** The built-in names, overridden or extended by {@code defined}. */
  public IndexLocations(Map<String, String> defined) {
    Map<String, String> all = new LinkedHashMap<>(BUILT_IN);
    all.putAll(defined);
    this.urls = Map.copyOf(all);
  }

  public static IndexLocations builtIn() {
    return new IndexLocations(Map.of());
  }

  /**
   * The URL of {@code index}: a name's URL, or {@code index} itself when it is a URL.
   *
   * @throws PyreleaseException when it is neither a known name nor a URL
   */
  public String urlOf(String index) {
    if (index.contains("://")) {
      return index;
    }
    return Optional.ofNullable(urls.get(index))
        .orElseThrow(
            () ->
                new PyreleaseException(
                    "unknown package index '"
                        + index
                        + "'"
                        + Suggestions.didYouMean(index, urls.keySet()),
                    null,
                    "name one of "
                        + String.join(", ", urls.keySet())
                        + ", write its URL, or define it (Maven: -Dpyrelease.indexes="
                        + index
                        + "=https://...; CLI: --index "
                        + index
                        + "=https://...)"));
  }

  /**
   * The server id whose credentials go to {@code index} when the rule names none: the name itself
   * for a name the build defined (as twine's repository names select {@code .pypirc} sections),
   * none for URLs and for the built-in public indexes, which need none for reading (and must never
   * receive an upload token meant for another index that the build has put under that name).
   */
  public String defaultServerOf(String index) {
    return index.contains("://") || BUILT_IN.containsKey(index) ? null : index;
  }

  /**
   * Parses {@code name=url,name=url}.
   *
   * @throws PyreleaseException when an entry is not {@code name=url}
   */
  public static Map<String, String> parse(String text, String where) {
    Map<String, String> defined = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return defined;
    }
    for (String entry : text.split(",")) {
      int equals = entry.indexOf('=');
      if (equals <= 0 || equals == entry.length() - 1) {
        throw new PyreleaseException(
            "'" + entry.strip() + "' does not define an index",
            where,
            "write name=url entries separated by commas, such as pypi=https://pypi.org/");
      }
      defined.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
    }
    return defined;
  }
}
