package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.Origin;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PinnedRuleTest {

  private static Verdict evaluate(Map<String, ?> options, Dependency... dependencies) {
    return new PinnedRule(RuleOptions.of("pinned", new PinnedRule().options(), options))
        .evaluate(
            StubFacts.create()
                .dependencies(
                    new DependencyInventory(
                        InventorySource.DECLARED,
                        List.of("pyproject.toml"),
                        List.of(dependencies))));
  }

  @Test
  void anUnpinnedDependencyIsAFindingNamingWhereItIsWritten() {
    Verdict verdict =
        evaluate(
            Map.of(),
            Dependency.unpinned("requests", "requests>=2.31", new Origin("pyproject.toml", 4)),
            new Dependency(
                "attrs",
                "24.2.0",
                "attrs==24.2.0",
                new Origin("pyproject.toml", 5),
                InventorySource.DECLARED));
    assertThat(verdict.findings()).extracting(Finding::key).containsExactly("requests");
    Finding finding = verdict.findings().get(0);
    assertThat(finding.message())
        .isEqualTo("requests is not pinned to one version: 'requests>=2.31' at pyproject.toml:4");
    assertThat(finding.fix()).startsWith("lock the dependencies");
    assertThat(verdict.summary()).isEqualTo("1 of 2 dependencies are not pinned (pyproject.toml)");
  }

  @Test
  void allowUnpinnedComparesNormalisedNames() {
    Verdict verdict =
        evaluate(
            Map.of("allow-unpinned", List.of("My_Local.Tool")),
            Dependency.unpinned("my-local-tool", "./tool", new Origin("requirements.txt", 1)));
    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary()).isEqualTo("1 dependency is pinned (pyproject.toml)");
  }
}
