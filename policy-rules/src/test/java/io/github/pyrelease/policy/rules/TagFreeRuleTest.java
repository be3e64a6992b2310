package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.StubGit;
import io.github.pyrelease.policy.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagFreeRuleTest {

  private static final String OTHER = "bbbbbbbbbbbb0000000000000000000000000000";

  private static Verdict on(String version, StubGit git) {
    return new TagFreeRule().evaluate(StubFacts.create().pyproject(version).git(git));
  }

  @Test
  void aFreeTagPasses() {
    assertThat(on("1.2.0", StubGit.onMain().tag("v1.1.0", OTHER)).summary())
        .isEqualTo("v1.2.0 is free locally and on origin");
  }

  @Test
  void aLocalTagOnAnotherCommitIsTakenWithoutAskingTheRemote() {
    Verdict verdict =
        on("1.2.0", StubGit.onMain().tag("v1.2.0", OTHER).remoteUnavailable("offline"));

    assertThat(verdict.summary()).isEqualTo("v1.2.0 is taken locally");
    assertThat(verdict.findings().get(0).message())
        .isEqualTo(
            "the tag v1.2.0 already exists locally on commit bbbbbbbbbbbb, not on HEAD (aaaaaaaaaaaa)");
    assertThat(verdict.findings().get(0).fix()).contains("git tag -d v1.2.0");
  }

  @Test
  void aRemoteTagOnAnotherCommitIsTaken() {
    Verdict verdict = on("1.2.0", StubGit.onMain().remoteTag("v1.2.0", OTHER));

    assertThat(verdict.summary())
        .isEqualTo("v1.2.0 is taken on origin (https://git.example/acme.git)");
    assertThat(verdict.findings().get(0).fix()).contains("a pushed tag is public");
  }

  @Test
  void theReleasesOwnTagOnHeadPasses() {
    assertThat(
            on("1.2.0", StubGit.onMain().tagAtHead("v1.2.0").remoteTag("v1.2.0", StubGit.HEAD))
                .summary())
        .isEqualTo("v1.2.0 points at HEAD: this release's own tag");
  }

  @Test
  void theTagIsComparedByItsNormalisedVersion() {
    // the project writes 1.2.0-RC1; its tag is v1.2.0rc1
    assertThat(on("1.2.0-RC1", StubGit.onMain().tag("v1.2.0rc1", OTHER)).findings()).hasSize(1);
  }

  @Test
  void offlineTheRemoteIsNotChecked() {
    assertThatThrownBy(() -> on("1.2.0", StubGit.onMain().remoteUnavailable("offline")))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessage("offline");
  }

  @Test
  void withoutARemoteOnlyLocalTagsCount() {
    assertThat(on("1.2.0", StubGit.onMain().noRemote()).summary())
        .isEqualTo("v1.2.0 is free locally (no remote configured)");
  }

  @Test
  void theFormatIsAnOption() {
    TagFreeRule rule =
        new TagFreeRule(
            RuleOptions.of(
                "tag-free", new TagFreeRule().options(), Map.of("format", "release-{version}")));

    Verdict verdict =
        rule.evaluate(
            StubFacts.create().pyproject("2.0").git(StubGit.onMain().tag("release-2.0", OTHER)));

    assertThat(verdict.findings()).hasSize(1);
  }

  @Test
  void withoutALiteralVersionThereIsNothingToCheck() {
    assertThat(
            new TagFreeRule().evaluate(StubFacts.create().vcs().git(StubGit.onMain())).applicable())
        .isFalse();
  }
}
