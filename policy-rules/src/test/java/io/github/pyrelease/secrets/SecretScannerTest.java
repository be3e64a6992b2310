package io.github.pyrelease.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SecretScannerTest {

  private static final SecretCorpus CORPUS = new SecretCorpus();

  static List<SecretMatch> scan(RuleSet rules, SecretCorpus.Sample sample) {
    SecretScanner scanner = new SecretScanner(rules, 1 << 20);
    try {
      byte[] bytes = sample.bytes();
      scanner.accept(
          sample.path(), sample.path(), null, bytes.length, new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return scanner.summary().matches();
  }

  @Test
  void everyTruePositiveIsFoundAndNoNearMissMatches() {
    RuleSet rules = SecretConfig.builtIn().compile();
    List<String> missed = new ArrayList<>();
    int found = 0;
    for (SecretCorpus.Sample sample : CORPUS.positives()) {
      List<SecretMatch> matches = scan(rules, sample);
      boolean hit =
          matches.stream()
              .anyMatch(m -> m.ruleId().equals(sample.rule()) && m.line() == sample.line());
      if (hit) {
        found++;
      } else {
        missed.add(sample.rule() + " in " + sample.path() + " (got " + matches + ")");
      }
    }
    List<String> falseAlarms = new ArrayList<>();
    for (SecretCorpus.Sample sample : CORPUS.nearMisses()) {
      List<SecretMatch> matches = scan(rules, sample);
      if (!matches.isEmpty()) {
        falseAlarms.add(sample.path() + " (" + sample.why() + "): " + matches);
      }
    }
    int positives = CORPUS.positives().size();
    double recall = (double) found / positives;
    double precision =
        found + falseAlarms.size() == 0 ? 1 : (double) found / (found + falseAlarms.size());
    System.out.printf(
        "secrets corpus: %d true positives, %d near misses; recall %.1f%%, precision %.1f%%%n",
        positives, CORPUS.nearMisses().size(), 100 * recall, 100 * precision);
    assertThat(missed).as("true positives missed").isEmpty();
    assertThat(falseAlarms).as("near misses reported").isEmpty();
  }

  @Test
  void everyBuiltInRuleHasATruePositive() {
    Set<String> covered = new TreeSet<>();
    CORPUS.positives().forEach(s -> covered.add(s.rule()));
    assertThat(covered).containsExactlyInAnyOrderElementsOf(SecretConfig.builtIn().ruleIds());
  }

  @Test
  void findingsShowOnlyARedactedPrefix() {
    SecretCorpus.Sample sample =
        CORPUS.positives().stream()
            .filter(s -> s.rule().equals("pypi-token"))
            .findFirst()
            .orElseThrow();
    SecretMatch match = scan(SecretConfig.builtIn().compile(), sample).get(0);
    assertThat(match.redacted()).isEqualTo("pypi***");
    assertThat(match.toString()).doesNotContain("AgEIcHlwaS5vcmc");
    assertThat(match.location()).isEqualTo("src/pkg/.pypirc");
  }

  @Test
  void theFingerprintHoldsWhenLinesMoveAndChangesWithTheSecret() {
    RuleSet rules = SecretConfig.builtIn().compile();
    String token = CORPUS.githubToken("ghp_");
    String other = CORPUS.githubToken("ghp_");
    SecretMatch first =
        scan(rules, new SecretCorpus.Sample(null, "a.py", "T = '" + token + "'\n", 0, "")).get(0);
    SecretMatch moved =
        scan(rules, new SecretCorpus.Sample(null, "a.py", "\n\n\nT = '" + token + "'\n", 0, ""))
            .get(0);
    SecretMatch changed =
        scan(rules, new SecretCorpus.Sample(null, "a.py", "T = '" + other + "'\n", 0, "")).get(0);
    assertThat(moved.line()).isEqualTo(4);
    assertThat(moved.fingerprint()).isEqualTo(first.fingerprint()).startsWith("a.py:github-pat:");
    assertThat(changed.fingerprint()).isNotEqualTo(first.fingerprint());
    assertThat(first.fingerprint()).doesNotContain(token.substring(4, 12));
  }

  @Test
  void aKeyBodyHoldingAStopwordByChanceIsStillAKey() {
    String pem = CORPUS.pem("RSA PRIVATE KEY", "RSA");
    int body = pem.indexOf('\n') + 1;
    String withWord = pem.substring(0, body + 10) + "FaKeDuMmY" + pem.substring(body + 19);
    List<SecretMatch> matches =
        scan(
            SecretConfig.builtIn().compile(),
            new SecretCorpus.Sample(null, "k.pem", withWord, 0, ""));
    assertThat(matches).extracting(SecretMatch::ruleId).containsExactly("private-key");
  }

  @Test
  void largeFilesArePassedOverButStillNamedByPathRules() throws IOException {
    SecretScanner scanner = new SecretScanner(SecretConfig.builtIn().compile(), 10);
    byte[] big = ("KEY = 'AKIA" + "ABCDEFGHIJKLMNOP" + "'\n").getBytes();
    scanner.accept("x.py", "x.py", null, -1, new ByteArrayInputStream(big));
    scanner.accept(
        "deploy/id_rsa", "deploy/id_rsa", null, big.length, new ByteArrayInputStream(big));
    SecretScanner.Summary summary = scanner.summary();
    assertThat(summary.tooLarge()).isEqualTo(2);
    assertThat(summary.matches())
        .extracting(SecretMatch::ruleId)
        .containsExactly("private-key-file");
  }
}
