package io.github.pyrelease.bump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bumps of several packages of one repository, checked with the git command line. */
class MonorepoBumpTest {

  @TempDir static Path jgitHome;
  @TempDir Path tmp;

  @BeforeAll
  static void isolate() {
    GitSandbox.isolateJGit(jgitHome);
  }

  @AfterAll
  static void restore() {
    GitSandbox.restoreJGit();
  }

  private Path repo;
  private List<Path> packages;

  private static void pkg(Path dir, String name, String version) {
    Projects.write(
        dir.resolve("pyproject.toml"),
        "[project]\nname = \"" + name + "\"\nversion = \"" + version + "\"\n");
    Projects.write(
        dir.resolve("CHANGELOG.md"),
        "# Changelog\n\n## [Unreleased]\n\n- work on "
            + name
            + "\n\n## ["
            + version
            + "] - 2026-10-01\n\n- first\n");
  }

  private void monorepo() throws IOException {
    repo = tmp.resolve("repo");
    GitSandbox.init(repo);
    Projects.write(repo.resolve("README.md"), "# the monorepo\n");
    pkg(repo.resolve("packages/core"), "acme-core", "1.2.0");
    pkg(repo.resolve("packages/util"), "acme-util", "0.4.0");
    pkg(repo.resolve("apps/app"), "acme-app", "2.0.0");
    GitSandbox.commitAll(repo, "Initial commit");
    packages =
        List.of(
            repo.resolve("packages/core"), repo.resolve("packages/util"), repo.resolve("apps/app"));
  }

  private List<String> run(BumpRequest request, boolean changedOnly) {
    List<String> out = new ArrayList<>();
    try (MonorepoBump bump =
        MonorepoBump.plan(repo, packages, request.withClock(Projects.CLOCK), changedOnly)) {
      if (request.dryRun()) {
        bump.simulate(out::add);
      } else {
        bump.execute(out::add);
      }
    }
    return out;
  }

  @Test
  void everyPackageIsBumpedInOneCommitWithATagPerPackage() throws Exception {
    monorepo();

    List<String> out = run(BumpRequest.of(repo, BumpKind.MINOR), false);

    assertThat(GitSandbox.git(repo, "log", "--format=%s", "-n", "2"))
        .isEqualTo("Release acme-core 1.3.0, acme-util 0.5.0, acme-app 2.1.0\nInitial commit\n");
    assertThat(GitSandbox.git(repo, "show", "--name-only", "--format=", "HEAD").lines().sorted())
        .containsExactly(
            "apps/app/CHANGELOG.md",
            "apps/app/pyproject.toml",
            "packages/core/CHANGELOG.md",
            "packages/core/pyproject.toml",
            "packages/util/CHANGELOG.md",
            "packages/util/pyproject.toml");
    assertThat(GitSandbox.git(repo, "tag", "--points-at", "HEAD").lines())
        .containsExactly("acme-app-v2.1.0", "acme-core-v1.3.0", "acme-util-v0.5.0");
    assertThat(GitSandbox.git(repo, "status", "--porcelain")).isEmpty();
    assertThat(Projects.read(repo.resolve("packages/util/pyproject.toml")))
        .contains("version = \"0.5.0\"");
    assertThat(Projects.read(repo.resolve("packages/util/CHANGELOG.md")))
        .contains("## [0.5.0] - 2026-11-25\n\n- work on acme-util");
    assertThat(out)
        .contains("  acme-core 1.2.0 → 1.3.0", "created the annotated tag acme-app-v2.1.0");
  }

  @Test
  void changedOnlyBumpsThePackagesACommitChangedSinceTheirReleaseTag() throws Exception {
    monorepo();
    GitSandbox.git(repo, "tag", "acme-core-v1.2.0");
    GitSandbox.git(repo, "tag", "acme-util-v0.4.0");
    GitSandbox.git(repo, "tag", "acme-app-v2.0.0");
    Projects.write(repo.resolve("packages/util/util.py"), "def help():\n    return 1\n");
    Projects.write(repo.resolve("README.md"), "# the monorepo, documented\n");
    GitSandbox.commitAll(repo, "util helps");

    List<String> out = run(BumpRequest.of(repo, BumpKind.PATCH), true);

    assertThat(GitSandbox.git(repo, "log", "--format=%s", "-n", "1"))
        .isEqualTo("Release acme-util 0.4.1\n");
    assertThat(GitSandbox.git(repo, "tag", "--points-at", "HEAD").strip())
        .isEqualTo("acme-util-v0.4.1");
    assertThat(Projects.read(repo.resolve("packages/core/pyproject.toml")))
        .contains("version = \"1.2.0\"");
    assertThat(out)
        .contains(
            "  not bumped: acme-core (unchanged since acme-core-v1.2.0)",
            "  not bumped: acme-app (unchanged since acme-app-v2.0.0)");
  }

  @Test
  void aFailureWhileWritingChangesNoFileOfAnyPackageAndCommitsNothing() throws Exception {
    monorepo();
    Map<String, String> before = Projects.hashes(repo);
    String head = GitSandbox.git(repo, "rev-parse", "HEAD");

    assertThatThrownBy(
            () ->
                run(
                    BumpRequest.of(repo, BumpKind.MAJOR)
                        .withFaultHook(
                            (replaced, total) -> {
                              if (replaced == 4) {
                                throw new IOException("disk full");
                              }
                            }),
                    false))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("disk full");

    assertThat(Projects.hashes(repo)).isEqualTo(before);
    assertThat(GitSandbox.git(repo, "rev-parse", "HEAD")).isEqualTo(head);
    assertThat(GitSandbox.git(repo, "tag")).isEmpty();
  }

  @Test
  void aTagThatExistsStopsTheBumpBeforeAnyFileChanges() throws Exception {
    monorepo();
    GitSandbox.git(repo, "tag", "acme-util-v0.5.0");
    Map<String, String> before = Projects.hashes(repo);

    assertThatThrownBy(() -> run(BumpRequest.of(repo, BumpKind.MINOR), false))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("the tags acme-util-v0.5.0 already exist");

    assertThat(Projects.hashes(repo)).isEqualTo(before);
  }

  @Test
  void aDryRunShowsEveryPackagesDiffAndTheGitStepsAndChangesNothing() throws Exception {
    monorepo();
    Map<String, String> before = Projects.hashes(repo);

    List<String> out = run(BumpRequest.of(repo, BumpKind.PATCH).withDryRun(true), false);

    assertThat(Projects.hashes(repo)).isEqualTo(before);
    assertThat(out)
        .contains(
            "--- a/packages/core/pyproject.toml",
            "+version = \"1.2.1\"",
            "would create the annotated tag acme-app-v2.0.1");
  }
}
