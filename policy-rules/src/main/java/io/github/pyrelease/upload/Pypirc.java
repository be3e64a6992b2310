package io.github.pyrelease.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code .pypirc} as twine reads it: Python's {@code RawConfigParser} (no {@code %}
 * interpolation, so a password may hold {@code %}), the servers named by {@code [distutils]
 * index-servers} (default {@code pypi testpypi}), each section's {@code username}, {@code password}
 * and {@code repository}, {@code [server-login]} as the fallback login, and the repositories of
 * {@code pypi} and {@code testpypi} implied. Like the strict parser, a line before any section, a
 * line that is not {@code key = value}, and a repeated section or key are errors at file:line.
 */
final class Pypirc {

  static final String PYPI_UPLOAD = "https://upload.pypi.org/legacy/";
  static final String TESTPYPI_UPLOAD = "https://test.pypi.org/legacy/";

  private static final Pattern SECTION = Pattern.compile("\\[(?<header>.+)]");
  private static final Pattern OPTION = Pattern.compile("(?<option>.*?)\\s*[=:]\\s*(?<value>.*)");

  private final Path file;
  private final Map<String, Map<String, String>> sections;

  private Pypirc(Path file, Map<String, Map<String, String>> sections) {
    this.file = file;
    this.sections = sections;
  }

  /**
   * One server's entry.
   *
   * @param section the section's name
   * @param username the user name, or {@code null}
   * @param password the password or token, or {@code null}
   * @param repository the upload URL, or {@code null} (for a server other than pypi/testpypi)
   */
  record Server(String section, String username, String password, String repository) {
    @Override
    public String toString() {
      return "[" + section + "] repository " + repository;
    }
  }

  /**
   * Reads {@code file}; a missing file is an empty one.
   *
   * @throws UploadException when the file cannot be read or parsed
   */
  static Pypirc read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new Pypirc(file, Map.of());
    } catch (IOException e) {
      throw error(file, 0, "cannot be read: " + e.getMessage(), "make it readable, or remove it");
    }
    return new Pypirc(file, parse(file, text));
  }

  Path file() {
    return file;
  }

  /** Every section with its options, as configparser reads them (for tests). */
  Map<String, Map<String, String>> sections() {
    return sections;
  }

  boolean exists() {
    return Files.isRegularFile(file);
  }

  /** The servers {@code [distutils] index-servers} names, {@code pypi testpypi} by default. */
  List<String> indexServers() {
    return option("distutils", "index-servers")
        .map(v -> Arrays.stream(v.split("\\s+")).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of("pypi", "testpypi"));
  }

  /** The entry of {@code name} if index-servers lists it (twine reads no other section). */
  Optional<Server> server(String name) {
    List<String> servers = indexServers();
    if (!servers.contains(name)) {
      return Optional.empty();
    }
    String repository =
        option(name, "repository")
            .orElse(
                name.equals("pypi")
                    ? PYPI_UPLOAD
                    : name.equals("testpypi") ? TESTPYPI_UPLOAD : null);
    Optional<String> username =
        option(name, "username").or(() -> option("server-login", "username"));
    Optional<String> password =
        option(name, "password").or(() -> option("server-login", "password"));
    return Optional.of(new Server(name, username.orElse(null), password.orElse(null), repository));
  }

  /** Every listed server, in the order index-servers names them. */
  List<Server> servers() {
    List<Server> all = new ArrayList<>();
    for (String name : indexServers()) {
      server(name).ifPresent(all::add);
    }
    return all;
  }

  private Optional<String> option(String section, String key) {
    Map<String, String> options = sections.get(section);
    String value = options == null ? null : options.get(key);
    if (value == null && options != null) {
      value = sections.getOrDefault("DEFAULT", Map.of()).get(key);
    }
    return Optional.ofNullable(value);
  }

  private static Map<String, Map<String, String>> parse(Path file, String text) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, Integer> sectionLines = new LinkedHashMap<>();
    Map<String, String> current = null;
    String currentName = null;
    String key = null; // the option continuation lines may extend
    int keyIndent = 0;
    List<String> value = null;
    Map<String, Integer> keyLines = new LinkedHashMap<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int line = i + 1;
      String raw = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
      String stripped = raw.strip();
      if (stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }
      if (stripped.isEmpty()) {
        if (value != null) {
          value.add("");
        }
        continue;
      }
      int indent = raw.length() - raw.stripLeading().length();
      if (value != null && indent > keyIndent) {
        value.add(stripped);
        continue;
      }
      finish(current, key, value);
      key = null;
      value = null;
      Matcher header = SECTION.matcher(stripped);
      if (header.matches()) {
        currentName = header.group("header");
        if (sectionLines.containsKey(currentName)) {
          throw error(
              file,
              line,
              "section [" + currentName + "] appears twice",
              "merge it into the first one, at line " + sectionLines.get(currentName));
        }
        sectionLines.put(currentName, line);
        current = new LinkedHashMap<>();
        sections.put(currentName, current);
        keyLines = new LinkedHashMap<>();
        continue;
      }
      if (current == null) {
        throw error(
            file,
            line,
            "has a line before any [section] header",
            "start the file with a section such as [distutils] or [pypi]");
      }
      Matcher option = OPTION.matcher(stripped);
      if (!option.matches() || option.group("option").isEmpty()) {
        throw error(
            file,
            line,
            "has a line that is neither [section], key = value nor a comment",
            "write it as key = value (such as password = pypi-...), or indent it to continue the"
                + " value above");
      }
      key = option.group("option").toLowerCase(Locale.ROOT);
      if (keyLines.containsKey(key)) {
        throw error(
            file,
            line,
            "'" + key + "' appears twice in section [" + currentName + "]",
            "keep one of the two (the first is at line " + keyLines.get(key) + ")");
      }
      keyLines.put(key, line);
      keyIndent = indent;
      value = new ArrayList<>();
      value.add(option.group("value").strip());
    }
    finish(current, key, value);
    return sections;
  }

  private static void finish(Map<String, String> section, String key, List<String> value) {
    if (section != null && key != null) {
      section.put(key, String.join("\n", value).stripTrailing());
    }
  }

  private static UploadException error(Path file, int line, String what, String fix) {
    return new UploadException(
        UploadException.Kind.CREDENTIALS,
        file.getFileName() + " " + what,
        line > 0 ? file + ":" + line : file.toString(),
        fix);
  }
}
