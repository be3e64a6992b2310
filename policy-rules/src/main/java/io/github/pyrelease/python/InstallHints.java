package io.github.pyrelease.python;

import io.github.pyrelease.Hint;
import io.github.pyrelease.Setting;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to install for a missing Python distribution: Debian's package, else pip's command; and for
 * one installed too old, only what can work (a system package manager cannot give a newer version
 * than the one it installed).
 */
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

  /**
   * How to meet {@code unmet} for {@code python}, in order of what works: pip into the interpreter
   * when it is a virtual environment's; for missing distributions Debian's packages or pip; for one
   * installed too old a new virtual environment (never a package command that cannot satisfy it);
   * and always pyrelease's isolated build.
   *
   * @param all every requirement: a new virtual environment needs them all, not just the unmet
   * @param named whether the user named the interpreter (then the fix says to point at the new one)
   * @param projectDir where the new environment goes ({@code .venv}, which pyrelease then finds)
   */
  public static Hint unmet(
      PythonInterpreter python,
      List<RequirementState> unmet,
      Collection<String> all,
      boolean named,
      Path projectDir) {
    List<String> unmetRequirements = unmet.stream().map(RequirementState::requirement).toList();
    List<Object> parts = new ArrayList<>();
    List<String> old =
        unmet.stream().filter(RequirementState::excluded).map(InstallHints::excluded).toList();
    if (python.isVirtualEnvironment()) {
      parts.add(
          "install them into that virtual environment: "
              + pip(python.executable(), unmetRequirements));
    } else if (old.isEmpty()) {
      parts.add(
          "install them: "
              + install(unmet.stream().map(RequirementState::name).toList(), unmetRequirements));
    } else {
      Path venv = display(projectDir.resolve(".venv"));
      Path venvPython = venv.resolve(WINDOWS ? "Scripts\\python.exe" : "bin/python");
      parts.add(
          String.join(", ", old)
              + " (a system package cannot change that): install the build requirements into a"
              + " virtual environment: "
              + quote(python.executable().toString())
              + " -m venv "
              + venv
              + " && "
              + pip(venvPython, List.copyOf(all)));
      if (named) {
        parts.add(", then build with it (");
        parts.add(Setting.PYTHON.is(venvPython.toString()));
        parts.add(")");
      } else {
        parts.add(" (pyrelease then chooses " + venv + " by itself)");
      }
    }
    parts.add("; or build in a fresh virtual environment (");
    parts.add(Setting.ISOLATED.is("true"));
    parts.add("; needs a package index)");
    return Hint.of(parts.toArray());
  }

  private static final boolean WINDOWS = File.separatorChar == '\\';

  /** "flit_core 3.8.0 is installed, too old for flit_core>=3.11". */
  private static String excluded(RequirementState state) {
    return state.name()
        + " "
        + state.installed()
        + (state.tooOld() ? " is installed, too old for " : " is installed, excluded by ")
        + state.requirement();
  }

  private static String pip(Path python, List<String> requirements) {
    return quote(python.toString())
        + " -m pip install "
        + requirements.stream().map(r -> "'" + r + "'").collect(Collectors.joining(" "));
  }

  private static String quote(String path) {
    return path.matches(".*[\\s'\"].*") ? "\"" + path + "\"" : path;
  }

  /** {@code path} as the user would type it from the working directory. */
  private static Path display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) && !absolute.equals(here)
        ? here.relativize(absolute)
        : absolute;
  }

  static String normalize(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }
}
