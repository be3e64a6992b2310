package io.github.pyrelease.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads INI files (setup.cfg, .bumpversion.cfg) with the basic semantics of Python's configparser
 * as setuptools and bumpversion use it: {@code [section]} headers, {@code key = value} or {@code
 * key: value} (split at the first delimiter), whole-line {@code #} and {@code ;} comments (no
 * inline comments), continuation lines indented deeper than their option, empty lines kept inside a
 * value, case-insensitive keys. Like configparser in strict mode, an option before any section, a
 * line it cannot parse and duplicate sections or options are errors. Interpolation ({@code %(x)s})
 * is not performed: version values do not use it.
 */
final class IniReader {

  // configparser's SECTCRE and OPTCRE, applied to the stripped line.
  private static final Pattern SECTION = Pattern.compile("\\[(?<header>.+)]");
  private static final Pattern OPTION =
      Pattern.compile("(?<option>.*?)\\s*(?<delimiter>[=:])\\s*(?<value>.*)");

  private record Part(String text, int line, int column) {}

  private record PendingSection(int line, Map<String, List<Part>> options) {}

  private IniReader() {}

  static IniFile parse(SourceText text) {
    text.refuseByteOrderMark("configparser");
    Map<String, PendingSection> sections = new LinkedHashMap<>();
    PendingSection section = null;
    String sectionName = null;
    List<Part> value = null; // the option being read, while continuation lines may follow
    int indentLevel = 0;
    for (int line = 1; line <= text.lineCount(); line++) {
      String raw = text.line(line);
      String stripped = raw.strip();
      if (stripped.startsWith("#") || stripped.startsWith(";")) {
        continue; // a comment line, even inside a multi-line value
      }
      if (stripped.isEmpty()) {
        if (value != null) {
          value.add(new Part("", line, 0));
        }
        continue;
      }
      int indent = raw.length() - raw.stripLeading().length();
      int lineStart = text.offsetOf(line, 1);
      if (value != null && indent > indentLevel) {
        value.add(new Part(stripped, line, text.columnOf(lineStart + indent)));
        continue;
      }
      indentLevel = indent;
      Matcher header = SECTION.matcher(stripped);
      if (header.lookingAt()) {
        sectionName = header.group("header");
        PendingSection earlier = sections.get(sectionName);
        if (earlier != null) {
          throw new ProjectReadException(
              "section [" + sectionName + "] appears twice in " + text.file(),
              text.where(line),
              "merge it into the first [" + sectionName + "] at line " + earlier.line());
        }
        section = new PendingSection(line, new LinkedHashMap<>());
        sections.put(sectionName, section);
        value = null;
        continue;
      }
      if (section == null) {
        throw new ProjectReadException(
            text.file() + " has a line before any [section] header",
            text.where(line),
            "put the line under a [section] header or make it a comment with #");
      }
      Matcher option = OPTION.matcher(stripped);
      if (!option.matches() || option.group("option").isEmpty()) {
        throw new ProjectReadException(
            text.file() + " has a line that is neither a [section], a key = value nor a comment",
            text.where(line),
            "write it as key = value, indent it to continue the previous value,"
                + " or make it a comment with #");
      }
      String key = option.group("option").toLowerCase(Locale.ROOT);
      List<Part> earlier = section.options().get(key);
      if (earlier != null) {
        throw new ProjectReadException(
            "option '" + key + "' appears twice in section [" + sectionName + "]",
            text.where(line),
            "keep one of the two (the first is at line " + earlier.get(0).line() + ")");
      }
      int valueOffset = lineStart + indent + option.start("value");
      value = new ArrayList<>();
      value.add(new Part(option.group("value"), line, text.columnOf(valueOffset)));
      section.options().put(key, value);
    }
    Map<String, IniFile.Section> built = new LinkedHashMap<>();
    sections.forEach((name, pending) -> built.put(name, build(text.file(), name, pending)));
    return new IniFile(text.file(), built);
  }

  private static IniFile.Section build(String file, String name, PendingSection pending) {
    Map<String, IniFile.Option> options = new LinkedHashMap<>();
    pending
        .options()
        .forEach(
            (key, parts) -> {
              List<String> texts = parts.stream().map(Part::text).toList();
              // the value's text starts at its first non-empty part (it may follow "key =")
              Part first =
                  parts.stream().filter(p -> !p.text().isEmpty()).findFirst().orElse(parts.get(0));
              options.put(
                  key,
                  new IniFile.Option(
                      key,
                      String.join("\n", texts).stripTrailing(),
                      first.line(),
                      first.column(),
                      file));
            });
    return new IniFile.Section(name, pending.line(), options);
  }
}
