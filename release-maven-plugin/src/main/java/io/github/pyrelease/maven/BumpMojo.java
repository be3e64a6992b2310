package io.github.pyrelease.maven;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.bump.BumpKind;
import io.github.pyrelease.bump.BumpPlan;
import io.github.pyrelease.bump.BumpRequest;
import io.github.pyrelease.bump.MonorepoBump;
import io.github.pyrelease.bump.ProjectBump;
import io.github.pyrelease.bump.VersionBump;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.git.PushCredentials;
import io.github.pyrelease.version.PreRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Moves the Python project's version in every file that declares it (and its bump-my-version
 * files), releases the changelog's Unreleased section, then commits the changed files, creates an
 * annotated tag and, when asked, pushes both. All files change or none. On an aggregator POM it
 * bumps every Python module of the reactor the same way, in one commit with a tag per package.
 */
@Mojo(name = "bump", requiresProject = false, aggregator = true, threadSafe = true)
public class BumpMojo extends AbstractPyreleaseMojo {

  /** Skips this goal only. */
  @Parameter(property = "pyrelease.bump.skip", defaultValue = "false")
  private boolean bumpSkip;

  /** What to bump: major, minor, patch, pre, post, dev or release. */
  @Parameter(property = PyreleaseProperties.BUMP)
  private String bump;

  /** An explicit new version instead of a bump kind. */
  @Parameter(property = PyreleaseProperties.NEW_VERSION)
  private String newVersion;

  /** The pre-release kind for pre (and to start one with major, minor, patch): a, b or rc. */
  @Parameter(property = PyreleaseProperties.PRE_KIND)
  private String preKind;

  /** Allow a lower or equal version, a local label, or version sources that disagree. */
  @Parameter(property = PyreleaseProperties.FORCE, defaultValue = "false")
  private boolean force;

  /** Commit the changed files (default: the bump-my-version setting, else true). */
  @Parameter(property = PyreleaseProperties.COMMIT)
  private Boolean commit;

  /** Create an annotated tag (default: the bump-my-version setting, else true). */
  @Parameter(property = PyreleaseProperties.TAG)
  private Boolean tag;

  /** Push the branch and the tag to the branch's upstream remote. */
  @Parameter(property = PyreleaseProperties.PUSH, defaultValue = "false")
  private boolean push;

  /** Print a unified diff of every change and the git actions; change nothing. */
  @Parameter(property = PyreleaseProperties.DRY_RUN, defaultValue = "false")
  private boolean dryRun;

  /** Start CHANGELOG.md with the release's section when the project has no changelog. */
  @Parameter(property = PyreleaseProperties.CREATE_CHANGELOG, defaultValue = "false")
  private boolean createChangelog;

  /** Allow uncommitted changes in tracked files the bump does not change. */
  @Parameter(property = PyreleaseProperties.ALLOW_DIRTY)
  private Boolean allowDirty;

  /** The tag name template (default: bump-my-version's tag_name, else v{version}). */
  @Parameter(property = PyreleaseProperties.TAG_FORMAT)
  private String tagFormat;

  /**
   * The commit and tag message template (default: bump-my-version's message, else Release
   * {new_version}).
   */
  @Parameter(property = PyreleaseProperties.COMMIT_MESSAGE)
  private String commitMessage;

  /**
   * The settings.xml server whose username and password (a token) push to an https remote; without
   * it, PYRELEASE_GIT_USERNAME/PYRELEASE_GIT_PASSWORD or GITHUB_TOKEN from the environment.
   */
  @Parameter(property = PyreleaseProperties.PUSH_SERVER)
  private String pushServer;

  /** On an aggregator: bump only the modules a commit changed since their release tag. */
  @Parameter(property = PyreleaseProperties.BUMP_CHANGED_ONLY, defaultValue = "false")
  private boolean changedOnly;

  @Component private SettingsDecrypter decrypter;

  @Override
  protected String goal() {
    return "bump";
  }

  @Override
  protected boolean goalSkipped() {
    return bumpSkip;
  }

  @Override
  protected void run() {
    BumpRequest request =
        BumpRequest.of(projectDir.toPath(), kind())
            .withPreKind(preKind())
            .withForce(force)
            .withGit(commit, tag, push)
            .withAllowDirty(allowDirty)
            .withTemplates(tagFormat, commitMessage)
            .withDryRun(dryRun)
            .withCreateChangelog(createChangelog)
            .withEnvironment(System.getenv(), credentials());
    if (newVersion != null && !newVersion.isBlank()) {
      request = request.withNewVersion(newVersion);
    }
    List<Path> modules = pythonModules();
    if (!modules.isEmpty()) {
      try (MonorepoBump plan =
          MonorepoBump.plan(
              session.getTopLevelProject().getBasedir().toPath(), modules, request, changedOnly)) {
        if (dryRun) {
          plan.simulate(getLog()::info);
        } else {
          plan.execute(getLog()::info);
        }
      }
      return;
    }
    try (BumpPlan plan = ProjectBump.plan(request)) {
      if (dryRun) {
        plan.simulate(getLog()::info);
      } else {
        plan.execute(getLog()::info);
      }
    }
  }

  /**
   * The Python projects of a reactor of several modules: those of packaging python or with a
   * pyproject.toml in their project directory; none for a build of one project.
   */
  private List<Path> pythonModules() {
    List<MavenProject> projects = session.getProjects();
    if (projects == null || projects.size() < 2) {
      return List.of();
    }
    List<Path> dirs = new ArrayList<>();
    for (MavenProject module : projects) {
      String configured = module.getProperties().getProperty(PyreleaseProperties.PROJECT_DIR);
      Path dir =
          configured == null
              ? module.getBasedir().toPath()
              : module.getBasedir().toPath().resolve(configured);
      if ("python".equals(module.getPackaging())
          || Files.isRegularFile(dir.resolve("pyproject.toml"))) {
        dirs.add(dir);
      }
    }
    return dirs;
  }

  private BumpKind kind() {
    if (bump == null || bump.isBlank()) {
      return null;
    }
    return BumpKind.fromId(bump)
        .orElseThrow(
            () ->
                new PyreleaseException(
                    "unknown bump '" + bump + "'",
                    PyreleaseProperties.BUMP,
                    "choose " + BumpKind.choices()));
  }

  private PreRelease.Kind preKind() {
    if (preKind == null || preKind.isBlank()) {
      return null;
    }
    return VersionBump.preKind(preKind)
        .orElseThrow(
            () ->
                new PyreleaseException(
                    "unknown pre-release kind '" + preKind + "'",
                    PyreleaseProperties.PRE_KIND,
                    "choose a, b or rc"));
  }

  private Optional<Credentials> credentials() {
    Optional<Credentials> fromSettings =
        SettingsCredentials.forServer(
            session.getSettings(), decrypter, pushServer, PyreleaseProperties.PUSH_SERVER);
    return fromSettings.isPresent()
        ? fromSettings
        : PushCredentials.fromEnvironment(System.getenv());
  }
}
