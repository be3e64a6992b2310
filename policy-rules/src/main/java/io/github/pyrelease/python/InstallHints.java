package io.github.pyrelease.python;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What to install for a missing Python distribution: Debian's package, else pip's command. */
public final class InstallHints {

  /** Distribution (PEP 503 name) to Debian package, where the name does not follow python3-X. */
  private static final Map<String, String> DEBIAN =
      Map.ofEntries(
          Map.entry("flit-core", "flit"),
          Map.entry("flit", "flit"),
          Map.entry("meson-python", "python3-mesonpy"),
          Map.entry("readme-renderer", "python3-readme-renderer"),
          Map.entry("twine", "twine"));

  private InstallHints() {}

  /** The Debian package that ships {@code distribution}. */
  public static String debianPackage(String distribution) {
    String name = normalize(distribution);
    return DEBIAN.getOrDefault(name, "python3-" + name);
  }

  /** "apt-get install X Y (Debian/Ubuntu), or python3 -m pip install 'a' 'b'". */
  public static String install(Collection<String> distributions, Collection<String> requirements) {
    Set<String> packages = new LinkedHashSet<>();
    distributions.forEach(d -> packages.add(debianPackage(d)));
    String pip = requirements.stream().map(r -> "'" + r + "'").collect(Collectors.joining(" "));
    return "apt-get install "
        + String.join(" ", packages)
        + " (Debian/Ubuntu), or <python> -m pip install "
        + pip;
  }

  static String normalize(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }
}
