package io.github.pyrelease.bump;

import static io.github.pyrelease.bump.GitSandbox.git;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bumps in real git repositories, checked with the git command line. */
class ProjectBumpGitTest {

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

  private static List<String> run(BumpRequest request) {
    List<String> out = new ArrayList<>();
    try (BumpPlan plan = ProjectBump.plan(request.withClock(Projects.CLOCK))) {
      if (request.dryRun()) {
        plan.simulate(out::add);
      } else {
        plan.execute(out::add);
      }
    }
    return out;
  }

  private Path repoWithExample() throws Exception {
    Path repo = tmp.resolve("repo");
    GitSandbox.init(repo);
    Projects.example(repo);
    GitSandbox.commitAll(repo, "Initial commit");
    return repo;
  }

  @Test
  void aStartedChangelogIsCommittedWithTheRelease() throws Exception {
    Path repo = tmp.resolve("repo");
    GitSandbox.init(repo);
    Projects.example(repo);
    java.nio.file.Files.delete(repo.resolve("CHANGELOG.md"));
    GitSandbox.commitAll(repo, "Initial commit");

    run(BumpRequest.of(repo, BumpKind.MAJOR).withCreateChangelog(true));

    assertThat(git(repo, "status", "--porcelain")).isEmpty();
    assertThat(git(repo, "show", "--name-status", "--format=", "HEAD").lines().sorted().toList())
        .containsExactly("A\tCHANGELOG.md", "M\tpyproject.toml", "M\tsrc/acme_greeter/__init__.py");
    assertThat(git(repo, "show", "v2.0.0:CHANGELOG.md")).contains("## [2.0.0] - 2026-11-25\n");
  }

  @Test
  void fullBumpCommitsTagsAndPushesToTheUpstream() throws Exception {
    Path repo = repoWithExample();
    Path origin = GitSandbox.addOrigin(repo, tmp.resolve("origin.git"));

    List<String> out = run(BumpRequest.of(repo, BumpKind.MINOR).withGit(null, null, true));

    assertThat(out.get(0)).isEqualTo("pyrelease: bump acme-greeter 1.4.0 → 1.5.0");
    assertThat(Projects.read(repo.resolve("pyproject.toml")))
        .contains("version = \"1.5.0\"  # bumped by pyrelease");
    assertThat(Projects.read(repo.resolve("src/acme_greeter/__init__.py")))
        .isEqualTo("\"\"\"Greets.\"\"\"\n\n__version__ = '1.5.0'\n");
    assertThat(Projects.read(repo.resolve("CHANGELOG.md")))
        .contains("## [Unreleased]\n\n## [1.5.0] - 2026-11-25\n\n### Added\n- Greets in French.")
        .contains(
            "[Unreleased]: https://github.com/acme/acme-greeter/compare/v1.5.0...HEAD\n"
                + "[1.5.0]: https://github.com/acme/acme-greeter/compare/v1.4.0...v1.5.0\n"
                + "[1.4.0]: https://github.com/acme/acme-greeter/releases/tag/v1.4.0\n");

    assertThat(git(repo, "status", "--porcelain")).isEmpty();
    assertThat(git(repo, "log", "-1", "--format=%s|%an|%ae"))
        .isEqualTo("Release 1.5.0|Test Releaser|releaser@example.test\n");
    assertThat(git(repo, "show", "--name-only", "--format=", "HEAD").lines().sorted().toList())
        .containsExactly("CHANGELOG.md", "pyproject.toml", "src/acme_greeter/__init__.py");
    assertThat(git(repo, "tag", "-n")).isEqualTo("v1.5.0          Release 1.5.0\n");
    assertThat(git(repo, "cat-file", "-t", "v1.5.0").strip()).isEqualTo("tag");
    assertThat(git(repo, "rev-parse", "v1.5.0^{commit}")).isEqualTo(git(repo, "rev-parse", "HEAD"));
    assertThat(git(origin, "rev-parse", "main")).isEqualTo(git(repo, "rev-parse", "HEAD"));
    assertThat(git(origin, "cat-file", "-t", "v1.5.0").strip()).isEqualTo("tag");
    assertThat(out).contains("pushed main and v1.5.0 to origin");
  }

