package io.github.pyrelease.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the module-level assignments and {@code from ... import} statements of a Python file
 * without running it, the way setuptools' and flit's static readers look at a module's top-level
 * statements: an assignment inside a function, class, {@code if} or {@code try} block is not seen.
 * Logical lines are split like Python's tokenizer does (brackets, backslash continuations, strings
 * and comments), so a docstring that mentions {@code __version__ = "..."} is not an assignment.
 *
 * <p>A value is literal when it is a plain string ({@code "1.2"}, {@code '1.2'}, {@code u"1.2"}, no
 * escapes) or a tuple of integers ({@code (1, 2, 3)}). Anything else ({@code
 * importlib.metadata.version("x")}, {@code get_versions()["version"]}, {@code ".".join(...)}) is
 * recorded as non-literal: it only has a value at run time.
 */
final class ModuleVersionScanner {

  /** Names whose string value is a version in any module. */
  private static final Set<String> VERSION_NAMES = Set.of("__version__", "VERSION");

  /** Lower-case {@code version} counts only in modules named for the version. */
  private static final Set<String> VERSION_MODULES =
      Set.of("_version.py", "__version__.py", "version.py", "__about__.py");

  /** Names whose integer tuple is a version. */
  private static final Set<String> TUPLE_NAMES =
      Set.of("VERSION", "__version__", "__version_info__", "version_info", "VERSION_INFO");

  private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
  private static final Pattern PLAIN_ASSIGNMENT =
      Pattern.compile("((?:" + NAME + "[ \\t]*=(?!=)[ \\t]*)+)(.*)", Pattern.DOTALL);
  private static final Pattern TARGET = Pattern.compile("(" + NAME + ")[ \\t]*=");
  private static final Pattern ANNOTATED_ASSIGNMENT =
      Pattern.compile("(" + NAME + ")[ \\t]*:[^=\\n]+=(?!=)[ \\t]*(.*)", Pattern.DOTALL);
  private static final String TRAILER = "[ \\t]*(?:#[^\\n]*)?";
  private static final Pattern STRING_VALUE =
      Pattern.compile("[uU]?(['\"])(?<text>[^'\"\\\\\\n]*)\\1" + TRAILER);
  private static final Pattern TUPLE_VALUE =
      Pattern.compile("\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)+,?\\s*\\)" + TRAILER);
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  /** Longer statements are not version assignments; bounding them keeps the regexes cheap. */
  private static final int MAX_STATEMENT_LENGTH = 2_000;

  private static final Pattern FROM_IMPORT =
      Pattern.compile("from\\s+(?<module>\\.*[\\w.]*)\\s+import\\s+(?<names>.+)", Pattern.DOTALL);
  private static final Pattern IMPORTED_NAME =
      Pattern.compile("(?<name>" + NAME + ")(?:\\s+as\\s+(?<alias>" + NAME + "))?");

  /**
   * One module-level assignment.
   *
   * @param targets the names assigned, left to right ({@code __version__ = VERSION = "1"})
   * @param value the literal's text, located; {@code null} when the value is not literal
   * @param tuple whether the literal is an integer tuple (its text is the numbers joined by dots)
   * @param line the 1-based line the statement starts on
   */
  record Assignment(List<String> targets, Located value, boolean tuple, int line) {

    boolean literal() {
      return value != null;
    }
  }

  /** {@code from <module> import <name> as <alias>} at module level. */
  record Import(String module, String name, String alias, int line) {}

  /** What one module assigns and imports, in file order. */
  record Module(SourceText text, List<Assignment> assignments, List<Import> imports) {

    /** The first module-level assignment to {@code name}, as static readers take it. */
    Optional<Assignment> assignmentTo(String name) {
      return assignments.stream().filter(a -> a.targets().contains(name)).findFirst();
    }

    /** The import that binds {@code name} in this module. */
    Optional<Import> importOf(String name) {
      return imports.stream().filter(i -> i.alias().equals(name)).findFirst();
    }
  }

  private ModuleVersionScanner() {}

  static Module scan(SourceText text) {
    List<Assignment> assignments = new ArrayList<>();
    List<Import> imports = new ArrayList<>();
    for (int[] statement : topLevelStatements(text.text())) {
      if (statement[1] - statement[0] > MAX_STATEMENT_LENGTH) {
        continue;
      }
      String code = text.text().substring(statement[0], statement[1]);
      int line = text.lineOf(statement[0]);
      Matcher from = FROM_IMPORT.matcher(code);
      if (from.matches()) {
        addImports(from, line, imports);
        continue;
      }
      assignment(text, statement[0], code).ifPresent(assignments::add);
    }
    return new Module(text, List.copyOf(assignments), List.copyOf(imports));
  }

