package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.secrets.SecretMatch;
import io.github.pyrelease.secrets.SecretScanRequest;
import io.github.pyrelease.secrets.SecretScanResult;
import io.github.pyrelease.secrets.SecretScans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsRuleTest {

  /** Scans that answer with given matches and remember what was asked. */
  private static final class Recorded implements SecretScans {
    final List<Scope> scopes = new ArrayList<>();
    final List<SecretScanRequest> requests = new ArrayList<>();
    final List<SecretMatch> matches;

    Recorded(List<SecretMatch> matches) {
      this.matches = matches;
    }

    @Override
    public SecretScanResult scan(Scope scope, SecretScanRequest request) {
      scopes.add(scope);
      requests.add(request);
      List<SecretMatch> mine = scope == Scope.HISTORY ? List.of() : matches;
      return new SecretScanResult(scope.name().toLowerCase(), mine, 10, 100, 1, 0, 2, List.of());
    }
  }

  private static StubFacts facts(Recorded scans) {
    return StubFacts.create().pyproject("1.0.0").secrets(scans);
  }

  private static final SecretMatch MATCH =
      new SecretMatch(
          "pypi-token",
          "A PyPI API token (upload token for pypi.org)",
          "target/dist/acme-1.0-py3-none-any.whl!acme/.pypirc",
          3,
          "pypi***",
          "acme/.pypirc:pypi-token:0123456789abcdef",
          null);

  @Test
  void oneClassTwoStagesWithTheSameOptions() {
    assertThat(SecretsRule.dist(RuleOptions.defaults()).stage()).isEqualTo(Stage.DIST);
    assertThat(SecretsRule.dist(RuleOptions.defaults()).id()).isEqualTo("secrets");
    assertThat(SecretsRule.source(RuleOptions.defaults()).stage()).isEqualTo(Stage.SOURCE);
    assertThat(SecretsRule.source(RuleOptions.defaults()).options())
        .containsAll(SecretsRule.dist(RuleOptions.defaults()).options())
        .contains(SecretsRule.HISTORY);
  }

  @Test
  void aMatchIsAFindingKeyedByItsFingerprintShowingOnlyTheRedactedSecret() {
    Recorded scans = new Recorded(List.of(MATCH));
    SecretsRule rule = SecretsRule.source(RuleOptions.defaults());
    Verdict verdict = rule.evaluate(facts(scans));
    assertThat(scans.scopes).containsExactly(SecretScans.Scope.WORK_TREE);
    Finding finding = verdict.findings().get(0);
    assertThat(finding.key()).isEqualTo("acme/.pypirc:pypi-token:0123456789abcdef");
    assertThat(finding.message())
        .isEqualTo(
            "target/dist/acme-1.0-py3-none-any.whl!acme/.pypirc:3 holds a PyPI API token (upload"
                + " token for pypi.org) (pypi-token): pypi***");
    assertThat(finding.evidence().get(0).line()).isEqualTo(3);
    assertThat(verdict.summary())
        .isEqualTo("1 secret in work_tree, 10 files (2 accepted by the baseline)");
  }

  @Test
  void historyAndPolicyOptionsReachTheScan() {
    Recorded scans = new Recorded(List.of());
    RuleOptions options =
        RuleOptions.of(
            "secrets-source",
            SecretsRule.source(RuleOptions.defaults()).options(),
            Map.of(
                "history",
                true,
                "disable",
                List.of("jwt"),
                "baseline",
                "secrets-baseline.json",
                "rules",
                List.of(Map.of("id", "acme", "regex", "acme_[a-z]{8}"))));
    Verdict verdict = SecretsRule.source(options).evaluate(facts(scans));
    assertThat(scans.scopes)
        .containsExactly(SecretScans.Scope.WORK_TREE, SecretScans.Scope.HISTORY);
    SecretScanRequest request = scans.requests.get(0);
    assertThat(request.disabled()).containsExactly("jwt");
    assertThat(request.baseline()).isEqualTo("secrets-baseline.json");
    assertThat(request.rules()).extracting(r -> r.get("id")).containsExactly("acme");
    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary())
        .startsWith("no secrets in work_tree, 10 files; history, 10 files");
  }

  @Test
  void withoutDistributionsTheDistRuleHasNothingToScan() {
    Verdict verdict =
        SecretsRule.dist(RuleOptions.defaults()).evaluate(facts(new Recorded(List.of(MATCH))));
    assertThat(verdict.applicable()).isFalse();
  }
}
