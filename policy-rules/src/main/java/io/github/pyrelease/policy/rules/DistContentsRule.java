package io.github.pyrelease.policy.rules;

import io.github.pyrelease.dist.ArchiveEntry;
import io.github.pyrelease.dist.ArchiveProblem;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.DistributionKind;
import io.github.pyrelease.dist.EntryType;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.text.Glob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What ships is only what should: no secrets or caches (forbidden globs), no tests or docs at a
 * wheel's top level, no absolute or {@code ..} paths, links, device files or duplicate members,
 * nothing outside the package, and no archive that expands out of all proportion (zip bombs). A
 * damaged archive is a finding here, never a crash.
 */
public final class DistContentsRule extends AbstractRule {

  public static final RuleOption<List<Glob>> FORBID =
      RuleOption.globs(
          "forbid",
          List.of(
              "**/.env",
              "**/*.pem",
              "**/*.key",
              "**/*.p12",
              "**/*.pfx",
              "**/id_rsa",
              "**/id_dsa",
              "**/id_ecdsa",
              "**/id_ed25519",
              "**/.pypirc",
              "**/.netrc",
              "**/.git/**",
              "**/.hg/**",
              "**/.svn/**",
              "**/__pycache__/**",
              "**/*.py[co]",
              "**/.DS_Store",
              "**/.venv/**",
              "**/.tox/**",
              "**/.nox/**"),
          "paths no distribution may contain (relative to the wheel's root or the sdist's top"
              + " directory)");

  public static final RuleOption<List<Glob>> WHEEL_FORBID =
      RuleOption.globs(
          "wheel-forbid",
          List.of(
              "tests/**",
              "test/**",
              "docs/**",
              "doc/**",
              "examples/**",
              "example/**",
              "src/**",
              "build/**",
              "dist/**"),
          "paths a wheel may not contain: top-level directories that tests, docs or a"
              + " mis-packaged src layout leave in by mistake (sdists keep them)");

  public static final RuleOption<Long> MAX_TOTAL_SIZE =
      RuleOption.integer(
          "max-total-size",
          4L << 30,
          "the most bytes a distribution may unpack to (default 4 GiB)");

  public static final RuleOption<Long> MAX_COMPRESSION_RATIO =
      RuleOption.integer(
          "max-compression-ratio",
          100,
          "the most a wheel member of 1 MiB or more may expand over its stored size (zip bombs)");

  private static final long RATIO_FLOOR = 1L << 20;
  // compiled once: unsafe() runs for every member of every distribution
  private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:.*");
  private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");
  private static final Set<String> DATA_SCHEMES =
      Set.of("purelib", "platlib", "headers", "scripts", "data");

  private final List<Glob> forbid;
  private final List<Glob> wheelForbid;
  private final long maxTotal;
  private final long maxRatio;

  public DistContentsRule() {
    this(RuleOptions.defaults());
  }

  public DistContentsRule(RuleOptions options) {
    super(
        "dist-contents",
        Stage.DIST,
        Level.ERROR,
        "distributions hold no secrets, caches, stray tests, unsafe paths, links or zip bombs");
    this.forbid = options.get(FORBID);
    this.wheelForbid = options.get(WHEEL_FORBID);
    this.maxTotal = options.get(MAX_TOTAL_SIZE);
    this.maxRatio = options.get(MAX_COMPRESSION_RATIO);
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(FORBID, WHEEL_FORBID, MAX_TOTAL_SIZE, MAX_COMPRESSION_RATIO);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    return Dists.each(
        facts.distributions(), "contents", d -> d.kind() != DistributionKind.OTHER, this::check);
  }

