package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.StubGit;
import io.github.pyrelease.policy.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionIncreasesRuleTest {

  private static final String C1 = "1".repeat(40);
  private static final String C2 = "2".repeat(40);
  private static final String C3 = "3".repeat(40);

  private static Verdict on(String version, StubGit git) {
    return new VersionIncreasesRule().evaluate(StubFacts.create().pyproject(version).git(git));
  }

  @Test
  void greaterThanTheLatestReleaseTagPassesInPep440Order() {
    StubGit git = StubGit.onMain().tag("v1.9.0", C1).tag("v1.10.0rc1", C2).tag("nightly", C3);

    assertThat(on("1.10.0", git).summary()).isEqualTo("1.10.0 > 1.10.0rc1 (v1.10.0rc1)");
  }

  @Test
  void notGreaterFailsNamingTheTag() {
    Verdict verdict = on("1.2.0", StubGit.onMain().tag("v1.2.1", C1));

    assertThat(verdict.summary()).isEqualTo("1.2.0 is not greater than 1.2.1");
    assertThat(verdict.findings().get(0).message())
        .isEqualTo("1.2.0 is not greater than 1.2.1, released as v1.2.1 (111111111111)");
  }

  @Test
  void theReleasesOwnTagDoesNotCount() {
    assertThat(on("1.2.0", StubGit.onMain().tagAtHead("v1.2.0").tag("v1.1.0", C1)).findings())
        .isEmpty();
  }

  @Test
  void aMaintenanceBranchComparesWithTheTagsItDescendsFrom() {
    StubGit git =
        StubGit.onMain().branch("release/1.x").tag("v1.4.0", C1).unreachableTag("v2.0.0", C2);
    VersionIncreasesRule everyTag =
        new VersionIncreasesRule(
            RuleOptions.of(
                "version-increases",
                new VersionIncreasesRule().options(),
                Map.of("reachable-only", false)));

    assertThat(on("1.4.1", git).findings()).isEmpty();
    assertThat(everyTag.evaluate(StubFacts.create().pyproject("1.4.1").git(git)).findings())
        .hasSize(1);
  }

  @Test
  void devAndLocalVersionsAreNotReleasesForAPublicIndex() {
    Verdict dev = on("1.3.0.dev2", StubGit.onMain());
    Verdict local = on("1.3.0+acme.1", StubGit.onMain());

    assertThat(dev.findings()).extracting(Finding::key).containsExactly("dev-version");
    assertThat(dev.findings().get(0).fix()).contains("release 1.3.0");
    assertThat(local.findings().get(0).message())
        .isEqualTo("1.3.0+acme.1 has a local label (+acme.1), which PyPI refuses");

    VersionIncreasesRule privateIndex =
        new VersionIncreasesRule(
            RuleOptions.of(
                "version-increases",
                new VersionIncreasesRule().options(),
                Map.of("public-index", false)));
    assertThat(
            privateIndex
                .evaluate(StubFacts.create().pyproject("1.3.0.dev2").git(StubGit.onMain()))
                .findings())
        .isEmpty();
  }

  @Test
  void aFirstReleasePassesButAShallowCloneWithoutTagsIsNotChecked() {
    assertThat(on("0.1.0", StubGit.onMain()).summary())
        .isEqualTo("no earlier release tag (v{version}): a first release");
    assertThatThrownBy(() -> on("0.1.0", StubGit.onMain().shallowClone()))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessage("shallow clone: the earlier release tags are missing")
        .satisfies(
            e ->
                assertThat(((FactUnavailableException) e).fix())
                    .contains("git fetch --tags --unshallow"));
  }

  @Test
  void tenThousandTagsNeedOneAncestryCheck() {
    int[] checks = {0};
    StubGit git =
        new StubGit() {
          @Override
          public boolean reachableFromHead(String commit) {
            checks[0]++;
            return true;
          }
        };
    for (int i = 0; i < 10_000; i++) {
      git.tag("v0." + i + ".0", String.format("%040d", i));
    }

    assertThat(
            new VersionIncreasesRule()
                .evaluate(StubFacts.create().pyproject("1.0.0").git(git))
                .summary())
        .isEqualTo("1.0.0 > 0.9999.0 (v0.9999.0)");
    assertThat(checks[0]).isEqualTo(1);
  }
}