  /**
   * The version sources a module declares: literal strings assigned to {@code __version__} or
   * {@code VERSION} ({@code version} too in {@code _version.py}, {@code version.py}, {@code
   * __version__.py} and {@code __about__.py}), and integer tuples assigned to {@code VERSION},
   * {@code __version__}, {@code __version_info__}, {@code version_info} or {@code VERSION_INFO}.
   * Non-literal assignments are skipped: they hold no version text to compare or bump.
   */
  static List<VersionSource> versionSources(Module module) {
    String file = module.text().file();
    boolean versionModule = VERSION_MODULES.contains(file.substring(file.lastIndexOf('/') + 1));
    List<VersionSource> sources = new ArrayList<>();
    for (Assignment assignment : module.assignments()) {
      if (!assignment.literal()) {
        continue;
      }
      for (String target : assignment.targets()) {
        boolean named =
            assignment.tuple()
                ? TUPLE_NAMES.contains(target)
                : VERSION_NAMES.contains(target) || (versionModule && target.equals("version"));
        if (named) {
          sources.add(
              assignment.value().source(SourceKind.MODULE, label(target, assignment), false));
          break;
        }
      }
    }
    return sources;
  }

  /** {@code __version__}, or {@code VERSION (tuple)} for a tuple. */
  static String label(String name, Assignment assignment) {
    return assignment.tuple() ? name + " (tuple)" : name;
  }

  private static Optional<Assignment> assignment(SourceText text, int start, String code) {
    List<String> targets = new ArrayList<>();
    int valueStart;
    Matcher plain = PLAIN_ASSIGNMENT.matcher(code);
    if (plain.matches()) {
      Matcher target = TARGET.matcher(plain.group(1));
      while (target.find()) {
        targets.add(target.group(1));
      }
      valueStart = plain.start(2);
    } else {
      Matcher annotated = ANNOTATED_ASSIGNMENT.matcher(code);
      if (!annotated.matches()) {
        return Optional.empty();
      }
      targets.add(annotated.group(1));
      valueStart = annotated.start(2);
    }
    String value = code.substring(valueStart);
    int line = text.lineOf(start);
    Matcher string = STRING_VALUE.matcher(value);
    if (string.matches()) {
      Located located =
          text.locate(string.group("text"), start + valueStart + string.start("text"));
      return Optional.of(new Assignment(targets, located, false, line));
    }
    if (TUPLE_VALUE.matcher(value).matches()) {
      Matcher digits = DIGITS.matcher(value);
      List<String> numbers = new ArrayList<>();
      int first = -1;
      while (digits.find()) {
        numbers.add(digits.group());
        first = first < 0 ? digits.start() : first;
      }
      Located located = text.locate(String.join(".", numbers), start + valueStart + first);
      return Optional.of(new Assignment(targets, located, true, line));
    }
    return Optional.of(new Assignment(targets, null, false, line));
  }

  private static void addImports(Matcher from, int line, List<Import> imports) {
    String names = from.group("names").replaceAll("#[^\\n]*", "").replace("\\\n", " ").strip();
    if (names.startsWith("(") && names.endsWith(")")) {
      names = names.substring(1, names.length() - 1);
    }
    for (String part : names.split(",")) {
      Matcher name = IMPORTED_NAME.matcher(part.strip());
      if (name.matches()) {
        String alias = name.group("alias") != null ? name.group("alias") : name.group("name");
        imports.add(new Import(from.group("module"), name.group("name"), alias, line));
      }
    }
  }

  /**
   * The [start, end) offsets of each logical line that starts in column 1 (a module-level
   * statement), comments and blank lines skipped. Strings, brackets and backslash continuations are
   * followed so that a statement spanning lines is one statement.
   */
  static List<int[]> topLevelStatements(String text) {
    List<int[]> statements = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int lineEnd = indexOrEnd(text, '\n', i);
      String line = text.substring(i, lineEnd).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        i = lineEnd + 1;
        continue;
      }
      boolean indented = text.charAt(i) == ' ' || text.charAt(i) == '\t';
      int start = i;
      int end = statementEnd(text, i);
      if (!indented) {
        statements.add(new int[] {start, stripTrailing(text, start, end)});
      }
      i = end + 1;
    }
    return statements;
  }

  /** The offset of the newline that ends the logical line starting at {@code i}, or the end. */
  private static int statementEnd(String text, int i) {
    int n = text.length();
    int depth = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '#') {
        i = indexOrEnd(text, '\n', i);
        continue;
      }
      if (c == '\'' || c == '"') {
        i = stringEnd(text, i);
        continue;
      }
      if (c == '\\' && i + 1 < n && text.charAt(i + 1) == '\n') {
        i += 2;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == '\n' && depth == 0) {
        return i;
      }
      i++;
    }
    return n;
  }

  /** The offset just after the string literal opening at {@code i}. */
  private static int stringEnd(String text, int i) {
    int n = text.length();
    char quote = text.charAt(i);
    boolean triple = i + 2 < n && text.charAt(i + 1) == quote && text.charAt(i + 2) == quote;
    int j = i + (triple ? 3 : 1);
    while (j < n) {
      char c = text.charAt(j);
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (!triple && c == '\n') {
        return j; // unterminated: Python would refuse the file; stop at the line end
      }
      if (c == quote
          && (!triple
              || (j + 2 < n && text.charAt(j + 1) == quote && text.charAt(j + 2) == quote))) {
        return j + (triple ? 3 : 1);
      }
      j++;
    }
    return n;
  }

  private static int indexOrEnd(String text, char c, int from) {
    int index = text.indexOf(c, from);
    return index < 0 ? text.length() : index;
  }

  private static int stripTrailing(String text, int start, int end) {
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
