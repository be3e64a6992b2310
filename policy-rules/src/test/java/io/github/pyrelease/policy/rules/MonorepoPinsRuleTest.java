package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.deps.VersionSpecifier;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.version.Version;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

class MonorepoPinsRuleTest {

  private final MonorepoPinsRule rule = new MonorepoPinsRule();

  private static StubFacts monorepo() {
    return StubFacts.create()
        .pyproject("3.1.0")
        .monorepoPackage("Acme.Core", "2.0.0", "core")
        .monorepoPackage("acme-util", "0.4.1", "util");
  }

  @Test
  void aRequirementThatAdmitsTheSiblingsVersionPasses() {
    Verdict verdict =
        rule.evaluate(monorepo().declares(8, "acme-core>=1.2").declares(9, "requests>=2.31"));

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.applicable()).isTrue();
    assertThat(verdict.summary())
        .isEqualTo("1 requirement on a sibling admits its declared version: acme-core>=1.2");
  }

  @Test
  void anUpperBoundBelowTheSiblingsVersionFailsWithBothPlaces() {
    Verdict verdict =
        rule.evaluate(monorepo().declares(8, "acme_core>=1.2,<2").declares(9, "acme-util~=0.4"));

    assertThat(verdict.summary())
        .isEqualTo("1 of 2 requirements on siblings refuse the version the sibling declares");
    Finding finding = verdict.findings().get(0);
    assertThat(finding.ceiling()).isEqualTo(Level.ERROR);
    assertThat(finding.message())
        .isEqualTo(
            "'acme_core>=1.2,<2' does not admit Acme.Core 2.0.0, the version ../core/pyproject.toml"
                + " declares");
    assertThat(finding.evidence())
        .extracting(Object::toString)
        .containsExactly(
            "pyproject.toml:8: requires 'acme_core>=1.2,<2'",
            "../core/pyproject.toml: Acme.Core declares 2.0.0");
    assertThat(finding.fix()).contains("admits 2.0.0");
  }

  @Test
  void requirementsOnPackagesOutsideTheMonorepoAreNotLookedAt() {
    Verdict verdict = rule.evaluate(monorepo().declares(8, "requests>=2.31"));

    assertThat(verdict.applicable()).isFalse();
    assertThat(verdict.summary())
        .isEqualTo("no requirement names another package of the monorepo (2 siblings)");
  }

  @Test
  void directReferencesAndComputedVersionsAreNotCompared() {
    Verdict verdict =
        rule.evaluate(
            monorepo()
                .monorepoPackage("acme-scm", null, "scm")
                .declares(8, "acme-core @ file:///work/core")
                .declares(9, "acme-scm<1"));

    assertThat(verdict.applicable()).isFalse();
    assertThat(verdict.findings()).isEmpty();
  }

  @Test
  void aSiblingsPreReleaseIsAdmittedOnlyByARequirementThatNamesOne() {
    StubFacts facts =
        StubFacts.create()
            .pyproject("1.0.0")
            .monorepoPackage("acme-core", "2.0.0rc1", "core")
            .declares(8, "acme-core>=1.2")
            .declares(9, "acme-core>=2.0.0rc1");

    Verdict verdict = rule.evaluate(facts);

    assertThat(verdict.findings()).hasSize(1);
    assertThat(verdict.findings().get(0).message()).startsWith("'acme-core>=1.2' does not admit");
    assertThat(verdict.findings().get(0).fix()).contains("only when named");
  }

  @Test
  void isOffByDefaultAndDocumentsItsRoot() {
    assertThat(rule.defaultLevel()).isEqualTo(Level.OFF);
    assertThat(rule.options()).extracting(o -> o.name()).containsExactly("root");
  }

  static boolean packagingAvailable() {
    try {
      Process p =
          new ProcessBuilder("/usr/bin/python3", "-c", "import packaging.specifiers").start();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  /** Python's packaging decides the same for every pair: SpecifierSet(spec).contains(version). */
  @Test
  @EnabledIf("packagingAvailable")
  void admitsAsPackagingsSpecifierSetContains(@TempDir Path dir) throws Exception {
    List<String> specs =
        List.of(
            "",
            ">=1.2",
            ">=1.2,<2",
            "~=1.4",
            "~=2.0.0",
            "==2.*",
            "==1.4.*",
            "!=2.0.0",
            ">1.4",
            "<=2.0",
            ">=2.0.0rc1",
            "<2.0.0rc2",
            "==2.0.0rc1",
            ">=1.0.dev0",
            "~=2.0rc1",
            "===2.0.0",
            ">=1.2,!=1.5.*",
            ">1.0,<3.0a1");
    List<String> versions =
        List.of(
            "1.2",
            "1.4.7",
            "1.5.2",
            "2.0.0",
            "2.0",
            "2.0.0rc1",
            "2.0.1.dev3",
            "1.9.post1",
            "2.0.0+local",
            "3.0a1",
            "0!2.0.0",
            "1!1.0");
    List<String> lines = new ArrayList<>();
    for (String spec : specs) {
      for (String version : versions) {
        lines.add(spec + "|" + version);
      }
    }
    Path input = dir.resolve("pairs.txt");
    Files.write(input, lines, StandardCharsets.UTF_8);
    Process python =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-c",
                "import sys\n"
                    + "from packaging.specifiers import SpecifierSet\n"
                    + "for line in open(sys.argv[1]):\n"
                    + "    spec, version = line.rstrip('\\n').split('|')\n"
                    + "    print(SpecifierSet(spec).contains(version))\n",
                input.toString())
            .redirectErrorStream(true)
            .start();
    List<String> answers =
        Arrays.asList(
            new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(answers).hasSize(lines.size());

    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] pair = lines.get(i).split("\\|", -1);
      List<VersionSpecifier> parsed =
          pair[0].isEmpty()
              ? List.of()
              : Arrays.stream(pair[0].split(","))
                  .map(s -> VersionSpecifier.tryParse(s).orElseThrow())
                  .toList();
      boolean ours = MonorepoPinsRule.admits(parsed, Version.parse(pair[1]));
      if (ours != Boolean.parseBoolean(answers.get(i).strip().toLowerCase())) {
        disagreements.add(lines.get(i) + " packaging=" + answers.get(i));
      }
    }
    assertThat(disagreements).isEmpty();
  }
}
