package io.github.pyrelease.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.http.ResponseCache;
import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Policy;
import io.github.pyrelease.policy.PolicyEngine;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.RuleSetting;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.report.JsonReport;
import io.github.pyrelease.report.TextReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private index with credentials, end to end through the real facts and reports: the token is
 * sent, and appears in no report line, JSON report or error, whatever the index answers.
 */
class SecretsNeverLeakTest {

  private static final String TOKEN = "pypi-AgEIcHlwaS5vcmcFAKE-do-not-print";

  @TempDir Path dir;
  private final MockWebServer index = new MockWebServer();

  @BeforeEach
  void setUp() throws Exception {
    Files.writeString(
        dir.resolve("pyproject.toml"), "[project]\nname = \"acme\"\nversion = \"1.0\"\n");
    index.start();
  }

  @AfterEach
  void stop() {
    index.close();
  }

  private String evaluate() throws Exception {
    Network network =
        Network.of(
            false,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            2,
            List.of(),
            new CredentialLookup(
                new ServerCredentials(
                    Map.of(
                        "acme",
                        new Credentials(
                            "__token__", Secret.of(TOKEN), "settings.xml server 'acme'"))),
                Map.of("PYRELEASE_OTHER_TOKEN", TOKEN)),
            Map.of(),
            new ResponseCache(),
            "test");
    Policy policy =
        new Policy(
            Map.of(
                "version-unpublished",
                new RuleSetting(
                    Level.ERROR,
                    Map.of("index", index.url("/simple/").toString(), "server", "acme"))),
            Level.WARNING,
            "test policy");
    try (ProjectFacts facts =
        new ProjectFacts(dir, dir.resolve("target/pyrelease"), network, null)) {
      List<RuleResult> results =
          new PolicyEngine(BuiltInRules.registry())
              .evaluate(policy, facts, new RuleSelection(Set.of(), Set.of("version-unpublished")));
      Evaluation evaluation = new Evaluation("acme", "1.0", ".", results);
      return TextReport.render(evaluation, policy.origin())
          + JsonReport.render(evaluation, policy.origin(), "test");
    }
  }

  @Test
  void aPublishedAnswerSendsTheTokenAndReportsWithoutIt() throws Exception {
    index.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/vnd.pypi.simple.v1+json")
            .body("{\"files\":[{\"filename\":\"acme-1.0.tar.gz\",\"hashes\":{}}]}")
            .build());

    String reports = evaluate();

    assertThat(reports).contains("acme 1.0 is already published").doesNotContain(TOKEN);
    RecordedRequest request = index.takeRequest();
    assertThat(request.getHeaders().get("Authorization")).startsWith("Basic ");
  }

  @Test
  void aServerThatKeepsFailingIsNotCheckedWithoutTheToken() throws Exception {
    for (int i = 0; i < 2; i++) {
      index.enqueue(
          new MockResponse.Builder().code(503).body("token " + TOKEN + " is fine").build());
    }

    assertThat(evaluate()).contains("not checked").doesNotContain(TOKEN);
  }

  @Test
  void aRefusedTokenIsAnErrorThatNamesTheServerNotTheToken() {
    index.enqueue(new MockResponse.Builder().code(403).body("bad token " + TOKEN).build());

    assertThatThrownBy(this::evaluate)
        .isInstanceOf(PyreleaseException.class)
        .satisfies(
            e -> {
              String all = ((PyreleaseException) e).describe() + e;
              assertThat(all).contains("server 'acme'").doesNotContain(TOKEN);
            });
  }
}
