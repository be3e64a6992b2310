package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.cli.CliFixture.Run;
import io.github.pyrelease.git.GitCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pyrelease check --stage release} on real repositories and a loopback index. */
class ReleaseCheckCliTest {

  @TempDir Path temp;
  private GitCli git;
  private Path project;
  private final MockWebServer index = new MockWebServer();

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(temp.resolve("home"));
    git = new GitCli(temp.resolve("home"));
    Path origin = temp.resolve("origin.git");
    Files.createDirectories(origin);
    git.run(origin, "init", "-q", "--bare", "-b", "main");
    project = git.init(temp.resolve("acme"));
    GitCli.write(
        project, "pyproject.toml", "[project]\nname = \"acme-widgets\"\nversion = \"1.2.0\"\n");
    GitCli.write(project, ".gitignore", "target/\n");
    git.run(project, "add", ".");
    git.run(project, "commit", "-q", "-m", "acme 1.2.0");
    git.run(project, "remote", "add", "origin", origin.toString());
    git.run(project, "push", "-q", "-u", "origin", "main");
    index.start();
  }

  @AfterEach
  void stop() {
    index.close();
  }

  @Test
  void offlineTheRepositoryIsCheckedAndTheNetworkFactsAreNotCheckedWarnings() {
    Run run =
        run("check", project.toString(), "--stage", "release", "--offline", "--format", "json");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("PASS  clean-tree           the work tree is clean")
        .contains("PASS  branch               on branch main")
        .contains("WARN  upstream-synced      not checked: offline")
        .contains("WARN  tag-free             not checked: offline")
        .contains(
            "SKIP  tag-matches          HEAD carries no release tag (v{version}): not a tag build")
        .contains("PASS  version-increases    no earlier release tag (v{version}): a first release")
        .contains("WARN  version-unpublished  not checked: offline")
        .contains("fix: run without Maven's -o (CLI: --offline)");
    assertThat(project.resolve("target/pyrelease/report.json")).exists();
    assertThat(index.getRequestCount()).isZero();
  }

  @Test
  void onlineAgainstALoopbackIndexATakenVersionAndADirtyTreeFailWithTheirEvidence()
      throws Exception {
    index.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"info\":{\"version\":\"1.2.0\",\"yanked\":false},\"urls\":[{\"filename\":\"acme_widgets-1.2.0.tar.gz\"}]}")
            .build());
    GitCli.write(
        project,
        "pyproject.toml",
        "[project]\nname = \"acme-widgets\"\nversion = \"1.2.0\"\n# edit\n");
    GitCli.write(project, "scratch.py", "x = 1\n");
    String url = index.url("/").toString();

    Run run =
        run(
            "check",
            project.toString(),
            "--stage",
            "release",
            "--index",
            "pypi=" + url,
            "--format",
            "json");

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAIL  clean-tree           2 files are not committed")
        .contains("  modified: pyproject.toml")
        .contains("  untracked: scratch.py")
        .contains("FAIL  version-unpublished  acme-widgets 1.2.0 is already on " + url)
        .contains("JSON API: " + url + "pypi/acme-widgets/1.2.0/json")
        .contains("PASS  upstream-synced      main is in sync with origin/main (fetched)")
        .contains("PASS  tag-free             v1.2.0 is free locally and on origin");
  }

  @Test
  void anIndexThatNeedsCredentialsIsAnInputErrorThatSaysWhere() {
    index.enqueue(new MockResponse.Builder().code(401).build());

    Run run =
        run(
            "check",
            project.toString(),
            "--stage",
            "release",
            "--rules",
            "version-unpublished",
            "--index",
            "pypi=" + index.url("/"));

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .contains("answered 401 Unauthorized: the index needs credentials")
        .doesNotContain("Exception");
  }

  @Test
  void outsideARepositoryEveryGitRuleSaysSo() throws Exception {
    Path plain = Files.createDirectories(temp.resolve("plain"));
    Files.writeString(
        plain.resolve("pyproject.toml"), "[project]\nname = \"acme\"\nversion = \"1.0\"\n");

    Run run = run("check", plain.toString(), "--stage", "release", "--offline", "--format", "json");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("FAIL  clean-tree           not a git repository");
    assertThat(run.out()).contains("FAIL  branch               not a git repository");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void rulesListsTheReleaseRulesWithTheirOptions() {
    Run run = run("rules");

    assertThat(run.out())
        .containsPattern("version-unpublished +release +error")
        .contains("option index (string, default: pypi): the index to ask")
        .contains("option allow (list of globs, default: [main, master, release/*])")
        .contains("option format (string, default: v{version})");
  }

  @Test
  void withoutStageOrRulesTheReleaseStageIsLeftToThePublishingStep() throws Exception {
    GitCli.write(project, "scratch.py", "x = 1\n");

    Run run = run("check", project.toString(), "--format", "json");

    assertThat(run.out()).doesNotContain("clean-tree").contains("version-pep440");
    assertThat(index.getRequestCount()).isZero();
  }

  private Run run(String... args) {
    return CliFixture.run(
        Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString()), false, "", args);
  }
}
