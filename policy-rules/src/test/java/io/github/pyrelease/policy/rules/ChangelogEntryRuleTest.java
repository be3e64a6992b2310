package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangelogEntryRuleTest {

  private final ChangelogEntryRule rule = new ChangelogEntryRule();

  @Test
  void aSectionForTheVersionPasses() {
    Verdict verdict =
        rule.evaluate(
            StubFacts.create().pyproject("1.2.0").withChangelog("Unreleased", "1.2.0", "1.1.0"));

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary()).isEqualTo("CHANGELOG.md:11 has a section for 1.2.0");
  }

  @Test
  void sectionsMatchUnderPep440() {
    assertThat(rule.evaluate(StubFacts.create().pyproject("1.2.0").withChangelog("1.2")).findings())
        .isEmpty();
  }

  @Test
  void aMissingSectionSaysToRenameUnreleased() {
    Verdict verdict =
        rule.evaluate(StubFacts.create().pyproject("1.3.0").withChangelog("Unreleased", "1.2.0"));

    Finding finding = verdict.findings().get(0);
    assertThat(finding.message())
        .isEqualTo(
            "CHANGELOG.md has no section for version 1.3.0; its newest section is '[Unreleased]'");
    assertThat(finding.evidence())
        .extracting(Object::toString)
        .first()
        .asString()
        .startsWith("CHANGELOG.md:5");
    assertThat(finding.fix())
        .isEqualTo(
            "rename the Unreleased section at CHANGELOG.md:5 to '## [1.3.0] - <date>' and add a new"
                + " empty Unreleased section above it");
  }

  @Test
  void aMissingSectionWithoutUnreleasedSaysToAddOne() {
    Finding finding =
        rule.evaluate(StubFacts.create().pyproject("1.3.0").withChangelog("1.2.0"))
            .findings()
            .get(0);

    assertThat(finding.fix()).isEqualTo("add a section '## [1.3.0] - <date>' to CHANGELOG.md");
  }

  @Test
  void aDevVersionNeedsOnlyAnUnreleasedSection() {
    assertThat(
            rule.evaluate(
                    StubFacts.create().pyproject("1.3.0.dev2").withChangelog("Unreleased", "1.2.0"))
                .findings())
        .isEmpty();
    assertThat(
            rule.evaluate(StubFacts.create().pyproject("1.3.0.dev2").withChangelog("1.2.0"))
                .findings())
        .hasSize(1);
  }

  @Test
  void aPreReleaseIsCoveredByUnreleasedAFinalReleaseIsNot() {
    assertThat(
            rule.evaluate(StubFacts.create().pyproject("1.3.0rc1").withChangelog("Unreleased"))
                .findings())
        .isEmpty();
    assertThat(
            rule.evaluate(StubFacts.create().pyproject("1.3.0").withChangelog("Unreleased"))
                .findings())
        .hasSize(1);
  }

  @Test
  void noChangelogAtAllIsAWarningThatSaysHowToStartOne() {
    Finding finding = rule.evaluate(StubFacts.create().pyproject("1.0")).findings().get(0);

    assertThat(finding.message())
        .isEqualTo(
            "the project has no changelog (CHANGELOG.md, CHANGES.md, HISTORY.md or NEWS.md)");
    assertThat(finding.levelUnder(Level.ERROR)).isEqualTo(Level.WARNING);
    assertThat(finding.fix())
        .startsWith(
            "start CHANGELOG.md with '# Changelog' and a section '## [1.0] - <date>' listing the"
                + " changes")
        .endsWith(
            "which the next bump dates; or let the release bump start it (pyrelease version bump"
                + " --create-changelog, or -Dpyrelease.createChangelog=true with pyrelease:bump)");
  }

  @Test
  void theMissingOptionMakesNoChangelogAnError() {
    ChangelogEntryRule strict =
        new ChangelogEntryRule(
            RuleOptions.of(
                "changelog-entry", new ChangelogEntryRule().options(), Map.of("missing", "error")));

    assertThat(
            strict
                .evaluate(StubFacts.create().pyproject("1.0"))
                .findings()
                .get(0)
                .levelUnder(Level.ERROR))
        .isEqualTo(Level.ERROR);
    assertThat(
            rule.evaluate(StubFacts.create().pyproject("1.0").withChangelog("0.9"))
                .findings()
                .get(0)
                .levelUnder(Level.ERROR))
        .as("a changelog without the section still fails")
        .isEqualTo(Level.ERROR);
  }

  @Test
  void theMissingOptionRefusesOtherWords() {
    assertThatThrownBy(
            () ->
                RuleOptions.of(
                    "changelog-entry",
                    new ChangelogEntryRule().options(),
                    Map.of("missing", "fatal")))
        .hasMessageContaining("'fatal' is not error, warning or info");
  }

  @Test
  void theFileOptionReadsThatChangelog() {
    ChangelogEntryRule custom =
        new ChangelogEntryRule(
            RuleOptions.of(
                "changelog-entry",
                new ChangelogEntryRule().options(),
                Map.of("file", "docs/CHANGES.md")));
    StubFacts facts =
        StubFacts.create()
            .pyproject("2.0")
            .withChangelog("1.0")
            .otherChangelog("docs/CHANGES.md", "2.0");

    assertThat(custom.evaluate(facts).findings()).isEmpty();
    assertThat(rule.evaluate(facts).findings()).hasSize(1);
  }

  @Test
  void aVersionFromGitTagsIsNotApplicable() {
    assertThat(rule.evaluate(StubFacts.create().vcs().withChangelog("1.0")).applicable()).isFalse();
  }
}