  private void check(Distribution d, List<Finding> findings) {
    for (ArchiveProblem problem : d.problems()) {
      findings.add(
          Finding.of(
              d.fileName() + ":" + problem.key(),
              d.fileName() + " " + problem.message(),
              List.of(Dists.at(d, problem.key())),
              "rebuild the distribution; if it was built here, the disk or the build is broken"));
    }
    Set<String> seen = new HashSet<>();
    Set<String> roots = new LinkedHashSet<>();
    long total = 0;
    for (ArchiveEntry e : d.entries()) {
      total += e.size();
      String name = Dists.stripDot(e.name());
      if (!seen.add(name)) {
        findings.add(
            problem(
                d,
                e,
                "duplicate",
                "appears twice in the archive",
                "rebuild: installers keep one copy and may pick either"));
      }
      if (e.nameProblem() != null) {
        findings.add(
            problem(
                d,
                e,
                "name",
                e.nameProblem(),
                "rename the file with UTF-8 characters and rebuild"));
      }
      if (unsafe(name)) {
        findings.add(
            problem(
                d,
                e,
                "path",
                "is an absolute path or climbs out with '..'",
                "rebuild; extractors refuse such members (and some follow them out of the target)"));
        continue;
      }
      links(d, e, name, findings);
      if (e.readProblem() != null && e.readProblem().contains("bomb")) {
        findings.add(problem(d, e, "bomb", e.readProblem(), "do not publish this archive"));
      } else if (d.isWheel()
          && e.compressedSize() >= 0
          && e.size() >= RATIO_FLOOR
          && e.size() > Math.max(e.compressedSize(), 1) * maxRatio) {
        findings.add(
            problem(
                d,
                e,
                "ratio",
                "expands "
                    + (e.size() / Math.max(e.compressedSize(), 1))
                    + ":1 ("
                    + e.compressedSize()
                    + " bytes stored, "
                    + e.size()
                    + " unpacked), more than "
                    + maxRatio
                    + ":1",
                "do not ship data that compresses this well (a zip bomb, or padding); raise max-compression-ratio if it is intended"));
      }
      String relative = d.isWheel() ? name : withoutRoot(name, roots);
      if (relative == null || relative.isEmpty() || e.type() == EntryType.DIRECTORY) {
        continue;
      }
      forbidden(d, e, relative, forbid, "forbid", findings);
      if (d.isWheel()) {
        forbidden(d, e, relative, wheelForbid, "wheel-forbid", findings);
        outsidePackage(d, e, relative, findings);
      }
    }
    if (total > maxTotal) {
      findings.add(
          Finding.of(
              d.fileName() + ":total-size",
              d.fileName()
                  + " unpacks to "
                  + total
                  + " bytes, more than the "
                  + maxTotal
                  + " allowed",
              List.of(Dists.at(d, total + " bytes unpacked")),
              "ship less, or raise max-total-size if a distribution this large is intended"));
    }
    if (d.isSdist()) {
      sdistLayout(d, roots, findings);
    }
  }

  private static String withoutRoot(String name, Set<String> roots) {
    int slash = name.indexOf('/');
    roots.add(slash < 0 ? name : name.substring(0, slash));
    return slash < 0 ? null : name.substring(slash + 1);
  }

  private static void sdistLayout(Distribution d, Set<String> roots, List<Finding> findings) {
    if (roots.size() > 1) {
      findings.add(
          Finding.of(
              d.fileName() + ":roots",
              d.fileName()
                  + " has "
                  + roots.size()
                  + " top-level members "
                  + roots
                  + "; an sdist has one top-level directory",
              List.of(Dists.at(d, String.join(", ", roots))),
              "rebuild the sdist with a PEP 517 backend"));
    }
    String root = roots.isEmpty() ? "" : roots.iterator().next();
    boolean pyproject =
        d.entries().stream()
            .anyMatch(e -> Dists.stripDot(e.name()).equals(root + "/pyproject.toml"));
    if (d.readable() && !roots.isEmpty() && !pyproject) {
      findings.add(
          Finding.styleOnly(
              d.fileName() + ":no-pyproject",
              d.fileName() + " has no " + root + "/pyproject.toml, which the sdist format requires",
              List.of(Dists.at(d, root + "/")),
              "add a pyproject.toml with a [build-system] table to the project"));
    }
  }

