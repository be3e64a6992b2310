package io.github.pyrelease.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the changelog at the project root and reads its release sections.
 *
 * <p>The file is the first of {@code CHANGELOG}, {@code CHANGES}, {@code HISTORY}, {@code NEWS}
 * (any case) with extension {@code .md}, {@code .rst}, {@code .txt} or none, in that order.
 * Headings are Markdown ATX headings of level 1 to 3 and setext headings in {@code .md}, reST
 * titles (a line underlined, optionally overlined, with punctuation) in {@code .rst}, and both in
 * other files; headings inside fenced code blocks and HTML comments are ignored. A heading is a
 * release when it names a version ({@code [1.2.0] - 2026-01-31}, {@code 1.2.0 (2026-01-31)}, {@code
 * v1.2.0}, {@code [1.2.0](https://...)}, {@code Version 1.2.0}, towncrier's {@code attrs 1.2.0
 * (2026-01-31)}, {@code Django 5.0 release notes}: up to two words may stand before the version) or
 * is {@code Unreleased}. A section naming a version is marked unreleased when its heading says so
 * ({@code 1.2.0 (unreleased)}, {@code 1.2.0 - TBD}) or the first line under it does ({@code
 * Unreleased}, {@code (unreleased)}, {@code Released: TBD}, {@code Release date: TBA}, {@code In
 * development}), the Pallets layout; a first line {@code Released 2026-01-31} gives the date.
 * Releases are taken from one heading level only: the level most release headings use (on a tie,
 * the one used first), so a {@code ### 1.2.1} note or a {@code # Acme 2.0} title does not become a
 * section.
 *
 * <p>With towncrier configured ({@code [tool.towncrier]} in pyproject.toml, or towncrier.toml), the
 * changelog is towncrier's {@code filename} when it exists, and the next release's notes are its
 * fragments, not a section.
 */
final class ChangelogReader {

  private static final List<String> NAMES = List.of("CHANGELOG", "CHANGES", "HISTORY", "NEWS");
  private static final List<String> EXTENSIONS = List.of(".md", ".rst", ".txt", "");

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?[ \\t]*$");
  private static final Pattern ATX_CLOSING = Pattern.compile("(?:^|[ \\t]+)#+$");
  private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
  private static final Pattern RST_ADORNMENT =
      Pattern.compile("^([!-/:-@\\[-`{-~])\\1{2,}[ \\t]*$");
  private static final Pattern INLINE_LINK_TARGET = Pattern.compile("]\\([^)]*\\)");
  private static final Pattern REFERENCE_LINK_LABEL = Pattern.compile("]\\[[^\\]]*]");
  private static final Pattern RELEASE =
      Pattern.compile(
          "^\\[?(?:(?![vV]?\\d)[A-Za-z][\\w.-]*\\s+){0,2}\\[?[vV]?(?<version>\\d[0-9A-Za-z.!+_-]*)]?"
              + "(?<rest>.*)$",
          Pattern.CASE_INSENSITIVE);

  /** The words that say a version is not released yet. */
  private static final String NOT_YET = "(?:" + ChangelogSection.NOT_YET.pattern() + ")";

  /**
   * Such a word in a heading after the version: {@code 1.2.0 (unreleased)}, {@code 1.2.0 - TBD}.
   */
  private static final Pattern MARKED_IN_HEADING =
      Pattern.compile(
          "(?:^|[\\s(\\[:,-])" + NOT_YET + "(?:$|[\\s)\\].,])", Pattern.CASE_INSENSITIVE);

  /** The first line under a heading: {@code Unreleased}, {@code Released: TBD}, {@code *TBA*}. */
  private static final Pattern MARKED_BELOW =
      Pattern.compile(
          "^:?(?:(?:released?|release\\s+date|date)(?:\\s+on)?:?\\s*:?\\s*)?" + NOT_YET + "$",
          Pattern.CASE_INSENSITIVE);

  /** The first line under a heading giving the release date: {@code Released 2026-01-31}. */
  private static final Pattern RELEASED_BELOW =
      Pattern.compile(
          "^:?(?:released?|release\\s+date|date)(?:\\s+on)?:?\\s*:?\\s*(\\d{4}-\\d{2}-\\d{2})\\b.*$",
          Pattern.CASE_INSENSITIVE);

  /** Emphasis, parentheses and a full stop around a marker line. */
  private static final Pattern DECORATION = Pattern.compile("^[*_(\\s]+|[*_).\\s]+$");

  private static final Pattern UNRELEASED =
      Pattern.compile("^\\[?unreleased\\b.*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");

  /** Longer lines are not headings; bounding them keeps the regexes cheap. */
  private static final int MAX_HEADING_LENGTH = 500;

  private enum Format {
    MARKDOWN,
    RST,
    PLAIN
  }

  /**
   * A heading: its level ({@code ##} or a reST adornment), text, 1-based line and the first
   * non-blank line under it (its 1-based number and text; 0 and "" when there is none).
   */
  private record Heading(String level, String text, int line, int nextLine, String next) {

    Heading(String level, String text, int line) {
      this(level, text, line, 0, "");
    }

    Heading below(int nextLine, String next) {
      return new Heading(level, text, line, nextLine, next);
    }
  }

  private ChangelogReader() {}

  static Optional<Changelog> read(ProjectFiles files) {
    return read(files, Optional.empty());
  }

  /** The project's changelog, towncrier's file first when {@code pyproject} configures it. */
  static Optional<Changelog> read(ProjectFiles files, Optional<Pyproject> pyproject) {
    Optional<Towncrier> towncrier = Towncrier.read(files, pyproject);
    if (towncrier.isPresent() && files.isFile(towncrier.get().file())) {
      return read(files, towncrier.get().file()).map(c -> towncrier.get().pending(c));
    }
    return find(files).map(c -> towncrier.map(t -> t.pending(c)).orElse(c));
  }

  private static Optional<Changelog> find(ProjectFiles files) {
    Map<String, String> byLowerCase = new LinkedHashMap<>();
    for (String name : files.entries("")) {
      byLowerCase.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
    }
    for (String name : NAMES) {
      for (String extension : EXTENSIONS) {
        String file = byLowerCase.get((name + extension).toLowerCase(Locale.ROOT));
        if (file != null && files.isFile(file)) {
          return Optional.of(parse(files.read(file), format(extension)));
        }
      }
    }
    return Optional.empty();
  }

  /** The changelog at {@code file} (relative to the project), if that file exists. */
  static Optional<Changelog> read(ProjectFiles files, String file) {
    String relative = files.normalise(file);
    if (!files.isFile(relative)) {
      return Optional.empty();
    }
    int dot = relative.lastIndexOf('.');
    String extension = dot < relative.lastIndexOf('/') + 1 ? "" : relative.substring(dot);
    return Optional.of(parse(files.read(relative), format(extension.toLowerCase(Locale.ROOT))));
  }

  private static Format format(String extension) {
    return switch (extension) {
      case ".md" -> Format.MARKDOWN;
      case ".rst" -> Format.RST;
      default -> Format.PLAIN;
    };
  }

  private static Changelog parse(SourceText text, Format format) {
    List<Heading> releases = new ArrayList<>();
    for (Heading heading : withNextLines(text, headings(text, format))) {
      if (release(heading).isPresent()) {
        releases.add(heading);
      }
    }
    String level = releaseLevel(releases);
    List<ChangelogSection> sections = new ArrayList<>();
    for (Heading heading : releases) {
      if (heading.level().equals(level)) {
        sections.add(release(heading).orElseThrow());
      }
    }
    return new Changelog(text.file(), sections);
  }

  /** The level most release headings use; on a tie, the one used first. */
  private static String releaseLevel(List<Heading> releases) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    releases.forEach(h -> counts.merge(h.level(), 1, Integer::sum));
    String best = null;
    for (Map.Entry<String, Integer> count : counts.entrySet()) {
      if (best == null || count.getValue() > counts.get(best)) {
        best = count.getKey();
      }
    }
    return best;
  }

  private static Optional<ChangelogSection> release(Heading heading) {
    String text =
        REFERENCE_LINK_LABEL
            .matcher(INLINE_LINK_TARGET.matcher(heading.text()).replaceAll("]"))
            .replaceAll("]")
            .strip();
    if (UNRELEASED.matcher(text).matches()) {
      return Optional.of(new ChangelogSection(heading.text(), null, date(text), heading.line()));
    }
    Matcher release = RELEASE.matcher(text);
    if (!release.matches()) {
      return Optional.empty();
    }
    String version = release.group("version").replaceAll("[.,:]+$", "");
    String rest = release.group("rest");
    String date = date(rest);
    int unreleased = MARKED_IN_HEADING.matcher(rest).find() ? heading.line() : 0;
    String below = DECORATION.matcher(heading.next()).replaceAll("");
    if (unreleased == 0 && MARKED_BELOW.matcher(below).matches()) {
      unreleased = heading.nextLine();
    }
    Matcher released = RELEASED_BELOW.matcher(below);
    if (date == null && released.matches()) {
      date = released.group(1);
    }
    return Optional.of(
        new ChangelogSection(heading.text(), version, date, heading.line(), unreleased));
  }

  /**
   * Each heading with the first non-blank line under it (after a reST underline), unless that line
   * is the next heading.
   */
  private static List<Heading> withNextLines(SourceText text, List<Heading> headings) {
    List<Heading> result = new ArrayList<>();
    for (int h = 0; h < headings.size(); h++) {
      Heading heading = headings.get(h);
      int nextHeading = h + 1 < headings.size() ? headings.get(h + 1).line() : Integer.MAX_VALUE;
      int i = heading.line() + (isUnderlined(text, heading) ? 2 : 1);
      while (i <= text.lineCount() && i < nextHeading && text.line(i).isBlank()) {
        i++;
      }
      boolean found = i <= text.lineCount() && i < nextHeading;
      String next = found ? text.line(i) : "";
      result.add(
          found && next.length() <= MAX_HEADING_LENGTH ? heading.below(i, next.strip()) : heading);
    }
    return result;
  }

  /** Whether the heading is a title with an underline (setext or reST), not an ATX heading. */
  private static boolean isUnderlined(SourceText text, Heading heading) {
    return !ATX.matcher(text.line(heading.line())).matches();
  }

  private static String date(String text) {
    Matcher date = DATE.matcher(text);
    return date.find() ? date.group(1) : null;
  }

  private static List<Heading> headings(SourceText text, Format format) {
    boolean markdown = format != Format.RST;
    List<Heading> headings = new ArrayList<>();
    String fence = null;
    boolean inComment = false;
    for (int i = 1; i <= text.lineCount(); i++) {
      String line = text.line(i);
      if (markdown) {
        if (fence != null) {
          if (closesFence(line.strip(), fence)) {
            fence = null;
          }
          continue;
        }
        if (inComment) {
          inComment = !line.contains("-->");
          continue;
        }
        Matcher opening = FENCE.matcher(line);
        if (opening.find()) {
          fence = opening.group(1);
          continue;
        }
        if (line.strip().startsWith("<!--")) {
          inComment = !line.contains("-->");
          continue;
        }
        if (line.length() > MAX_HEADING_LENGTH) {
          continue;
        }
        Matcher atx = ATX.matcher(line);
        if (atx.matches()) {
          if (atx.group(1).length() <= 3) {
            String content = atx.group(2) == null ? "" : atx.group(2);
            content = ATX_CLOSING.matcher(content).replaceAll("").strip();
            headings.add(new Heading(atx.group(1), content, i));
          }
          continue;
        }
      }
      if (i < text.lineCount() && !line.isBlank() && line.length() <= MAX_HEADING_LENGTH) {
        Optional<String> level = underline(text, i, format);
        if (level.isPresent()) {
          headings.add(new Heading(level.get(), line.strip(), i));
          i++; // the underline
        }
      }
    }
    return headings;
  }

  /** A closing fence: the opening's character, at least as many times, and nothing else. */
  private static boolean closesFence(String line, String fence) {
    char marker = fence.charAt(0);
    return line.length() >= fence.length() && line.chars().allMatch(c -> c == marker);
  }

  /** The level of a title on line {@code i} underlined on the next line, if it is one. */
  private static Optional<String> underline(SourceText text, int i, Format format) {
    String line = text.line(i);
    String next = text.line(i + 1);
    if (format == Format.MARKDOWN) {
      Matcher setext = SETEXT_UNDERLINE.matcher(next);
      return setext.matches() && !line.startsWith("    ")
          ? Optional.of(setext.group(1).charAt(0) == '=' ? "#" : "##")
          : Optional.empty();
    }
    Matcher adornment = RST_ADORNMENT.matcher(next);
    if (!adornment.matches() || Character.isWhitespace(line.charAt(0))) {
      return Optional.empty();
    }
    boolean overlined = i > 1 && text.line(i - 1).strip().equals(next.strip());
    return Optional.of((overlined ? "over" : "under") + adornment.group(1));
  }
}
