package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionPep440RuleTest {

  private final VersionPep440Rule rule = new VersionPep440Rule();

  @Test
  void normalisedVersionsPass() {
    Verdict verdict =
        rule.evaluate(
            StubFacts.create()
                .pyproject("1!2.0rc1.post2.dev3+local.7")
                .module("a/__init__.py", 1, "2.0"));

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary())
        .isEqualTo("both version sources hold normalised PEP 440 versions");
  }

  @Test
  void anInvalidVersionIsAnErrorWithTheReasonAndWhere() {
    Verdict verdict = rule.evaluate(StubFacts.create().pyproject("1.0.x"));

    Finding finding = verdict.findings().get(0);
    assertThat(finding.ceiling()).isEqualTo(Level.ERROR);
    assertThat(finding.message())
        .startsWith("'1.0.x' in [project].version is not a PEP 440 version: ");
    assertThat(finding.evidence())
        .extracting(Object::toString)
        .containsExactly("pyproject.toml:3: [project].version = '1.0.x'");
    assertThat(finding.fix()).contains("1.2.0rc1").doesNotContain("(here:");
  }

  @ParameterizedTest
  @CsvSource({
    "1.0.0-SNAPSHOT, 1.0.0.dev0",
    "2.1.0-beta.2-SNAPSHOT, 2.1.0b2.dev0",
    "3.0.0.RELEASE, 3.0.0",
    "1.0-M1, 1.0a1",
    "1.0.0-GA, 1.0.0",
    "1.0.0-milestone-2, 1.0.0a2"
  })
  void mavenSpellingsGetThePep440Equivalent(String written, String suggested) {
    Verdict verdict = rule.evaluate(StubFacts.create().pyproject(written));

    assertThat(verdict.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.fix()).endsWith("(here: " + suggested + ")"));
  }

  @Test
  void aValidButUnnormalisedSpellingIsAStyleWarning() {
    Verdict verdict = rule.evaluate(StubFacts.create().pyproject("1.0-RC1"));

    assertThat(verdict.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ceiling()).isEqualTo(Level.WARNING);
              assertThat(f.message()).contains("'1.0rc1'");
            });
  }

  @Test
  void surroundingWhitespaceAloneIsNotAFinding() {
    assertThat(rule.evaluate(StubFacts.create().pyproject(" 1.0 ")).findings()).isEmpty();
  }

  @Test
  void aVersionFromGitTagsIsNotApplicable() {
    assertThat(rule.evaluate(StubFacts.create().vcs()).applicable()).isFalse();
  }
}