  @Test
  void dryRunPrintsTheDiffAndTheGitActionsAndChangesNothing() throws Exception {
    Path repo = repoWithExample();
    GitSandbox.addOrigin(repo, tmp.resolve("origin.git"));
    Map<String, String> before = Projects.hashes(repo);
    String head = git(repo, "rev-parse", "HEAD");

    List<String> out =
        run(BumpRequest.of(repo, BumpKind.PATCH).withGit(null, null, true).withDryRun(true));

    assertThat(Projects.hashes(repo)).isEqualTo(before);
    assertThat(git(repo, "rev-parse", "HEAD")).isEqualTo(head);
    assertThat(git(repo, "tag")).isEmpty();
    assertThat(String.join("\n", out))
        .contains("pyrelease: bump acme-greeter 1.4.0 → 1.4.1 (dry run: nothing is changed)")
        .contains("--- a/pyproject.toml\n+++ b/pyproject.toml\n@@ -4,7 +4,7 @@")
        .contains(
            "-version = \"1.4.0\"  # bumped by pyrelease\n+version = \"1.4.1\"  # bumped by pyrelease")
        .contains("-__version__ = '1.4.0'\n+__version__ = '1.4.1'")
        .contains("+## [1.4.1] - 2026-11-25")
        .contains("would commit CHANGELOG.md, pyproject.toml, src/acme_greeter/__init__.py on main")
        .contains("would create the annotated tag v1.4.1")
        .contains("would push main and v1.4.1 to origin");
  }

  @Test
  void projectInASubFolderCommitsOnlyItsFiles() throws Exception {
    Path repo = tmp.resolve("mono");
    GitSandbox.init(repo);
    Projects.example(repo.resolve("python/greeter"));
    Projects.write(repo.resolve("README.md"), "mono\n");
    GitSandbox.commitAll(repo, "Initial commit");

    run(
        BumpRequest.of(repo.resolve("python/greeter"), BumpKind.MAJOR)
            .withTemplates("greeter-v{version}", null));

    assertThat(git(repo, "show", "--name-only", "--format=", "HEAD").lines().sorted().toList())
        .containsExactly(
            "python/greeter/CHANGELOG.md",
            "python/greeter/pyproject.toml",
            "python/greeter/src/acme_greeter/__init__.py");
    assertThat(git(repo, "tag")).isEqualTo("greeter-v2.0.0\n");
    assertThat(Projects.read(repo.resolve("python/greeter/CHANGELOG.md")))
        .contains("compare/greeter-v2.0.0...HEAD")
        .contains("[2.0.0]: https://github.com/acme/acme-greeter/compare/v1.4.0...greeter-v2.0.0");
    assertThat(git(repo, "status", "--porcelain")).isEmpty();
  }

