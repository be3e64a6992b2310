package io.github.pyrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.policy.Level;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  @Test
  void carriesEveryResultWithFindingsEvidenceAndCounts() throws Exception {
    JsonNode root =
        new ObjectMapper()
            .readTree(
                JsonReport.render(SampleEvaluation.create(), "built-in default policy", "9.9"));

    assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.at("/tool/version").asText()).isEqualTo("9.9");
    assertThat(root.at("/project/name").asText()).isEqualTo("acme-widgets");
    assertThat(root.at("/summary/rules").asInt()).isEqualTo(5);
    assertThat(root.at("/summary/failed").asInt()).isEqualTo(1);
    assertThat(root.at("/summary/warning").asInt()).isEqualTo(1);
    assertThat(root.at("/summary/waived").asInt()).isEqualTo(1);
    assertThat(root.get("failOn").asText()).isEqualTo("error");
    assertThat(root.get("failed").asBoolean()).isTrue();
    JsonNode failed = root.at("/results/1");
    assertThat(failed.get("rule").asText()).isEqualTo("version-consistent");
    assertThat(failed.get("outcome").asText()).isEqualTo("failed");
    assertThat(failed.at("/findings/0/evidence/1/file").asText()).isEqualTo("src/acme/__init__.py");
    assertThat(failed.at("/findings/0/evidence/1/line").asInt()).isEqualTo(3);
    assertThat(failed.at("/findings/0/fix").asText()).startsWith("change src/acme/__init__.py:3");
    assertThat(failed.at("/findings/0").has("waiver")).isFalse();
    assertThat(root.at("/results/2/findings/0/fix").isNull()).isTrue();
  }

  @Test
  void aWaivedFindingKeepsItsLevelAndSaysWhoWaivedItUntilWhen() throws Exception {
    JsonNode waived =
        new ObjectMapper()
            .readTree(
                JsonReport.render(
                    new Report(SampleEvaluation.create(), "policy p.yaml", Level.WARNING, "1")))
            .at("/results/3");

    assertThat(waived.get("outcome").asText()).isEqualTo("waived");
    assertThat(waived.at("/findings/0/level").asText()).isEqualTo("error");
    assertThat(waived.at("/findings/0/waiver/until").asText()).isEqualTo("2027-01-31");
    assertThat(waived.at("/findings/0/waiver/file").asText()).isEqualTo("release-policy.yaml");
    assertThat(waived.at("/findings/0/waiver/line").asInt()).isEqualTo(9);
    assertThat(waived.at("/findings/0/waiver/reason").asText())
        .isEqualTo("replaced in 2.0 <see #12>");
  }
}
