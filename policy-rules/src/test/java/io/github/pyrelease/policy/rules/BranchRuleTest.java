package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.StubGit;
import io.github.pyrelease.policy.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BranchRuleTest {

  private static Verdict on(StubGit git) {
    return new BranchRule().evaluate(StubFacts.create().pyproject("1.2.0").git(git));
  }

  @Test
  void theDefaultReleaseBranchesPass() {
    assertThat(on(StubGit.onMain()).summary()).isEqualTo("on branch main");
    assertThat(on(StubGit.onMain().branch("master")).findings()).isEmpty();
    assertThat(on(StubGit.onMain().branch("release/1.x")).findings()).isEmpty();
  }

  @Test
  void aFeatureBranchFailsNamingTheAllowedOnes() {
    Verdict verdict = on(StubGit.onMain().branch("feature/login"));

    assertThat(verdict.summary()).isEqualTo("on branch feature/login, not a release branch");
    assertThat(verdict.findings().get(0).message())
        .isEqualTo("releases are made from main, master, release/*, and HEAD is on feature/login");
    assertThat(on(StubGit.onMain().branch("release/1.x/extra")).findings()).hasSize(1);
  }

  @Test
  void theAllowedBranchesAreAnOption() {
    BranchRule rule =
        new BranchRule(
            RuleOptions.of("branch", new BranchRule().options(), Map.of("allow", "trunk")));

    assertThat(rule.evaluate(StubFacts.create().git(StubGit.onMain().branch("trunk"))).findings())
        .isEmpty();
    assertThat(rule.evaluate(StubFacts.create().git(StubGit.onMain())).findings()).hasSize(1);
  }

  @Test
  void aDetachedHeadPassesOnlyAtTheReleaseTag() {
    assertThat(on(StubGit.onMain().detached().tagAtHead("v1.2.0")).summary())
        .isEqualTo("detached HEAD at the release tag v1.2.0");

    Verdict other = on(StubGit.onMain().detached().tagAtHead("v1.1.0"));
    assertThat(other.findings().get(0).message())
        .isEqualTo(
            "HEAD is detached at aaaaaaaaaaaa (tags v1.1.0); a detached HEAD is allowed only at the"
                + " release tag v1.2.0");
    assertThat(other.findings().get(0).fix()).contains("git checkout v1.2.0");
    assertThat(on(StubGit.onMain().detached()).findings()).hasSize(1);
  }

  @Test
  void theTagFormatIsAnOptionAndMustNameTheVersion() {
    BranchRule rule =
        new BranchRule(
            RuleOptions.of(
                "branch", new BranchRule().options(), Map.of("tag-format", "{name}-{version}")));

    assertThat(
            rule.evaluate(
                    StubFacts.create()
                        .pyproject("1.2.0")
                        .git(StubGit.onMain().detached().tagAtHead("acme-widgets-1.2.0")))
                .findings())
        .isEmpty();
    assertThatThrownBy(
            () ->
                RuleOptions.of(
                    "branch", new BranchRule().options(), Map.of("tag-format", "release")))
        .hasMessageContaining("needs the placeholder {version}");
  }

  @Test
  void aRepositoryWithoutCommitsFails() {
    assertThat(on(StubGit.onMain().noCommit()).findings().get(0).message())
        .isEqualTo("the repository has no commit yet");
  }
}