  @Test
  void dirtyTreeIsRefusedUnlessOnlyTheBumpedFilesAreDirty() throws Exception {
    Path repo = repoWithExample();
    Projects.write(repo.resolve("README.md"), "readme\n");
    GitSandbox.commitAll(repo, "readme");
    Projects.write(repo.resolve("README.md"), "changed\n");
    Map<String, String> before = Projects.hashes(repo);

    assertThatThrownBy(() -> run(BumpRequest.of(repo, BumpKind.PATCH)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage(
            "the work tree has uncommitted changes in files the bump does not change: README.md")
        .satisfies(
            e ->
                assertThat(((PyreleaseException) e).fix()).contains("-Dpyrelease.allowDirty=true"));
    assertThat(Projects.hashes(repo)).isEqualTo(before);

    git(repo, "checkout", "--", "README.md");
    Projects.write(
        repo.resolve("CHANGELOG.md"),
        Projects.CHANGELOG.replace("- Greets in French.", "- Greets in French.\n- Waves."));
    Projects.write(repo.resolve("notes.txt"), "untracked files do not count\n");
    run(BumpRequest.of(repo, BumpKind.PATCH));
    assertThat(git(repo, "show", "HEAD:CHANGELOG.md"))
        .contains("- Waves.")
        .contains("## [1.4.1] - 2026-11-25");
    assertThat(git(repo, "status", "--porcelain")).isEqualTo("?? notes.txt\n");
  }

  @Test
  void allowDirtyCommitsOnlyTheBumpedFiles() throws Exception {
    Path repo = repoWithExample();
    Projects.write(repo.resolve("README.md"), "readme\n");
    GitSandbox.commitAll(repo, "readme");
    Projects.write(repo.resolve("README.md"), "changed\n");

    run(BumpRequest.of(repo, BumpKind.PATCH).withAllowDirty(true));

    assertThat(git(repo, "status", "--porcelain")).isEqualTo(" M README.md\n");
    assertThat(git(repo, "show", "--name-only", "--format=", "HEAD")).doesNotContain("README.md");
  }

  @Test
  void existingTagIsRefusedBeforeAnythingChanges() throws Exception {
    Path repo = repoWithExample();
    git(repo, "tag", "-a", "v1.4.1", "-m", "taken");
    Map<String, String> before = Projects.hashes(repo);

    assertThatThrownBy(() -> run(BumpRequest.of(repo, BumpKind.PATCH)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("the tag v1.4.1 already exists");
    assertThat(Projects.hashes(repo)).isEqualTo(before);
  }

  @Test
  void repositoryWithoutCommitsSaysWhatToDo() throws Exception {
    Path repo = tmp.resolve("fresh");
    GitSandbox.init(repo);
    Projects.example(repo);

    assertThatThrownBy(() -> run(BumpRequest.of(repo, BumpKind.PATCH)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("the git repository has no commits yet, so there is nothing to tag on")
        .satisfies(
            e ->
                assertThat(((PyreleaseException) e).fix())
                    .contains("git commit -m \"Initial commit\""));
    assertThat(Projects.read(repo.resolve("pyproject.toml"))).contains("1.4.0");

    run(BumpRequest.of(repo, BumpKind.PATCH).withGit(false, false, false));
    assertThat(Projects.read(repo.resolve("pyproject.toml"))).contains("1.4.1");
  }

  @Test
  void missingIdentityIsAClearError() throws Exception {
    Path repo = repoWithExample();
    git(repo, "config", "--unset", "user.name");
    git(repo, "config", "--unset", "user.email");

    assertThatThrownBy(() -> run(BumpRequest.of(repo, BumpKind.PATCH)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("git does not know who you are")
        .satisfies(
            e ->
                assertThat(((PyreleaseException) e).fix())
                    .contains("git config --global user.name"));
  }

  @Test
  void detachedHeadIsRefused() throws Exception {
    Path repo = repoWithExample();
    git(repo, "checkout", "-q", "--detach");
    assertThatThrownBy(() -> run(BumpRequest.of(repo, BumpKind.PATCH)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("HEAD is detached");
  }

  @Test
  void pushWithoutARemoteIsRefusedBeforeAnythingChanges() throws Exception {
    Path repo = repoWithExample();
    Map<String, String> before = Projects.hashes(repo);
    assertThatThrownBy(() -> run(BumpRequest.of(repo, BumpKind.PATCH).withGit(null, null, true)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("has no upstream remote to push to");
    assertThat(Projects.hashes(repo)).isEqualTo(before);
  }

  @Test
  void sshRemoteIsRefusedBeforeAnythingChanges() throws Exception {
    Path repo = repoWithExample();
    git(repo, "remote", "add", "origin", "git@github.com:acme/acme-greeter.git");
    assertThatThrownBy(() -> run(BumpRequest.of(repo, BumpKind.PATCH).withGit(null, null, true)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("needs ssh");
    assertThat(git(repo, "log", "--oneline")).hasLineCount(1);
  }

  @Test
  void rejectedPushSaysHowToRecover() throws Exception {
    Path repo = repoWithExample();
    Path origin = GitSandbox.addOrigin(repo, tmp.resolve("origin.git"));
    Path other = tmp.resolve("other");
    git(tmp, "clone", "-q", origin.toString(), other.toString());
    git(other, "config", "user.name", "Other");
    git(other, "config", "user.email", "other@example.test");
    Projects.write(other.resolve("README.md"), "moved on\n");
    GitSandbox.commitAll(other, "moved on");
    git(other, "push", "-q", "origin", "main");

    assertThatThrownBy(() -> run(BumpRequest.of(repo, BumpKind.PATCH).withGit(null, null, true)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("the push to origin was rejected")
        .satisfies(
            e ->
                assertThat(((PyreleaseException) e).fix()).contains("git push origin main v1.4.1"));
    assertThat(git(repo, "tag")).isEqualTo("v1.4.1\n");
    assertThat(git(repo, "status", "--porcelain")).isEmpty();
  }

  @Test
  void failedPushNeverShowsTheSecrets() throws Exception {
    Path repo = repoWithExample();
    // a closed port on the loopback: the connection is refused at once
    git(repo, "remote", "add", "origin", "https://bot:url-pass-123@127.0.0.1:1/acme/greeter.git");
    git(repo, "config", "branch.main.remote", "origin");
    git(repo, "config", "branch.main.merge", "refs/heads/main");
    var credentials =
        java.util.Optional.of(
            new io.github.pyrelease.credentials.Credentials(
                "bot", io.github.pyrelease.credentials.Secret.of("token-456"), "test"));

    assertThatThrownBy(
            () ->
                run(
                    BumpRequest.of(repo, BumpKind.PATCH)
                        .withGit(null, null, true)
                        .withEnvironment(Map.of(), credentials)))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageStartingWith("cannot push to origin (https://bot@127.0.0.1:1/acme/greeter.git)")
        .satisfies(
            e -> {
              String all = ((PyreleaseException) e).describe() + ((PyreleaseException) e).where();
              assertThat(all).doesNotContain("url-pass-123").doesNotContain("token-456");
            });
    assertThat(git(repo, "tag")).isEqualTo("v1.4.1\n");
  }

  @Test
  void customMessageAndTagTemplates() throws Exception {
    Path repo = repoWithExample();
    run(
        BumpRequest.of(repo, BumpKind.PRE)
            .withPreKind(VersionBump.preKind("rc").orElseThrow())
            .withTemplates("release/{version}", "chore: {current_version} -> {new_version}"));
    assertThat(git(repo, "log", "-1", "--format=%s")).isEqualTo("chore: 1.4.0 -> 1.4.1rc1\n");
    assertThat(git(repo, "tag")).isEqualTo("release/1.4.1rc1\n");
  }
}
