package io.github.pyrelease.bump;

import io.github.pyrelease.Hint;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.Setting;
import io.github.pyrelease.git.JGitReleaser;
import io.github.pyrelease.git.PushCredentials;
import io.github.pyrelease.project.BumpversionSettings;
import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.ChangelogSection;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.PythonProjectReader;
import io.github.pyrelease.project.SourceKind;
import io.github.pyrelease.project.VersionSource;
import io.github.pyrelease.version.InvalidVersionException;
import io.github.pyrelease.version.Version;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans a version bump of one Python project: reads it, computes the new version, edits every file
 * in memory (bump-my-version {@code files} rules first, then every version source the project model
 * knows that no rule touched, the lock files, the changelog), reads the edited project back to
 * prove every source now holds the new version, and checks what the git actions need. Nothing is
 * written until {@link BumpPlan#execute} runs; {@link BumpPlan#simulate} shows it all instead.
 */
public final class ProjectBump {

  static final String DEFAULT_TAG_FORMAT = "v{version}";
  static final String DEFAULT_MESSAGE = "Release {new_version}";
  private static final int MAX_LISTED = 10;

  private ProjectBump() {}

  /**
   * @throws PyreleaseException when the bump cannot be done; nothing has been changed then
   */
  public static BumpPlan plan(BumpRequest request) {
    Path projectDir = request.projectDir().toAbsolutePath().normalize();
    Optional<JGitReleaser> git = JGitReleaser.find(projectDir);
    try {
      return plan(request, projectDir, git);
    } catch (RuntimeException e) {
      git.ifPresent(JGitReleaser::close);
      throw e;
    }
  }

  private static BumpPlan plan(BumpRequest request, Path projectDir, Optional<JGitReleaser> git) {
    List<String> notes = new ArrayList<>();
    FileSetWriter writer =
        new FileSetWriter(
            git.map(g -> g.gitDir().resolve("pyrelease-bump"))
                .orElse(projectDir.resolve(".pyrelease-bump")),
            request.faultHook());
    if (request.dryRun()) {
      if (java.nio.file.Files.exists(writer.journal())) {
        notes.add(
            "an interrupted bump left its journal at "
                + writer.journal()
                + "; a real run rolls it back first, this preview shows the files as they are");
      }
    } else {
      writer.recover().ifPresent(notes::add);
    }
    PythonProjectReader reader = new PythonProjectReader();
    PythonProject project = reader.read(projectDir);
    Path root = project.root();
    refuseVcs(project);
    Version current = currentVersion(project, request);
    Version next = nextVersion(current, request);
    requireTuplesCanHold(project, next);

    Optional<BumpversionSettings> settings = reader.readBumpversionSettings(projectDir);
    ZonedDateTime now = ZonedDateTime.now(request.clock());
    Map<String, Object> base = new HashMap<>();
    base.put("now", now);
    base.put("utcnow", now.withZoneSameInstant(ZoneOffset.UTC));
    base.put("#", "#");
    base.put(";", ";");
    request.environment().forEach((k, v) -> base.put("$" + k, v));

    Map<String, EditableFile> files = new LinkedHashMap<>();
    Function<String, EditableFile> open =
        relative -> files.computeIfAbsent(relative, r -> EditableFile.read(root, r));
    String configuredNext = next.toString();
    Map<String, Object> templates = new HashMap<>(base);
    java.util.Set<String> ruleFiles = new java.util.HashSet<>();
    if (settings.isPresent()) {
      BumpversionSettings config = settings.get();
      String configuredCurrent =
          config.currentVersion() != null ? config.currentVersion() : declaredText(project);
      BumpversionRules rules = new BumpversionRules(config, root, base);
      BumpversionScheme scheme = rules.globalScheme();
      Map<String, String> nextParts = scheme.parseOrFail(next.toString(), "the new version");
      configuredNext = scheme.serialize(nextParts, base);
      requireSpells(config, configuredNext, next);
      scheme
          .parseOrFail(configuredCurrent, "current_version")
          .forEach((k, v) -> templates.put("current_" + k, v));
      nextParts.forEach((k, v) -> templates.put("new_" + k, v));
      notes.addAll(rules.apply(configuredCurrent, next.toString(), open, ruleFiles));
    }
    for (VersionSource source : project.versionSources()) {
      if (source.isLiteral()) {
        SourceRewrite.rewrite(
            open.apply(source.file()),
            source,
            source.kind() == SourceKind.BUMPVERSION ? configuredNext : next.toString(),
            next);
      }
    }
    notes.addAll(LockFiles.update(root, project.name(), next.toString(), open));

    // normalised, as the tag rules' {name} is, so that they find the tags the bump creates
    templates.put(
        "name",
        project.name() == null
            ? ""
            : io.github.pyrelease.deps.Requirement.normalizeName(project.name()));
    templates.put("version", next.toString());
    templates.put("new_version", configuredNext);
    templates.put("current_version", current.toString());
    String tagFormat =
        first(
            request.tagFormat(),
            settings.map(BumpversionSettings::tagName).orElse(null),
            DEFAULT_TAG_FORMAT);
    String tagName =
        PythonFormat.render(tagFormat, templates, "tag format '" + tagFormat + "'").strip();
    String messageFormat =
        first(
            request.message(),
            settings.map(BumpversionSettings::message).orElse(null),
            DEFAULT_MESSAGE);
    String message =
        PythonFormat.render(messageFormat, templates, "commit message '" + messageFormat + "'");

    project
        .changelogIfPresent()
        .ifPresentOrElse(
            changelog ->
                releaseChangelog(changelog, ruleFiles, open, next, tagName, request, notes),
            () -> startChangelog(root, files, next, request, notes));

    List<BumpPlan.PlannedFile> changes = new ArrayList<>();
    for (EditableFile file : files.values()) {
      if (file.isChanged()) {
        changes.add(
            new BumpPlan.PlannedFile(
                file.relative(),
                file.path(),
                file.original(),
                file.newBytes(),
                file.originalText(),
                file.text().current()));
      }
    }
    changes.sort(java.util.Comparator.comparing(BumpPlan.PlannedFile::relative));
    verify(changes, projectDir, next);

    boolean commit =
        first(request.commit(), settings.map(BumpversionSettings::commit).orElse(null), true);
    boolean tag = first(request.tag(), settings.map(BumpversionSettings::tag).orElse(null), true);
    boolean allowDirty =
        first(
            request.allowDirty(),
            settings.map(BumpversionSettings::allowDirty).orElse(null),
            false);
    BumpPlan.GitSteps steps =
        gitSteps(git, request, commit, tag, allowDirty, tagName, message, changes);
    return new BumpPlan(
        project.name(), current, next, changes, notes, writer, git.orElse(null), steps);
  }

  private static void refuseVcs(PythonProject project) {
    Optional<VersionSource> vcs =
        project.versionSources().stream().filter(s -> s.kind() == SourceKind.VCS).findFirst();
    if (vcs.isPresent()) {
      throw new PyreleaseException(
          "the version comes from git tags ("
              + vcs.get().label()
              + "): there is no version text to bump",
          vcs.get().location(),
          "create the release tag instead (git tag -a v1.2.3 -m \"Release 1.2.3\") and push it;"
              + " the build derives the version from it");
    }
  }

  private static String declaredText(PythonProject project) {
    return project.declaredSource().map(VersionSource::text).orElseThrow();
  }

  /** The declared version; the literal sources must agree with it unless forced. */
  private static Version currentVersion(PythonProject project, BumpRequest request) {
    VersionSource declared =
        project
            .declaredSource()
            .orElseThrow(
                () ->
                    new PyreleaseException(
                        "the project declares no version text to bump",
                        project.root().toString(),
                        "declare the version, such as version = \"0.1.0\" under [project]"));
    Version current;
    try {
      current = Version.parse(declared.text());
    } catch (InvalidVersionException e) {
      throw new PyreleaseException(
          declared.label() + " is '" + declared.text() + "', not a PEP 440 version: " + e.reason(),
          declared.location(),
          "correct it first (pyrelease version normalize shows the valid spelling)");
    }
    List<String> disagree = new ArrayList<>();
    for (VersionSource source : project.versionSources()) {
      if (source.isLiteral()
          && !Version.tryParse(source.text()).map(current::equals).orElse(false)) {
        disagree.add(source.location() + " " + source.label() + " = " + source.text());
      }
    }
    if (!disagree.isEmpty() && !request.force()) {
      throw PyreleaseException.hinted(
          "the version sources disagree: "
              + declared.label()
              + " is "
              + declared.text()
              + " but "
              + list(disagree),
          declared.location(),
          Hint.of(
              "make them agree first (pyrelease check shows them all), or force the bump (",
              Setting.FORCE.is("true"),
              ") to write the new version into every one"));
    }
    return current;
  }

  private static Version nextVersion(Version current, BumpRequest request) {
    if ((request.kind() == null) == (request.newVersion() == null)) {
      throw PyreleaseException.hinted(
          request.kind() == null
              ? "no bump given: say which part to bump or which version to move to"
              : "both a bump kind and a new version are given",
          null,
          Hint.of(
              "pass one of ",
              Setting.BUMP.is(BumpKind.choices().replace(", ", "|")),
              " or ",
              Setting.NEW_VERSION.is("X.Y.Z")));
    }
    Version next;
    if (request.newVersion() != null) {
      try {
        next = Version.parse(request.newVersion());
      } catch (InvalidVersionException e) {
        throw new PyreleaseException(
            "the new version '"
                + request.newVersion()
                + "' is not a PEP 440 version: "
                + e.reason(),
            "pyrelease.newVersion",
            "pass a version such as 2.0.0, 2.0.0rc1 or 2.0.0.post1");
      }
      if (request.preKind() != null) {
        throw new PyreleaseException(
            "a pre-release kind does not apply to an explicit new version",
            "pyrelease.preKind",
            "write the pre-release into the version, such as 2.0.0rc1");
      }
      if (next.isLocal() && !request.force()) {
        throw new PyreleaseException(
            "the new version " + next + " has a local label, which package indexes refuse",
            "pyrelease.newVersion",
            "drop the +label, or force the bump");
      }
    } else {
      next = VersionBump.next(current, request.kind(), request.preKind());
    }
    if (next.compareTo(current) <= 0 && !request.force()) {
      String how = next.equals(current) ? "equal to" : "lower than";
      throw PyreleaseException.hinted(
          "the new version " + next + " is " + how + " the current version " + current,
          null,
          Hint.of("bump to a higher version, or force the bump (", Setting.FORCE.is("true"), ")"));
    }
    return next;
  }

  private static void requireTuplesCanHold(PythonProject project, Version next) {
    boolean releaseOnly =
        next.pre().isEmpty()
            && next.post().isEmpty()
            && next.dev().isEmpty()
            && !next.isLocal()
            && next.epoch().signum() == 0;
    for (VersionSource source : project.versionSources()) {
      if (SourceRewrite.isTuple(source) && !releaseOnly) {
        throw new PyreleaseException(
            source.label() + " holds only release numbers and cannot hold " + next,
            source.location(),
            "keep the version as a string (__version__ = \"...\") beside or instead of the tuple,"
                + " or bump to a final release");
      }
    }
  }

  private static void requireSpells(BumpversionSettings config, String spelled, Version next) {
    if (!Version.tryParse(spelled).map(next::equals).orElse(false)) {
      throw new PyreleaseException(
          "the bumpversion parse/serialize settings spell the new version "
              + next
              + " as '"
              + spelled
              + "', which is not the same version",
          config.where(),
          "extend parse and serialize to hold it, for example parse ="
              + " \"(?P<major>\\\\d+)\\\\.(?P<minor>\\\\d+)\\\\.(?P<patch>\\\\d+)(?:(?P<pre_l>a|b|rc)(?P<pre_n>\\\\d+))?\""
              + " with serialize = [\"{major}.{minor}.{patch}{pre_l}{pre_n}\","
              + " \"{major}.{minor}.{patch}\"]");
    }
  }

  /** With {@code createChangelog}, a project that kept no changelog gets one. */
  private static void startChangelog(
      Path root,
      Map<String, EditableFile> files,
      Version next,
      BumpRequest request,
      List<String> notes) {
    if (!request.createChangelog()) {
      return;
    }
    String file = ChangelogRelease.STARTED_FILE;
    boolean release = !next.isDevRelease();
    files.put(
        file,
        EditableFile.created(
            root,
            file,
            ChangelogRelease.started(next.toString(), release, LocalDate.now(request.clock()))));
    notes.add(
        "started "
            + file
            + (release
                ? " with a dated section for " + next + " (Keep a Changelog)"
                : " with an empty Unreleased section"));
  }

  private static void releaseChangelog(
      Changelog changelog,
      java.util.Set<String> ruleFiles,
      Function<String, EditableFile> open,
      Version next,
      String tagName,
      BumpRequest request,
      List<String> notes) {
    String file = changelog.file();
    if (ruleFiles.contains(file)) {
      notes.add(
          file + " is changed by the bumpversion files configuration; its sections are left to it");
      return;
    }
    if (next.isDevRelease()) {
      notes.add(file + " is left as it is: a development version is not a release");
      return;
    }
    Optional<ChangelogSection> marked =
        changelog.sections().stream()
            .filter(s -> s.isMarkedUnreleased() && Version.same(s.version(), next.toString()))
            .findFirst();
    if (marked.isPresent()) {
      notes.addAll(
          ChangelogRelease.releaseMarked(
              open.apply(file), marked.get(), LocalDate.now(request.clock())));
      return;
    }
    String lower = file.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".md") && !lower.endsWith(".markdown")) {
      notes.add(file + " is not Markdown; add the release section yourself");
      return;
    }
    notes.addAll(
        ChangelogRelease.release(
            open.apply(file), next.toString(), tagName, LocalDate.now(request.clock())));
  }

  /** Reads the planned tree back: every literal source must now hold the new version. */
  private static void verify(List<BumpPlan.PlannedFile> changes, Path projectDir, Version next) {
    Map<Path, byte[]> planned = new HashMap<>();
    changes.forEach(c -> planned.put(c.path().toAbsolutePath().normalize(), c.after()));
    PythonProject after = PythonProjectReader.overlaying(planned).read(projectDir);
    List<String> wrong = new ArrayList<>();
    for (VersionSource source : after.versionSources()) {
      if (source.isLiteral() && !Version.tryParse(source.text()).map(next::equals).orElse(false)) {
        wrong.add(source.location() + " " + source.label() + " = " + source.text());
      }
    }
    if (!wrong.isEmpty()) {
      throw new PyreleaseException(
          "after the planned changes these version sources would not hold "
              + next
              + ": "
              + list(wrong),
          projectDir.toString(),
          "check the bumpversion files rules for those files; nothing was changed");
    }
  }

  private static BumpPlan.GitSteps gitSteps(
      Optional<JGitReleaser> git,
      BumpRequest request,
      boolean commit,
      boolean tag,
      boolean allowDirty,
      String tagName,
      String message,
      List<BumpPlan.PlannedFile> changes) {
    if (!commit && !tag && !request.push()) {
      return BumpPlan.GitSteps.NONE;
    }
    if (!commit) {
      throw PyreleaseException.hinted(
          (tag ? "a tag" : "a push")
              + " without the commit would release the version before the bump",
          Setting.COMMIT.property(),
          Hint.of(
              "keep the commit on, or turn off the tag and push too (",
              Setting.TAG.is("false"),
              ")"));
    }
    if (git.isEmpty()) {
      throw PyreleaseException.hinted(
          "the project is not in a git repository, so the bump cannot be committed and tagged",
          request.projectDir().toString(),
          Hint.of(
              "run git init and commit the project first, or bump the files only with ",
              Setting.COMMIT.is("false"),
              " ",
              Setting.TAG.is("false")));
    }
    JGitReleaser repo = git.get();
    if (!repo.hasCommits()) {
      throw PyreleaseException.hinted(
          "the git repository has no commits yet, so there is nothing to tag on",
          repo.workTree().toString(),
          Hint.of(
              "commit the project first (git add -A && git commit -m \"Initial commit\"), then"
                  + " bump; or bump the files only with ",
              Setting.COMMIT.is("false"),
              " ",
              Setting.TAG.is("false")));
    }
    String branch =
        repo.branch()
            .orElseThrow(
                () ->
                    new PyreleaseException(
                        "HEAD is detached: a release commit would belong to no branch",
                        repo.workTree().toString(),
                        "check out the release branch first (git switch main)"));
    if (tag && repo.tagExists(tagName)) {
      throw new PyreleaseException(
          "the tag " + tagName + " already exists",
          repo.workTree().toString(),
          "bump to another version, or delete the tag if it was made by mistake (git tag -d "
              + tagName
              + ")");
    }
    List<String> paths = changes.stream().map(c -> repo.relative(c.path())).toList();
    if (!allowDirty) {
      Set<String> others = new TreeSet<>(repo.changedTrackedFiles());
      paths.forEach(others::remove);
      if (!others.isEmpty()) {
        throw PyreleaseException.hinted(
            "the work tree has uncommitted changes in files the bump does not change: "
                + list(new ArrayList<>(others)),
            repo.workTree().toString(),
            Hint.of(
                "commit or stash them first, or allow it (", Setting.ALLOW_DIRTY.is("true"), ")"));
      }
    }
    var person = repo.identity();
    JGitReleaser.PushTarget target = null;
    if (request.push()) {
      target = repo.pushTarget(branch);
      boolean local = !target.uri().isRemote();
      if (!local && !PushCredentials.takesCredentials(target.uri())) {
        throw new PyreleaseException(
            "pushing to " + target.shownUri() + " needs ssh, which pyrelease does not speak",
            target.remote(),
            "use an https remote with a token (settings.xml server, PYRELEASE_GIT_USERNAME and"
                + " PYRELEASE_GIT_PASSWORD, or GITHUB_TOKEN), or bump without push and run git"
                + " push --follow-tags yourself");
      }
    }
    return new BumpPlan.GitSteps(
        true,
        paths,
        message,
        tag ? tagName : null,
        branch,
        person,
        target,
        request.pushCredentials());
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    throw new IllegalStateException("no default");
  }

  private static String list(List<String> items) {
    String shown = items.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
    return items.size() > MAX_LISTED
        ? shown + " and " + (items.size() - MAX_LISTED) + " more"
        : shown;
  }
}
