package io.github.pyrelease.bump;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.deps.Requirement;
import io.github.pyrelease.git.JGitReleaser;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.PythonProjectReader;
import io.github.pyrelease.version.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A bump of several packages of one repository as one change: each package's files are planned as
 * {@link ProjectBump} plans them, then every file of every package is written by one {@link
 * FileSetWriter} (all or none), committed in one commit and tagged once per package with {@value
 * #DEFAULT_TAG_FORMAT} ({@code {name}} normalised, as the tag rules read it). One tag per package,
 * not one for the lot: the packages release independent versions, and the rules that look for a
 * release tag ({@code tag-free}, {@code tag-matches}) find each package's own. Holds the repository
 * open: close it.
 */
public final class MonorepoBump implements AutoCloseable {

  /** Each package's tag: its name and version, as monorepo tools (changesets, release-please). */
  public static final String DEFAULT_TAG_FORMAT = "{name}-v{version}";

  /**
   * One package's part of the bump.
   *
   * @param dir its directory, relative to the repository's work tree (or the root without git)
   * @param tag the tag it gets, or {@code null} when the bump does not tag
   */
  public record Member(
      String name,
      String dir,
      Version current,
      Version next,
      String tag,
      List<BumpPlan.PlannedFile> files) {}

  private final List<Member> members;
  private final List<String> unchanged;
  private final List<String> notes;
  private final JGitReleaser git;
  private final FileSetWriter writer;
  private final boolean commit;
  private final List<String> paths;

  private MonorepoBump(
      List<Member> members,
      List<String> unchanged,
      List<String> notes,
      JGitReleaser git,
      FileSetWriter writer,
      boolean commit,
      List<String> paths) {
    this.members = List.copyOf(members);
    this.unchanged = List.copyOf(unchanged);
    this.notes = List.copyOf(notes);
    this.git = git;
    this.writer = writer;
    this.commit = commit;
    this.paths = List.copyOf(paths);
  }

  /**
   * Plans the bump {@code request} describes (its project directory is ignored) for each of {@code
   * projects}.
   *
   * @param root the monorepo's top directory (the aggregator's)
   * @param changedOnly bump only the packages a commit changed since their last release tag (a
   *     package without one counts as changed)
   * @throws PyreleaseException when a package cannot be bumped, or the repository refuses the
   *     commit or a tag; nothing has been changed then
   */
  public static MonorepoBump plan(
      Path root, List<Path> projects, BumpRequest request, boolean changedOnly) {
    Path top = root.toAbsolutePath().normalize();
    JGitReleaser git = JGitReleaser.find(top).orElse(null);
    try {
      return plan(top, projects, request, changedOnly, git);
    } catch (RuntimeException e) {
      if (git != null) {
        git.close();
      }
      throw e;
    }
  }

  private static MonorepoBump plan(
      Path root, List<Path> projects, BumpRequest request, boolean changedOnly, JGitReleaser git) {
    boolean commit = request.commit() == null || request.commit();
    boolean tag = request.tag() == null || request.tag();
    String tagFormat = request.tagFormat() == null ? DEFAULT_TAG_FORMAT : request.tagFormat();
    if (request.push()) {
      throw new PyreleaseException(
          "a monorepo bump does not push: it makes one commit and a tag per package",
          "pyrelease.push",
          "push them yourself after the bump: git push --follow-tags");
    }
    if (tag && !commit) {
      throw new PyreleaseException(
          "tags without the commit would release the versions before the bump",
          "pyrelease.commit",
          "keep the commit on, or turn the tags off too (-Dpyrelease.tag=false)");
    }
    if ((commit || changedOnly) && git == null) {
      throw new PyreleaseException(
          root
              + " is not in a git repository, so the bump cannot be "
              + (changedOnly ? "limited to changed packages" : "committed and tagged"),
          root.toString(),
          "run git init and commit the packages first, or bump the files only with"
              + " -Dpyrelease.commit=false -Dpyrelease.tag=false");
    }
    List<Member> members = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    PythonProjectReader reader = new PythonProjectReader();
    for (Path project : projects) {
      Path dir = project.toAbsolutePath().normalize();
      String relative = git != null ? git.relative(dir) : root.relativize(dir).toString();
      if (changedOnly) {
        PythonProject read = reader.read(dir);
        String lastTag =
            read.declaredSource()
                .map(s -> tagName(tagFormat, read.name(), s.text(), s.text()))
                .orElse(null);
        if (lastTag != null && git.tagExists(lastTag) && !git.changedSince(lastTag, relative)) {
          unchanged.add(read.name() + " (unchanged since " + lastTag + ")");
          continue;
        }
      }
      try (BumpPlan plan =
          ProjectBump.plan(
              request
                  .withProjectDir(dir)
                  .withGit(false, false, false)
                  .withTemplates(tagFormat, null))) {
        String name = plan.name();
        plan.notes().forEach(n -> notes.add(name + ": " + n));
        members.add(
            new Member(
                name,
                relative,
                plan.current(),
                plan.next(),
                tag
                    ? tagName(tagFormat, name, plan.next().toString(), plan.current().toString())
                    : null,
                plan.files()));
      }
    }
    if (members.isEmpty()) {
      throw new PyreleaseException(
          "no package to bump: " + String.join(", ", unchanged),
          root.toString(),
          "commit a change to a package first, or bump every package (without"
              + " -Dpyrelease.bump.changedOnly)");
    }
    List<String> paths = new ArrayList<>();
    for (Member member : members) {
      for (BumpPlan.PlannedFile file : member.files()) {
        paths.add(
            git != null ? git.relative(file.path()) : root.relativize(file.path()).toString());
      }
    }
    if (commit) {
      requireCommittable(git, members, paths, request);
    }
    FileSetWriter writer =
        new FileSetWriter(
            git != null ? git.gitDir().resolve("pyrelease-bump") : root.resolve(".pyrelease-bump"),
            request.faultHook());
    return new MonorepoBump(members, unchanged, notes, git, writer, commit, paths);
  }

  private static String tagName(String format, String name, String version, String current) {
    return PythonFormat.render(
            format,
            Map.of(
                "name", name == null ? "" : Requirement.normalizeName(name),
                "version", version,
                "new_version", version,
                "current_version", current),
            "tag format '" + format + "'")
        .strip();
  }

  private static void requireCommittable(
      JGitReleaser git, List<Member> members, List<String> paths, BumpRequest request) {
    if (!git.hasCommits()) {
      throw new PyreleaseException(
          "the git repository has no commits yet, so there is nothing to tag on",
          git.workTree().toString(),
          "commit the packages first (git add -A && git commit -m \"Initial commit\")");
    }
    if (git.branch().isEmpty()) {
      throw new PyreleaseException(
          "HEAD is detached: a release commit would belong to no branch",
          git.workTree().toString(),
          "check out the release branch first (git switch main)");
    }
    List<String> taken =
        members.stream().map(Member::tag).filter(t -> t != null && git.tagExists(t)).toList();
    if (!taken.isEmpty()) {
      throw new PyreleaseException(
          "the tags " + String.join(", ", taken) + " already exist",
          git.workTree().toString(),
          "bump to other versions, or delete tags made by mistake (git tag -d NAME)");
    }
    if (request.allowDirty() == null || !request.allowDirty()) {
      Set<String> others = new TreeSet<>(git.changedTrackedFiles());
      paths.forEach(others::remove);
      if (!others.isEmpty()) {
        throw new PyreleaseException(
            "the work tree has uncommitted changes in files the bump does not change: "
                + String.join(", ", others),
            git.workTree().toString(),
            "commit or stash them first, or allow it (-Dpyrelease.allowDirty=true)");
      }
    }
    git.identity(); // fails now, before any file changes, when git does not know who commits
  }

  public List<Member> members() {
    return members;
  }

  /** The packages left out because nothing changed since their release tag. */
  public List<String> unchanged() {
    return unchanged;
  }

  /** Prints what the bump would do; changes nothing. */
  public void simulate(Consumer<String> out) {
    out.accept(headline() + " (dry run: nothing is changed)");
    report(out);
    for (Member member : members) {
      for (BumpPlan.PlannedFile file : member.files()) {
        String shown =
            member.dir().isEmpty() ? file.relative() : member.dir() + "/" + file.relative();
        UnifiedDiff.of(shown, file.beforeText(), file.afterText()).lines().forEach(out);
      }
    }
    if (commit) {
      out.accept("would commit " + String.join(", ", paths) + " with message: " + message());
      tags().forEach(t -> out.accept("would create the annotated tag " + t));
    }
  }

  /** Writes every file of every package or none, then makes one commit and the tags. */
  public void execute(Consumer<String> out) {
    out.accept(headline());
    report(out);
    List<FileSetWriter.Change> changes = new ArrayList<>();
    members.forEach(
        m ->
            m.files()
                .forEach(
                    f -> changes.add(new FileSetWriter.Change(f.path(), f.before(), f.after()))));
    writer.write(changes);
    out.accept("updated " + changes.size() + " file(s) of " + members.size() + " package(s)");
    if (!commit) {
      return;
    }
    var person = git.identity();
    var created = git.commit(paths, message(), person);
    out.accept("committed as " + created.abbreviate(7).name() + ": " + message());
    for (Member member : members) {
      if (member.tag() != null) {
        git.tag(member.tag(), "Release " + member.name() + " " + member.next(), created, person);
        out.accept("created the annotated tag " + member.tag());
      }
    }
  }

  private void report(Consumer<String> out) {
    members.forEach(m -> out.accept("  " + m.name() + " " + m.current() + " → " + m.next()));
    unchanged.forEach(u -> out.accept("  not bumped: " + u));
    notes.forEach(n -> out.accept("note: " + n));
  }

  private List<String> tags() {
    return members.stream().map(Member::tag).filter(t -> t != null).toList();
  }

  /** One line that names every release, as {@code git log --oneline} shows it. */
  String message() {
    return "Release "
        + members.stream().map(m -> m.name() + " " + m.next()).collect(Collectors.joining(", "));
  }

  private String headline() {
    return "pyrelease: bump " + members.size() + " package(s) in one commit";
  }

  @Override
  public void close() {
    if (git != null) {
      git.close();
    }
  }
}
