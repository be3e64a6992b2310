package io.github.pyrelease.bump;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.project.BumpversionSettings;
import io.github.pyrelease.text.Glob;
import io.github.pyrelease.text.PythonRegex;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;

/**
 * Applies a project's bump-my-version {@code files} configuration the way bump-my-version does:
 * entries in order, each on the file as earlier entries left it; {@code search} rendered with the
 * file's serialization of the current version and searched literally (or as a Python regular
 * expression with {@code regex = true}, the context escaped, falling back to the literal text if it
 * does not compile); every match replaced by the rendered {@code replace}, as Python's {@code
 * re.sub} expands it; when nothing matches, the current version as configured is tried; then a
 * missing version is an error unless {@code ignore_missing_version}, a missing file unless {@code
 * ignore_missing_file(s)}. {@code glob} entries expand relative to the project, {@code **} across
 * directories, minus {@code glob_exclude}.
 */
final class BumpversionRules {

  private static final int MAX_GLOB_ENTRIES = 200_000;

  private final BumpversionSettings settings;
  private final Path root;
  private final Map<String, ?> baseContext;

  /**
   * @param baseContext the fields every template sees: dates, {@code $ENV} variables, {@code #} and
   *     {@code ;}
   */
  BumpversionRules(BumpversionSettings settings, Path root, Map<String, ?> baseContext) {
    this.settings = settings;
    this.root = root;
    this.baseContext = baseContext;
  }

  /** The global scheme, which serialises {@code current_version}. */
  BumpversionScheme globalScheme() {
    return new BumpversionScheme(
        settings.parse(), settings.serialize(), settings.parts(), settings.where());
  }

  /**
   * Applies every entry.
   *
   * @param current the current version as configured ({@code current_version})
   * @param next the new version, normalised
   * @param files the files being edited, by relative path
   * @param touched receives the files an entry changed
   * @return notes for the user
   */
  List<String> apply(
      String current,
      String next,
      Function<String, EditableFile> files,
      java.util.Set<String> touched) {
    List<String> notes = new ArrayList<>();
    for (BumpversionSettings.FileEntry entry : settings.files()) {
      BumpversionScheme scheme =
          new BumpversionScheme(
              or(entry.parse(), settings.parse()),
              entry.serialize().isEmpty() ? settings.serialize() : entry.serialize(),
              settings.parts(),
              entry.where());
      boolean ignoreMissingFile =
          or(entry.ignoreMissingFile(), or(settings.ignoreMissingFiles(), false));
      Rule rule = rule(entry, scheme, current, next, notes);
      for (String file : targets(entry)) {
        if (!Files.isRegularFile(root.resolve(file))) {
          if (ignoreMissingFile) {
            notes.add(file + " (" + entry.where() + ") does not exist; ignored as configured");
            continue;
          }
          throw new PyreleaseException(
              "the bumpversion files entry names " + file + ", which does not exist",
              entry.where(),
              "create it, correct the entry, or set ignore_missing_file = true");
        }
        if (rule.applyTo(files.apply(file), notes)) {
          touched.add(file);
        }
      }
    }
    return notes;
  }

  /** An entry made ready once for all the files it names. */
  private Rule rule(
      BumpversionSettings.FileEntry entry,
      BumpversionScheme scheme,
      String current,
      String next,
      List<String> notes) {
    Map<String, Object> context = new HashMap<>(baseContext);
    Map<String, String> currentParts = scheme.parseOrFail(current, "the current version");
    Map<String, String> nextParts = scheme.parseOrFail(next, "the new version");
    currentParts.forEach((k, v) -> context.put("current_" + k, v));
    nextParts.forEach((k, v) -> context.put("new_" + k, v));
    context.put("current_version", scheme.serialize(currentParts, context));
    context.put("new_version", scheme.serialize(nextParts, context));
    String search = or(entry.search(), or(settings.search(), "{current_version}"));
    String replace = or(entry.replace(), or(settings.replace(), "{new_version}"));
    boolean regex = or(entry.regex(), or(settings.regex(), false));
    if (regex && compiles(search, context, entry.where()) == null) {
      notes.add(
          "the search '"
              + search
              + "' ("
              + entry.where()
              + ") is not a regular expression pyrelease can run; searched as plain text, as"
              + " bump-my-version does with an invalid one");
      regex = false;
    }
    PythonRegex fallback = null;
    if (!current.equals(context.get("current_version"))) {
      Map<String, Object> original = new HashMap<>(context);
      original.put("current_version", current);
      fallback = pattern(search, original, regex, entry.where());
    }
    return new Rule(
        entry,
        pattern(search, context, regex, entry.where()),
        fallback,
        PythonFormat.render(replace, context, entry.where()),
        PythonFormat.render(search, context, entry.where()),
        or(entry.ignoreMissingVersion(), or(settings.ignoreMissingVersion(), false)));
  }

  /**
   * @param fallback the search with the current version as configured, when the serialised one
   *     differs (bump-my-version tries it when nothing matched), or null
   */
  private record Rule(
      BumpversionSettings.FileEntry entry,
      PythonRegex pattern,
      PythonRegex fallback,
      String replacement,
      String rendered,
      boolean ignoreMissingVersion) {

    boolean applyTo(EditableFile file, List<String> notes) {
      int replaced = substitute(file, pattern, replacement, entry.where());
      if (replaced == 0 && fallback != null) {
        replaced = substitute(file, fallback, replacement, entry.where());
      }
      if (replaced > 0) {
        return true;
      }
      if (ignoreMissingVersion) {
        notes.add(
            file.relative()
                + ": '"
                + rendered
                + "' not found; ignored as configured ("
                + entry.where()
                + ")");
        return false;
      }
      throw new PyreleaseException(
          "did not find '" + rendered + "' in " + file.relative(),
          entry.where(),
          "correct the entry's search, or set ignore_missing_version = true");
    }
  }

