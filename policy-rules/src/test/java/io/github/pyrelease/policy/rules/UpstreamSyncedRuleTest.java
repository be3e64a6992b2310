package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.StubGit;
import io.github.pyrelease.policy.Verdict;
import org.junit.jupiter.api.Test;

class UpstreamSyncedRuleTest {

  private static Verdict on(StubGit git) {
    return new UpstreamSyncedRule().evaluate(StubFacts.create().git(git));
  }

  @Test
  void inSyncAfterAFetchPasses() {
    assertThat(on(StubGit.onMain()).summary())
        .isEqualTo("main is in sync with origin/main (fetched)");
  }

  @Test
  void aheadBehindAndDivergedEachSayWhatToDo() {
    Verdict ahead = on(StubGit.onMain().upstream(2, 0, true, null));
    Verdict behind = on(StubGit.onMain().upstream(0, 1, true, null));
    Verdict diverged = on(StubGit.onMain().upstream(2, 3, true, null));

    assertThat(ahead.summary()).isEqualTo("2 commits ahead of origin/main");
    assertThat(ahead.findings().get(0).fix()).isEqualTo("push them first: git push");
    assertThat(behind.findings().get(0).message())
        .isEqualTo("origin/main has 1 commit that main lacks");
    assertThat(behind.findings().get(0).fix()).contains("git pull --ff-only");
    assertThat(diverged.findings().get(0).message())
        .isEqualTo("main and origin/main have diverged: 2 commits only here, 3 commits only there");
  }

  @Test
  void noUpstreamOrAGoneOneFailsWithThePushThatFixesIt() {
    assertThat(on(StubGit.onMain().noUpstream()).findings().get(0).fix())
        .isEqualTo("push it and set its upstream: git push -u origin main");
    assertThat(on(StubGit.onMain().upstreamGone()).summary())
        .isEqualTo("origin/main does not exist");
  }

  @Test
  void anUpstreamNeverFetchedAndUnreachableIsNotCheckedRatherThanGone() {
    StubGit git =
        new StubGit() {
          @Override
          public java.util.Optional<io.github.pyrelease.git.UpstreamStatus> upstream(
              String server) {
            return java.util.Optional.of(
                new io.github.pyrelease.git.UpstreamStatus(
                    "main",
                    "origin/main",
                    "origin",
                    "ssh://git.example/acme.git",
                    true,
                    0,
                    0,
                    false,
                    "cannot fetch origin (ssh://git.example/acme.git): remote hung up unexpectedly"));
          }
        };

    assertThatThrownBy(() -> on(git))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessageContaining("remote hung up unexpectedly");
  }

  @Test
  void offlineIsNotCheckedUnlessUnpushedCommitsAreCertain() {
    assertThatThrownBy(() -> on(StubGit.onMain().upstream(0, 0, false, "offline")))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessage("offline");
    Verdict ahead = on(StubGit.onMain().upstream(1, 0, false, "offline"));
    assertThat(ahead.findings().get(0).message())
        .isEqualTo("main has 1 commit that origin/main lacks as last fetched");
  }

  @Test
  void aFetchThatFailedIsNotCheckedWithItsReason() {
    assertThatThrownBy(
            () -> on(StubGit.onMain().upstream(0, 0, false, "cannot fetch origin (x): timeout")))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessage("cannot fetch origin (x): timeout");
  }

  @Test
  void aShallowCloneWarnsThatCountsMayBeOff() {
    assertThat(
            on(StubGit.onMain().shallowClone().upstream(0, 4, true, null))
                .findings()
                .get(0)
                .message())
        .endsWith("(shallow clone: counts may be off; git fetch --unshallow)");
  }

  @Test
  void aDetachedHeadHasNothingToCompare() {
    Verdict verdict = on(StubGit.onMain().detached());

    assertThat(verdict.applicable()).isFalse();
    assertThat(verdict.summary()).isEqualTo("HEAD is detached (a tag build): no branch to compare");
  }
}
