package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.index.IndexAnswer;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionUnpublishedRuleTest {

  private final List<String> asked = new ArrayList<>();

  private StubFacts facts(String version, IndexAnswer answer) {
    return StubFacts.create()
        .pyproject(version)
        .index(
            (index, server, project, v) -> {
              asked.add(index + " " + server + " " + project + " " + v);
              return answer;
            });
  }

  private static IndexAnswer answer(boolean found, boolean published, boolean yanked) {
    return new IndexAnswer(
        "https://pypi.org/",
        "https://pypi.org/pypi/acme-widgets/1.2.0/json",
        "JSON API",
        found,
        published,
        yanked,
        yanked ? "broken" : null,
        published ? List.of("acme_widgets-1.2.0.tar.gz") : List.of());
  }

  @Test
  void anUnpublishedVersionPassesAndPypiIsAskedByDefault() {
    Verdict verdict =
        new VersionUnpublishedRule().evaluate(facts("1.2.0", answer(true, false, false)));

    assertThat(verdict.summary()).isEqualTo("acme-widgets 1.2.0 is not on https://pypi.org/ yet");
    assertThat(asked).containsExactly("pypi null acme-widgets 1.2.0");
  }

  @Test
  void aPublishedVersionFailsWithTheIndexUrlAndFiles() {
    Verdict verdict =
        new VersionUnpublishedRule().evaluate(facts("1.2.0", answer(true, true, false)));

    assertThat(verdict.summary()).isEqualTo("acme-widgets 1.2.0 is already on https://pypi.org/");
    assertThat(verdict.findings().get(0).evidence())
        .extracting(Evidence::detail)
        .containsExactly(
            "JSON API: https://pypi.org/pypi/acme-widgets/1.2.0/json",
            "file acme_widgets-1.2.0.tar.gz");
    assertThat(verdict.findings().get(0).fix()).contains("mvn pyrelease:bump");
  }

  @Test
  void anIndexHoldingOnlyWhatAnEarlierRunOfThisReleasePublishedLetsPublishingResume() {
    StubFacts facts =
        facts("1.2.0", answer(true, true, false))
            .earlierRunPublished(
                "pypi", "acme_widgets-1.2.0.tar.gz", "acme_widgets-1.2.0-py3-none-any.whl");

    Verdict verdict = new VersionUnpublishedRule().evaluate(facts);

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary())
        .isEqualTo(
            "acme-widgets 1.2.0 is on https://pypi.org/ with only the files an earlier run of this"
                + " release published there (publish-state.json): publishing resumes");
  }

  @Test
  void aFileOnTheIndexThatThisReleaseDidNotPublishStillFails() {
    StubFacts facts =
        facts("1.2.0", answer(true, true, false))
            .earlierRunPublished("pypi", "acme_widgets-1.2.0-py3-none-any.whl")
            .earlierRunPublished("testpypi", "acme_widgets-1.2.0.tar.gz");

    Verdict verdict = new VersionUnpublishedRule().evaluate(facts);

    assertThat(verdict.summary()).isEqualTo("acme-widgets 1.2.0 is already on https://pypi.org/");
  }

  @Test
  void aYankedVersionIsStillTaken() {
    Verdict verdict =
        new VersionUnpublishedRule().evaluate(facts("1.2.0", answer(true, true, true)));

    assertThat(verdict.findings().get(0).message())
        .isEqualTo(
            "acme-widgets 1.2.0 is already published on https://pypi.org/ (yanked: broken); a yanked"
                + " version's files can never be uploaded again");
  }

  @Test
  void aFirstReleaseSaysSo() {
    assertThat(
            new VersionUnpublishedRule()
                .evaluate(facts("0.1.0", answer(false, false, false)))
                .summary())
        .isEqualTo("acme-widgets is not on https://pypi.org/ yet: a first release");
  }

  @Test
  void theIndexAndServerAreOptionsAndTheVersionIsNormalised() {
    VersionUnpublishedRule rule =
        new VersionUnpublishedRule(
            RuleOptions.of(
                "version-unpublished",
                new VersionUnpublishedRule().options(),
                Map.of("index", "https://pypi.acme.internal/simple/", "server", "acme")));

    rule.evaluate(facts("1.2.0-RC1", answer(true, false, false)));

    assertThat(asked)
        .containsExactly("https://pypi.acme.internal/simple/ acme acme-widgets 1.2.0rc1");
  }

  @Test
  void anInvalidOrComputedVersionIsLeftToOtherRules() {
    assertThat(
            new VersionUnpublishedRule()
                .evaluate(facts("1.0-SNAPSHOT", answer(true, true, false)))
                .applicable())
        .isFalse();
    assertThat(asked).isEmpty();
  }
}