  private static PythonRegex pattern(
      String search, Map<String, Object> context, boolean regex, String where) {
    PythonRegex compiled = regex ? compiles(search, context, where) : null;
    return compiled != null
        ? compiled
        : PythonRegex.compile(
            PythonRegex.escape(PythonFormat.render(search, context, where)), true, true, false);
  }

  /** The search as a regular expression with the context escaped, or null if it is not one. */
  private static PythonRegex compiles(String search, Map<String, Object> context, String where) {
    Map<String, Object> escaped = new HashMap<>();
    context.forEach((k, v) -> escaped.put(k, v instanceof String s ? PythonRegex.escape(s) : v));
    try {
      return PythonRegex.compile(PythonFormat.render(search, escaped, where), true, true, false);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  /** Replaces every match in the file's current text, as {@code re.sub}; returns the count. */
  private static int substitute(
      EditableFile file, PythonRegex pattern, String template, String where) {
    String text = file.text().current();
    Matcher matcher = pattern.matcher(text);
    List<int[]> spans = new ArrayList<>();
    List<String> replacements = new ArrayList<>();
    while (matcher.find()) {
      spans.add(new int[] {matcher.start(), matcher.end()});
      replacements.add(expand(template, matcher, pattern, where));
    }
    for (int i = spans.size() - 1; i >= 0; i--) {
      file.text().replace(spans.get(i)[0], spans.get(i)[1], replacements.get(i));
    }
    return spans.size();
  }

  /** Python's {@code re.sub} replacement: backslash escapes and group references. */
  static String expand(String template, Matcher match, PythonRegex pattern, String where) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '\\' || i + 1 == template.length()) {
        out.append(c);
        continue;
      }
      char next = template.charAt(++i);
      switch (next) {
        case '\\' -> out.append('\\');
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'g' -> {
          int close = template.indexOf('>', i);
          if (i + 1 >= template.length() || template.charAt(i + 1) != '<' || close < 0) {
            throw badEscape(template, where);
          }
          String name = template.substring(i + 2, close);
          out.append(group(match, pattern, name, template, where));
          i = close;
        }
        default -> {
          if (Character.isDigit(next)) {
            int end = i + 1;
            while (end < template.length()
                && end < i + 2
                && Character.isDigit(template.charAt(end))) {
              end++;
            }
            out.append(group(match, pattern, template.substring(i, end), template, where));
            i = end - 1;
          } else if (next < 128 && Character.isLetter(next)) {
            throw badEscape(template, where);
          } else {
            out.append('\\').append(next);
          }
        }
      }
    }
    return out.toString();
  }

  private static String group(
      Matcher match, PythonRegex pattern, String name, String template, String where) {
    try {
      String value =
          name.chars().allMatch(Character::isDigit)
              ? match.group(Integer.parseInt(name))
              : match.group(pattern.group(name));
      return value == null ? "" : value;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new PyreleaseException(
          "the replace template '"
              + template
              + "' refers to group "
              + name
              + ", which the search does not have",
          where,
          "refer only to groups of the search expression");
    }
  }

  private static PyreleaseException badEscape(String template, String where) {
    return new PyreleaseException(
        "the replace template '" + template + "' has an escape Python's re.sub rejects",
        where,
        "write \\\\ for a backslash");
  }

  /** The files an entry names, relative to the root, with forward slashes. */
  private List<String> targets(BumpversionSettings.FileEntry entry) {
    if (entry.glob() == null) {
      return List.of(normalise(entry.filename() == null ? "" : entry.filename(), entry));
    }
    Glob include = Glob.compile(stripDot(entry.glob()));
    List<Glob> exclude = entry.globExclude().stream().map(g -> Glob.compile(stripDot(g))).toList();
    List<String> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            int seen;

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              return !dir.equals(root) && name.startsWith(".")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (++seen > MAX_GLOB_ENTRIES) {
                throw new PyreleaseException(
                    "the glob '"
                        + entry.glob()
                        + "' walks more than "
                        + MAX_GLOB_ENTRIES
                        + " files",
                    entry.where(),
                    "narrow the glob");
              }
              String relative = root.relativize(file).toString().replace('\\', '/');
              if (attrs.isRegularFile()
                  && include.matches(relative)
                  && exclude.stream().noneMatch(g -> g.matches(relative))) {
                found.add(relative);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot list files for the glob '" + entry.glob() + "': " + e.getMessage(),
          entry.where(),
          "check the project directory's permissions");
    }
    found.sort(null);
    return found;
  }

  private String normalise(String file, BumpversionSettings.FileEntry entry) {
    Path resolved = root.resolve(file).normalize();
    if (!resolved.startsWith(root) || file.isBlank()) {
      throw new PyreleaseException(
          "the bumpversion files entry names '"
              + file
              + "', which is not a file inside the project",
          entry.where(),
          "name a file relative to the project directory");
    }
    return root.relativize(resolved).toString().replace('\\', '/');
  }

  private static String stripDot(String glob) {
    return glob.startsWith("./") ? glob.substring(2) : glob;
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