  private static void links(Distribution d, ArchiveEntry e, String name, List<Finding> findings) {
    if (e.type() == EntryType.SPECIAL) {
      findings.add(
          problem(d, e, "special", "is a device file or FIFO", "remove it from the project"));
    } else if (e.type() == EntryType.SYMLINK || e.type() == EntryType.HARDLINK) {
      String kind = e.type() == EntryType.SYMLINK ? "symbolic link" : "hard link";
      if (d.isWheel()) {
        findings.add(
            problem(
                d,
                e,
                "link",
                "is a " + kind + "; installers write links in wheels as plain files",
                "replace the link with the file it points to"));
      } else if (e.linkTarget() == null || escapes(name, e.linkTarget(), e.type())) {
        findings.add(
            problem(
                d,
                e,
                "link",
                "is a " + kind + " to '" + e.linkTarget() + "', outside the sdist",
                "replace the link with the file it points to"));
      }
    }
  }

  /** Whether a link at {@code name} to {@code target} resolves outside the archive's root. */
  static boolean escapes(String name, String target, EntryType type) {
    if (target.startsWith("/") || target.matches("[A-Za-z]:.*")) {
      return true;
    }
    List<String> path = new ArrayList<>();
    String[] base = name.split("/");
    if (type == EntryType.SYMLINK) {
      for (int i = 0; i < base.length - 1; i++) {
        path.add(base[i]);
      }
    }
    for (String part : target.split("/")) {
      if (part.equals("..")) {
        if (path.size() <= 1) {
          return true; // would leave the sdist's top directory
        }
        path.remove(path.size() - 1);
      } else if (!part.isEmpty() && !part.equals(".")) {
        path.add(part);
      }
    }
    return false;
  }

  private void forbidden(
      Distribution d,
      ArchiveEntry e,
      String relative,
      List<Glob> globs,
      String option,
      List<Finding> findings) {
    for (Glob glob : globs) {
      if (glob.matches(relative)) {
        findings.add(
            problem(
                d,
                e,
                "forbidden",
                "matches the forbidden pattern '" + glob + "' (" + id() + " option " + option + ")",
                "exclude it from the build (MANIFEST.in, [tool.hatch.build] exclude, .gitignore),"
                    + " or change the rule's "
                    + option
                    + " option if it belongs there"));
        return;
      }
    }
  }

  private static void outsidePackage(
      Distribution d, ArchiveEntry e, String name, List<Finding> findings) {
    int slash = name.indexOf('/');
    String top = slash < 0 ? name : name.substring(0, slash);
    if (top.endsWith(".data") && slash > 0) {
      String rest = name.substring(slash + 1);
      String scheme = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
      if (!DATA_SCHEMES.contains(scheme)) {
        findings.add(
            problem(
                d,
                e,
                "data-scheme",
                "is under "
                    + top
                    + "/"
                    + scheme
                    + "/, which is not purelib, platlib, headers, scripts or data",
                "move it to one of those directories"));
      }
      return;
    }
    if (slash < 0) {
      String lower = name.toLowerCase(Locale.ROOT);
      boolean module =
          lower.endsWith(".py")
              || lower.endsWith(".pyi")
              || lower.endsWith(".pth")
              || lower.endsWith(".so")
              || lower.endsWith(".pyd")
              || lower.endsWith(".dylib");
      if (!module) {
        findings.add(
            problem(
                d,
                e,
                "outside-package",
                "sits at the top of the wheel, outside any package, so installing it puts it straight into site-packages",
                "move it into the package (or drop it: README and LICENSE belong in .dist-info)"));
      }
    }
  }

  private static boolean unsafe(String name) {
    // the character checks first: this runs for every member of every distribution
    if (name.startsWith("/")
        || name.startsWith("\\")
        || name.length() > 1 && name.charAt(1) == ':' && DRIVE.matcher(name).matches()) {
      return true;
    }
    if (!name.contains("..")) {
      return false;
    }
    for (String part : SEPARATORS.split(name)) {
      if (part.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private static Finding problem(
      Distribution d, ArchiveEntry e, String kind, String what, String fix) {
    return Finding.of(
        d.fileName() + ":" + kind + ":" + e.name(),
        e.name() + " in " + d.fileName() + " " + what,
        List.of(
            Dists.inside(
                d,
                e.name(),
                0,
                e.type().name().toLowerCase(Locale.ROOT) + ", " + e.size() + " bytes")),
        fix);
  }
}
