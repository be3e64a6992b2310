package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.cli.CliFixture.Run;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.report.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code pyrelease check} under policy files: levels, waivers, bad policies, report files. */
class CheckPolicyCliTest {

  @TempDir Path dir;

  @Test
  void theProjectsOwnPolicyFileAppliesWithoutBeingNamed() throws Exception {
    project("1.2.0", "1.1.0");
    policy("rules:\n  version-consistent: warning\n");

    Run run = run(Map.of(), "check", dir.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(", policy release-policy.yaml")
        .contains("WARN  version-consistent")
        .contains("  id: src/demo/__init__.py:1");
  }

  @Test
  void policyNamesAnotherFile() throws Exception {
    project("1.2.0", "1.1.0");
    Path strict = dir.resolve("policies/off.yaml");
    Files.createDirectories(strict.getParent());
    Files.writeString(strict, "rules:\n  version-consistent: off\n");

    Run run = run(Map.of(), "check", dir.toString(), "--policy", strict.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("SKIP  version-consistent   turned off by the policy policies/off.yaml");
  }

  @Test
  void aWaivedFindingPassesAndAnExpiredWaiverFailsNamingItsLine() throws Exception {
    project("1.2.0", "1.1.0");
    policy(
        """
        rules:
          version-consistent:
            ignore:
              - { id: "src/demo/__init__.py:1", until: 2999-12-31, reason: "fixed in the next release" }
          changelog-entry:
            ignore:
              - { id: "missing-section:1.2.0", until: 2020-01-31, reason: "old" }
        """);

    Run run = run(Map.of(), "check", dir.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("WAIVE version-consistent")
        .contains("  waived until 2999-12-31 by release-policy.yaml:4: fixed in the next release")
        .contains(
            "FAIL changelog-entry: the waiver for 'missing-section:1.2.0' expired after"
                + " 2020-01-31 (its reason: old)")
        .contains(
            "  release-policy.yaml:7: ignore: { id: missing-section:1.2.0, until: 2020-01-31 }")
        .contains(
            "  fix: the finding it waived is gone: delete the waiver at release-policy.yaml:7");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "- a list\n",
        "rules:\n\tversion-pep440: error\n",
        "rules:\n  version-pep440: error\n  version-pep440: off\n",
        "extends: https://example.org/p.yaml\n",
        "extends: http://example.org/p.yaml#sha256=0000000000000000000000000000000000000000000000000000000000000000\n",
        "extends: classpath:org/acme/none.yaml\n",
        "rules:\n  nope: error\n",
        "publish:\n  - { name: pypi, type: indx }\n",
        "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
      })
  void aBadPolicyIsAnInputErrorWithExitCodeTwoAndNoStackTrace(String yaml) throws Exception {
    project("1.2.0", "1.2.0");
    policy(yaml);

    Run run = run(Map.of(), "check", dir.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("pyrelease: release-policy.yaml")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(dir.resolve("target/pyrelease")).doesNotExist();
  }

  @Test
  void aMistakeInThePublishSectionIsFoundByEveryCheckNotOnlyWhenPublishing() throws Exception {
    project("1.2.0", "1.2.0");
    policy("publish:\n  - { name: pypi, type: index, gate: aproval }\n");

    Run run = run(Map.of(), "check", dir.toString(), "--stage", "source");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "pyrelease: release-policy.yaml:2:32: unknown gate 'aproval'; did you mean"
                + " 'approval'?");
  }

  @Test
  void everyReportFormatIsWrittenByDefaultAndFormatChoosesSome() throws Exception {
    project("1.2.0", "1.2.0");

    run(Map.of(), "check", dir.toString());
    Run some =
        run(
            Map.of(),
            "check",
            dir.toString(),
            "--format",
            "sarif,html",
            "--out",
            dir.resolve("o").toString());

    for (ReportFormat format : ReportFormat.values()) {
      assertThat(dir.resolve("target/pyrelease").resolve(format.fileName())).exists();
    }
    try (Stream<Path> files = Files.list(dir.resolve("o"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.sarif", "report.html");
    }
    assertThat(some.out()).contains("report: " + dir.resolve("o/report.sarif"));
  }

  @Test
  void noReportOrConsoleLineCarriesASecretFromTheEnvironmentOrThePolicy() throws Exception {
    String token = "pypi-AgEIcHlwaS5vcmcCJGZha2UtdG9rZW4tZm9yLXRlc3Rz";
    project("1.2.0", "1.1.0");
    Map<String, String> env =
        Map.of(
            "GITHUB_ACTIONS",
            "true",
            "PYPI_TOKEN",
            token,
            "TWINE_PASSWORD",
            token,
            "GITHUB_TOKEN",
            "ghp_" + token);

    Run check = run(env, "check", dir.toString());
    policy(
        "extends: https://__token__:"
            + token
            + "@example.org/p.yaml#sha256="
            + "a".repeat(64)
            + "\n");
    Run refused = run(env, "check", dir.toString(), "--out", dir.resolve("refused").toString());

    assertThat(check.exit()).isEqualTo(1);
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("contains credentials");
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(Files.readString(dir.resolve("target/pyrelease").resolve(format.fileName())))
          .as(format.fileName())
          .doesNotContain(token);
    }
    assertThat(check.out() + check.err() + refused.out() + refused.err()).doesNotContain(token);
  }

  @Test
  void rulesListsEachRulesOptionsWithTypeAndDefault() {
    Run run = run(Map.of(), "rules");

    assertThat(run.out())
        .contains("option file (string, default: none): the changelog, relative to the project");
  }

  @Test
  void readmesRuleTableIsTheOutputOfRulesMarkdown() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String begin = "<!-- rules-table: generated by 'pyrelease rules --markdown' -->\n";
    String end = "<!-- /rules-table -->";
    assertThat(readme).contains(begin).contains(end);
    String table = readme.substring(readme.indexOf(begin) + begin.length(), readme.indexOf(end));

    assertThat(table)
        .as("README.md's rule table; regenerate it with 'pyrelease rules --markdown'")
        .isEqualTo(RulesCommand.markdown(BuiltInRules.registry().all()));
    assertThat(run(Map.of(), "rules", "--markdown").out()).isEqualTo(table);
  }

  private void policy(String yaml) throws Exception {
    Files.writeString(dir.resolve("release-policy.yaml"), yaml);
  }

  private void project(String pyprojectVersion, String moduleVersion) {
    CliFixture.project(dir, pyprojectVersion, moduleVersion);
  }

  private Run run(Map<String, String> env, String... args) {
    Map<String, String> environment = new java.util.HashMap<>(env);
    environment.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    return CliFixture.run(environment, false, "", args);
  }
}
