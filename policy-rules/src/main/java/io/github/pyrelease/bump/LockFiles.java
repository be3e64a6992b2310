package io.github.pyrelease.bump;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.text.TomlText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Moves the project's own entry in its lock files, and nothing else: in {@code uv.lock} the {@code
 * [[package]]} whose normalised {@code name} is the project's and whose {@code source} is {@code {
 * editable = "." }} or {@code { virtual = "." }}; in {@code pylock.toml} and {@code pylock.*.toml}
 * (PEP 751) the {@code [[packages]]} entry of that name whose {@code directory} path is {@code .}.
 * Only the text of the {@code version} string changes. An entry without a version (uv omits it for
 * dynamic versions, PEP 751 for source trees) is left alone.
 */
final class LockFiles {

  private LockFiles() {}

  /**
   * @return notes for the user
   */
  static List<String> update(
      Path root, String projectName, String version, Function<String, EditableFile> open) {
    List<String> notes = new ArrayList<>();
    if (projectName == null) {
      return notes;
    }
    String name = normalise(projectName);
    List<String> locks = new ArrayList<>();
    if (Files.isRegularFile(root.resolve("uv.lock"))) {
      locks.add("uv.lock");
    }
    try (var entries = Files.list(root)) {
      entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.equals("pylock.toml") || n.matches("pylock\\.[^/]+\\.toml"))
          .sorted()
          .forEach(locks::add);
    } catch (java.io.IOException e) {
      throw new PyreleaseException(
          "cannot list " + root + ": " + e.getMessage(), root.toString(), "check permissions");
    }
    for (String lock : locks) {
      EditableFile file = open.apply(lock);
      boolean uv = lock.equals("uv.lock");
      TomlText.Parsed parsed = TomlText.parse(file.originalText());
      if (!parsed.valid()) {
        throw new PyreleaseException(
            lock + " is not valid TOML: " + parsed.error(),
            parsed.line() > 0 ? lock + ":" + parsed.line() : lock,
            "regenerate the lock file (uv lock, or your locker)");
      }
      TomlParseResult toml = parsed.toml();
      Object packages = toml.get(uv ? "package" : "packages");
      if (!(packages instanceof TomlArray array)) {
        continue;
      }
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof TomlTable entry && isProject(entry, name, uv)) {
          Object old = entry.get("version");
          if (old instanceof String text) {
            rewrite(file, entry.inputPositionOf("version"), text, version);
            notes.add(lock + ": " + projectName + " " + text + " → " + version);
          }
        }
      }
    }
    return notes;
  }

  private static boolean isProject(TomlTable entry, String name, boolean uv) {
    if (!(entry.get("name") instanceof String n) || !normalise(n).equals(name)) {
      return false;
    }
    if (uv) {
      return entry.get("source") instanceof TomlTable source
          && (".".equals(source.get("editable")) || ".".equals(source.get("virtual")));
    }
    return entry.get("directory") instanceof TomlTable directory
        && directory.get("path") instanceof String path
        && (path.equals(".") || path.equals("./"));
  }

  /** Replaces the string value of the key at {@code at}, which must read {@code old}. */
  private static void rewrite(EditableFile file, TomlPosition at, String old, String version) {
    String text = file.originalText();
    int offset = at == null ? -1 : file.offsetOf(at.line(), at.column());
    int equals = offset < 0 ? -1 : text.indexOf('=', offset);
    int quote = equals < 0 ? -1 : equals + 1;
    while (quote >= 0
        && quote < text.length()
        && (text.charAt(quote) == ' ' || text.charAt(quote) == '\t')) {
      quote++;
    }
    if (quote < 0
        || quote >= text.length()
        || (text.charAt(quote) != '"' && text.charAt(quote) != '\'')
        || !text.startsWith(old + text.charAt(quote), quote + 1)) {
      throw new PyreleaseException(
          "cannot find the version \"" + old + "\" of the project's entry as written",
          file.relative() + (at == null ? "" : ":" + at.line()),
          "write it as version = \"" + old + "\" (as lockers do), or regenerate the lock file");
    }
    int start = file.text().currentOffset(quote + 1, quote + 1 + old.length()).orElseThrow();
    file.text().replace(start, start + old.length(), version);
  }

  /** PEP 503 normalisation. */
  static String normalise(String name) {
    return name.strip().replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }
}
