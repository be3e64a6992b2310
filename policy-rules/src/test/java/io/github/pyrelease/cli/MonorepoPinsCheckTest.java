package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** monorepo-pins on real files: the siblings are found from the top of the git work tree. */
class MonorepoPinsCheckTest {

  @TempDir Path root;

  private void pkg(String dir, String name, String version, String dependencies) throws Exception {
    Path project = Files.createDirectories(root.resolve(dir));
    Files.writeString(
        project.resolve("pyproject.toml"),
        "[project]\nname = \""
            + name
            + "\"\nversion = \""
            + version
            + "\"\ndependencies = [\n"
            + dependencies
            + "]\n");
    Files.writeString(
        project.resolve("CHANGELOG.md"), "# Changelog\n\n## [" + version + "] - 2026-11-01\n");
  }

  @Test
  void aDependantWhosePinRefusesTheSiblingsNewVersionFailsWithBothFiles() throws Exception {
    Git.init().setDirectory(root.toFile()).call().close();
    pkg("packages/core", "acme-core", "2.0.0", "");
    pkg("packages/util", "acme-util", "0.4.0", "  \"acme-core>=1.2\",\n");
    pkg("apps/app", "acme-app", "1.0.0", "  \"requests>=2\",\n  \"acme_core>=1.2,<2\",\n");
    Path policy = root.resolve("release-policy.yaml");
    Files.writeString(policy, "rules:\n  monorepo-pins: error\n");

    CliFixture.Run run =
        CliFixture.run(
            Map.of(),
            false,
            "",
            "check",
            root.toString(),
            "--recursive",
            "--stage",
            "source",
            "--rules",
            "monorepo-pins",
            "--policy",
            policy.toString());

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.RULE_FAILED);
    assertThat(run.out())
        .contains(
            "'acme_core>=1.2,<2' does not admit acme-core 2.0.0, the version"
                + " ../../packages/core/pyproject.toml declares")
        .contains("pyproject.toml:6: requires 'acme_core>=1.2,<2'")
        .contains(
            "PASS  monorepo-pins        1 requirement on a sibling admits its declared version:"
                + " acme-core>=1.2")
        .contains("3 projects: 2 passed, 1 failed");
  }

  @Test
  void outsideAGitWorkTreeTheRootOptionNamesTheMonorepo() throws Exception {
    pkg("core", "acme-core", "1.3.0", "");
    pkg("app", "acme-app", "1.0.0", "  \"acme-core~=1.2\",\n");
    Path policy = root.resolve("release-policy.yaml");
    Files.writeString(policy, "rules:\n  monorepo-pins: { level: error, root: .. }\n");

    CliFixture.Run run =
        CliFixture.run(
            Map.of(),
            false,
            "",
            "check",
            root.resolve("app").toString(),
            "--stage",
            "source",
            "--policy",
            policy.toString());

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .contains(
            "PASS  monorepo-pins        1 requirement on a sibling admits its declared version:"
                + " acme-core~=1.2");
  }
}
