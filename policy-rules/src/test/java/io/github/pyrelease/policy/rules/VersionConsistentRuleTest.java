package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.Verdict;
import org.junit.jupiter.api.Test;

class VersionConsistentRuleTest {

  private final VersionConsistentRule rule = new VersionConsistentRule();

  @Test
  void sourcesThatAgreePass() {
    Verdict verdict =
        rule.evaluate(
            StubFacts.create()
                .pyproject("1.2.0")
                .module("src/acme/__init__.py", 3, "1.2.0")
                .module("src/acme/_version.py", 1, "1.2.0"));

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary()).isEqualTo("all 3 version sources declare 1.2.0");
  }

  @Test
  void aMismatchNamesBothPlacesAndValuesAndHowToFixIt() {
    Verdict verdict =
        rule.evaluate(
            StubFacts.create().pyproject("1.2.0").module("src/acme/__init__.py", 3, "1.1.0"));

    assertThat(verdict.findings()).hasSize(1);
    Finding finding = verdict.findings().get(0);
    assertThat(finding.ceiling()).isEqualTo(Level.ERROR);
    assertThat(finding.message())
        .isEqualTo("__version__ declares 1.1.0 but [project].version declares 1.2.0");
    assertThat(finding.evidence())
        .extracting(Object::toString)
        .containsExactly(
            "pyproject.toml:3: [project].version = '1.2.0'",
            "src/acme/__init__.py:3: __version__ = '1.1.0'");
    assertThat(finding.fix()).startsWith("change src/acme/__init__.py:3 to '1.2.0'");
    assertThat(verdict.summary())
        .isEqualTo("1 of 2 version sources disagree with [project].version (1.2.0)");
  }

  @Test
  void equalVersionsSpelledDifferentlyAreOnlyAStyleWarning() {
    Verdict verdict =
        rule.evaluate(
            StubFacts.create().pyproject("1.0.0").module("src/acme/__init__.py", 3, "1.0"));

    assertThat(verdict.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ceiling()).isEqualTo(Level.WARNING);
              assertThat(f.message())
                  .contains("'1.0'")
                  .contains("'1.0.0'")
                  .contains("equal under PEP 440");
            });
  }

  @Test
  void spellingsThatNormaliseAlikeAreNotReportedHere() {
    // "1.0RC1" is the same normalised version; version-pep440 reports the spelling.
    Verdict verdict =
        rule.evaluate(
            StubFacts.create().pyproject("1.0rc1").module("src/acme/__init__.py", 3, "1.0RC1"));

    assertThat(verdict.findings()).isEmpty();
  }

  @Test
  void theBuildsOwnSourceIsTheReference() {
    Verdict verdict =
        rule.evaluate(
            StubFacts.create()
                .module("src/acme/__init__.py", 3, "2.0")
                .pyproject("1.0")
                .module("src/acme/_version.py", 1, "2.0"));

    assertThat(verdict.findings())
        .extracting(Finding::message)
        .allSatisfy(m -> assertThat(m).endsWith("but [project].version declares 1.0"))
        .hasSize(2);
  }

  @Test
  void invalidVersionsAreLeftToThePep440Rule() {
    Verdict verdict =
        rule.evaluate(
            StubFacts.create()
                .pyproject("1.2.0")
                .module("src/acme/__init__.py", 3, "1.2.0-SNAPSHOT"));

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary()).isEqualTo("one version source: [project].version = 1.2.0");
  }

  @Test
  void aVersionFromGitTagsHasNothingToCompare() {
    Verdict verdict = rule.evaluate(StubFacts.create().vcs());

    assertThat(verdict.applicable()).isFalse();
    assertThat(verdict.summary()).contains("computed from git tags (setuptools_scm)");
  }
}
