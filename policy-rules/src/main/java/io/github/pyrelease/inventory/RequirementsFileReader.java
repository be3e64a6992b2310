package io.github.pyrelease.inventory;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InvalidRequirementException;
import io.github.pyrelease.deps.InventoryReadException;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.MarkerEnvironment;
import io.github.pyrelease.deps.Origin;
import io.github.pyrelease.deps.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads requirements files in pip's syntax: {@code -r}/{@code -c} includes (relative to the
 * including file, circular ones refused), {@code \} continuations, {@code #} comments, {@code
 * ${VAR}} expansion, per-requirement options ({@code --hash}), global options, environment markers,
 * extras, {@code name @ url}, URLs and paths (named by their file name, {@code #egg=} or their
 * pyproject.toml). A requirement whose marker does not hold in the target environment is left out;
 * a constraint ({@code -c}) gives its version to an unpinned requirement of the same name.
 */
final class RequirementsFileReader {

  private static final Pattern COMMENT = Pattern.compile("(^|\\s+)#.*$");
  private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
  private static final Pattern HASH = Pattern.compile("(sha256|sha384|sha512):[0-9a-fA-F]+");
  private static final Pattern WHEEL =
      Pattern.compile("([^-/]+)-([^-/]+)(?:-\\d[^-/]*)?-[^-/]+-[^-/]+-[^-/]+\\.whl");
  private static final Pattern SDIST =
      Pattern.compile("([A-Za-z0-9._]+?)-(\\d[^-/]*?)\\.(?:tar\\.gz|zip|tar\\.bz2|tgz)");
  private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9._-]+)");

  /** Options that stand on a line of their own: with a value, or flags. */
  private static final Set<String> VALUE_OPTIONS =
      Set.of(
          "-i",
          "--index-url",
          "--extra-index-url",
          "-f",
          "--find-links",
          "--trusted-host",
          "--only-binary",
          "--no-binary",
          "--use-feature");

  private static final Set<String> FLAG_OPTIONS =
      Set.of("--no-index", "--pre", "--prefer-binary", "--require-hashes");

  /** Options that follow a requirement on its line. */
  private static final Set<String> REQUIREMENT_OPTIONS =
      Set.of("--hash", "--global-option", "--install-option", "--config-settings", "-C");

  private final InventoryFiles files;
  private final MarkerEnvironment environment;
  private final Map<String, String> variables;
  private final Path projectDir;

  private final List<String> read = new ArrayList<>();
  private final Set<Path> done = new HashSet<>();
  private final Deque<Include> stack = new ArrayDeque<>();
  private final Map<String, Dependency> requirements = new LinkedHashMap<>();
  private final Map<String, Dependency> constraints = new LinkedHashMap<>();

  private record Include(Path file, String where) {}

  RequirementsFileReader(
      InventoryFiles files,
      Path projectDir,
      MarkerEnvironment environment,
      Map<String, String> variables) {
    this.files = files;
    this.projectDir = projectDir.toAbsolutePath().normalize();
    this.environment = environment;
    this.variables = variables;
  }

  /** Reads {@code roots} and what they include, as one inventory. */
  DependencyInventory read(List<Path> roots) {
    for (Path root : roots) {
      readFile(root.toAbsolutePath().normalize(), false, null);
    }
    List<Dependency> dependencies = new ArrayList<>();
    for (Dependency dependency : requirements.values()) {
      Dependency constraint = constraints.get(dependency.normalizedName());
      if (dependency.version() == null && constraint != null && constraint.version() != null) {
        dependencies.add(
            new Dependency(
                dependency.name(),
                constraint.version(),
                dependency.requirement() + " (constrained to ==" + constraint.version() + ")",
                constraint.origin(),
                InventorySource.REQUIREMENTS));
      } else {
        dependencies.add(dependency);
      }
    }
    return new DependencyInventory(InventorySource.REQUIREMENTS, read, dependencies);
  }

  private void readFile(Path file, boolean constraint, String includedAt) {
    String shown = files.display(file);
    for (Include open : stack) {
      if (open.file().equals(file)) {
        StringBuilder chain = new StringBuilder();
        for (var it = stack.descendingIterator(); it.hasNext(); ) {
          Include include = it.next();
          if (include.where() != null) {
            chain.append(include.where()).append(" -> ");
          }
        }
        chain.append(includedAt).append(" -> ").append(shown);
        throw new InventoryReadException(
            "requirements files include each other in a circle: " + chain,
            includedAt,
            "remove the -r/-c line that leads back to " + shown);
      }
    }
    if (!done.add(file)) {
      return; // read already through another include
    }
    if (!Files.isRegularFile(file)) {
      throw new InventoryReadException(
          "the requirements file " + shown + " does not exist",
          includedAt == null ? shown : includedAt,
          includedAt == null
              ? "name an existing file"
              : "correct the path: it is relative to the file that includes it");
    }
    read.add(shown);
    stack.push(new Include(file, includedAt));
    try {
      String[] lines = files.read(file).split("\n", -1);
      for (LogicalLine line : logicalLines(lines)) {
        String text = COMMENT.matcher(line.text()).replaceAll("").strip();
        if (!text.isEmpty()) {
          readLine(
              file,
              shown + ":" + line.number(),
              new Origin(shown, line.number()),
              text,
              constraint);
        }
      }
    } finally {
      stack.pop();
    }
  }

  private record LogicalLine(int number, String text) {}

  /** Joins continuation lines as pip does: a comment line never continues. */
  private static List<LogicalLine> logicalLines(String[] lines) {
    List<LogicalLine> out = new ArrayList<>();
    StringBuilder pending = null;
    int first = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean comment = COMMENT.matcher(line).lookingAt() && line.strip().startsWith("#");
      if (!line.endsWith("\\") || comment) {
        if (comment) {
          line = " " + line;
        }
        if (pending != null) {
          out.add(new LogicalLine(first, pending.append(line).toString()));
          pending = null;
        } else {
          out.add(new LogicalLine(i + 1, line));
        }
      } else {
        if (pending == null) {
          pending = new StringBuilder();
          first = i + 1;
        }
        pending.append(line, 0, line.length() - 1);
      }
    }
    if (pending != null) {
      out.add(new LogicalLine(first, pending.toString()));
    }
    return out;
  }

  private String expand(String text) {
    Matcher m = ENV_VAR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    return m.appendTail(out).toString();
  }

  /**
   * One logical line. {@code ${VAR}}s are expanded for reading but never shown: a URL with a token
   * in it appears in reports and errors as written.
   */
  private void readLine(Path file, String where, Origin origin, String raw, boolean constraint) {
    String[] rawParts = splitRequirement(raw);
    String[] parts = splitRequirement(expand(raw));
    List<String> options = ShellWords.split(parts[1], where);
    if (parts[0].isEmpty()) {
      lineOptions(file, where, origin, options, constraint);
    } else {
      requirementOptions(where, options);
      add(requirementLine(file, where, origin, parts[0], rawParts[0], false), constraint, where);
    }
  }

  /** pip's split: the requirement is every word before the first that starts with '-'. */
  private static String[] splitRequirement(String text) {
    String[] words = text.split(" ");
    int split = 0;
    while (split < words.length && !words[split].startsWith("-")) {
      split++;
    }
    return new String[] {
      String.join(" ", java.util.Arrays.copyOfRange(words, 0, split)).strip(),
      String.join(" ", java.util.Arrays.copyOfRange(words, split, words.length))
    };
  }

  private void lineOptions(
      Path file, String where, Origin origin, List<String> options, boolean constraint) {
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      String name = option;
      String value = null;
      int eq = option.indexOf('=');
      if (option.startsWith("--") && eq > 0) {
        name = option.substring(0, eq);
        value = option.substring(eq + 1);
      } else if (!option.startsWith("--") && option.length() > 2) {
        name = option.substring(0, 2);
        value = option.substring(2);
      }
      switch (name) {
        case "-r", "--requirement", "-c", "--constraint", "-e", "--editable" -> {
          if (value == null) {
            if (i + 1 >= options.size()) {
              throw new InventoryReadException(
                  where + ": " + name + " needs a value", where, "write " + name + " <file>");
            }
            value = options.get(++i);
          }
          if (name.equals("-e") || name.equals("--editable")) {
            add(requirementLine(file, where, origin, value, value, true), constraint, where);
          } else {
            include(file, where, value, name.equals("-c") || name.equals("--constraint"));
          }
        }
        default -> {
          if (FLAG_OPTIONS.contains(name)) {
            continue;
          }
          if (VALUE_OPTIONS.contains(name)) {
            if (value == null) {
              i++;
            }
            continue;
          }
          throw new InventoryReadException(
              "'" + option + "' is not an option pip accepts in a requirements file",
              where,
              "remove it, or use one of -r, -c, -e, -i, --extra-index-url, -f, --no-index, --pre,"
                  + " --trusted-host, --prefer-binary, --require-hashes, --only-binary,"
                  + " --no-binary");
        }
      }
    }
  }

  private void include(Path file, String where, String target, boolean constraint) {
    if (target.contains("://")) {
      throw new InventoryReadException(
          "an included requirements file is a URL, and the audit reads local files only",
          where,
          "download it beside the requirements file and include the copy");
    }
    Path included =
        beside(file, target, where, "name the requirements file by its path relative to this one");
    readFile(included, constraint, where);
  }

  /** {@code target} resolved beside {@code file}; a name no file system allows is a clear error. */
  private static Path beside(Path file, String target, String where, String fix) {
    try {
      return file.getParent().resolve(target).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new InventoryReadException(
          "'" + target.replace("\0", "\\0") + "' is not a valid path: " + e.getReason(),
          where,
          fix);
    }
  }

  private static void requirementOptions(String where, List<String> options) {
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      int eq = option.indexOf('=');
      String name = eq > 0 ? option.substring(0, eq) : option;
      String value = eq > 0 ? option.substring(eq + 1) : null;
      if (!REQUIREMENT_OPTIONS.contains(name)) {
        throw new InventoryReadException(
            "'" + option + "' cannot follow a requirement",
            where,
            "after a requirement write only --hash=sha256:<hex>, --config-settings,"
                + " --global-option or --install-option");
      }
      if (value == null) {
        if (i + 1 >= options.size()) {
          throw new InventoryReadException(
              where + ": " + name + " needs a value", where, "write " + name + "=<value>");
        }
        value = options.get(++i);
      }
      if (name.equals("--hash") && !HASH.matcher(value).matches()) {
        throw new InventoryReadException(
            "'" + value + "' is not a hash pip accepts",
            where,
            "write --hash=sha256:<64 hex digits> (or sha384, sha512)");
      }
    }
  }

  /** The dependency a requirement line names, or empty for the project itself or a marker miss. */
  private Optional<Dependency> requirementLine(
      Path file, String where, Origin origin, String text, String shown, boolean editable) {
    Requirement requirement;
    try {
      requirement = Requirement.parse(text);
    } catch (InvalidRequirementException e) {
      return urlOrPath(file, where, origin, text, shown, editable, e);
    }
    if (editable && requirement.url() == null) {
      // "-e name" is not valid pip either, but a local folder named like a project is
      return urlOrPath(file, where, origin, text, shown, true, null);
    }
    if (text.endsWith(".whl") && requirement.url() == null) {
      return urlOrPath(file, where, origin, text, shown, editable, null);
    }
    if (!applies(requirement, where)) {
      return Optional.empty();
    }
    Optional<String> pin = requirement.pinnedVersion();
    if (pin.isEmpty() && requirement.url() != null) {
      pin = archiveVersion(requirement.url());
    }
    return Optional.of(
        new Dependency(
            requirement.name(), pin.orElse(null), shown, origin, InventorySource.REQUIREMENTS));
  }

  /** The version in a wheel or sdist file name at the end of {@code url}, if it is one. */
  private static Optional<String> archiveVersion(String url) {
    String fileName = url.replaceAll("[#?].*$", "");
    fileName = fileName.substring(fileName.lastIndexOf('/') + 1);
    for (Pattern archive : List.of(WHEEL, SDIST)) {
      Matcher m = archive.matcher(fileName);
      if (m.matches()) {
        return Optional.of(m.group(2));
      }
    }
    return Optional.empty();
  }

  private boolean applies(Requirement requirement, String where) {
    try {
      return requirement.appliesTo(environment, "");
    } catch (InvalidRequirementException e) {
      throw new InventoryReadException(
          "the marker '" + requirement.marker() + "' cannot be evaluated: " + e.getMessage(),
          where,
          "compare a marker variable with a quoted value, such as python_version < \"3.12\"");
    }
  }

  private Optional<Dependency> urlOrPath(
      Path file,
      String where,
      Origin origin,
      String text,
      String shown,
      boolean editable,
      InvalidRequirementException parseError) {
    String location = text;
    String marker = null;
    int semicolon = text.indexOf("; ");
    if (semicolon > 0) {
      location = text.substring(0, semicolon).strip();
      marker = text.substring(semicolon + 2).strip();
    }
    boolean url = location.contains("://") || location.startsWith("git+");
    boolean path =
        location.startsWith(".")
            || location.startsWith("/")
            || location.startsWith("~")
            || location.endsWith(".whl")
            || editable;
    if (!url && !path) {
      throw new InventoryReadException(
          "'" + shown + "' is not a requirement: " + parseError.getMessage(),
          where,
          "write a PEP 508 requirement such as name==1.2.3, name @ https://..., or a path"
              + " starting with ./");
    }
    if (marker != null) {
      Requirement probe;
      try {
        probe = Requirement.parse("x ; " + marker);
      } catch (InvalidRequirementException e) {
        throw new InventoryReadException(
            "the marker '" + marker + "' does not parse: " + e.getMessage(),
            where,
            "correct the marker after '; '");
      }
      if (!applies(probe, where)) {
        return Optional.empty();
      }
    }
    String fileName = location.replaceAll("[#?].*$", "");
    fileName = fileName.substring(fileName.lastIndexOf('/') + 1);
    Matcher wheel = WHEEL.matcher(fileName);
    if (wheel.matches()) {
      return Optional.of(
          new Dependency(
              wheel.group(1), wheel.group(2), shown, origin, InventorySource.REQUIREMENTS));
    }
    Matcher sdist = SDIST.matcher(fileName);
    if (sdist.matches()) {
      return Optional.of(
          new Dependency(
              sdist.group(1), sdist.group(2), shown, origin, InventorySource.REQUIREMENTS));
    }
    Matcher egg = EGG.matcher(location);
    if (egg.find()) {
      return Optional.of(
          new Dependency(egg.group(1), null, shown, origin, InventorySource.REQUIREMENTS));
    }
    if (!url) {
      Path dir =
          beside(
              file,
              location.replaceFirst("^file:", ""),
              where,
              "name the local project by its path relative to the requirements file");
      if (dir.toAbsolutePath().normalize().equals(projectDir)) {
        return Optional.empty(); // the project itself
      }
      Optional<String> name = DeclaredDependencyReader.projectName(files, dir);
      if (name.isPresent()) {
        return Optional.of(
            new Dependency(name.get(), null, shown, origin, InventorySource.REQUIREMENTS));
      }
    }
    throw new InventoryReadException(
        "cannot tell which project '" + shown + "' is",
        where,
        "write it as name @ <url> (or add #egg=name to the URL)");
  }

  private void add(Optional<Dependency> found, boolean constraint, String where) {
    if (found.isEmpty()) {
      return;
    }
    Dependency dependency = found.get();
    Map<String, Dependency> into = constraint ? constraints : requirements;
    Dependency earlier = into.get(dependency.normalizedName());
    if (earlier == null) {
      into.put(dependency.normalizedName(), dependency);
    } else if (!java.util.Objects.equals(earlier.version(), dependency.version())
        || earlier.version() == null && !earlier.requirement().equals(dependency.requirement())) {
      throw new InventoryReadException(
          dependency.name()
              + " is required twice, differently: '"
              + earlier.requirement()
              + "' at "
              + earlier.origin().where()
              + " and '"
              + dependency.requirement()
              + "'",
          where,
          "keep one of the two lines (pip refuses a double requirement too)");
    }
  }
}
