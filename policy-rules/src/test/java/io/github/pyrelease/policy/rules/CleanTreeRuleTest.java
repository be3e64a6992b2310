package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.git.GitStatus.Change;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.StubGit;
import io.github.pyrelease.policy.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanTreeRuleTest {

  @Test
  void aCleanTreePasses() {
    Verdict verdict = new CleanTreeRule().evaluate(StubFacts.create().git(StubGit.onMain()));

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary()).isEqualTo("the work tree is clean");
  }

  @Test
  void everyDirtyPathIsListedWithHowItChanged() {
    StubGit git =
        StubGit.onMain()
            .dirty("src/acme/__init__.py", Change.MODIFIED)
            .dirty("notes.txt", Change.UNTRACKED)
            .dirty("setup.cfg", Change.STAGED);

    Verdict verdict = new CleanTreeRule().evaluate(StubFacts.create().git(git));

    assertThat(verdict.summary()).isEqualTo("3 files are not committed");
    assertThat(verdict.findings().get(0).evidence())
        .extracting(Evidence::detail)
        .containsExactly(
            "modified: src/acme/__init__.py", "untracked: notes.txt", "staged: setup.cfg");
    assertThat(verdict.findings().get(0).fix()).contains("git stash --include-untracked");
  }

  @Test
  void allowedPathsMayBeDirty() {
    StubGit git =
        StubGit.onMain()
            .dirty("CHANGELOG.md", Change.MODIFIED)
            .dirty("docs/a.md", Change.UNTRACKED);
    CleanTreeRule rule =
        new CleanTreeRule(
            RuleOptions.of(
                "clean-tree",
                new CleanTreeRule().options(),
                Map.of("allow", List.of("CHANGELOG.md", "docs/**"))));

    Verdict verdict = rule.evaluate(StubFacts.create().git(git));

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary()).isEqualTo("the work tree is clean but for 2 allowed path(s)");
  }

  @Test
  void thousandsOfDirtyFilesAreCountedNotAllListed() {
    StubGit git = StubGit.onMain();
    for (int i = 0; i < 3000; i++) {
      git.dirty("gen/file" + i + ".py", Change.UNTRACKED);
    }

    Verdict verdict = new CleanTreeRule().evaluate(StubFacts.create().git(git));

    List<Evidence> evidence = verdict.findings().get(0).evidence();
    assertThat(evidence).hasSize(26);
    assertThat(evidence.get(25).detail()).isEqualTo("... and 2975 more");
  }

  @Test
  void outsideARepositoryItFailsSayingSo() {
    Verdict verdict = new CleanTreeRule().evaluate(StubFacts.create().noRepository());

    assertThat(verdict.summary()).isEqualTo("not a git repository");
    assertThat(verdict.findings().get(0).key()).isEqualTo("not-a-repository");
  }
}
