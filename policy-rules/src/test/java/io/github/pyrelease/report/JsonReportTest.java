package io.github.pyrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    assertThat(root.at("/summary/rules").asInt()).isEqualTo(4);
    assertThat(root.at("/summary/failed").asInt()).isEqualTo(1);
    assertThat(root.at("/summary/warning").asInt()).isEqualTo(1);
    JsonNode failed = root.at("/results/1");
    assertThat(failed.get("rule").asText()).isEqualTo("version-consistent");
    assertThat(failed.get("outcome").asText()).isEqualTo("failed");
    assertThat(failed.at("/findings/0/evidence/1/file").asText()).isEqualTo("src/acme/__init__.py");
    assertThat(failed.at("/findings/0/evidence/1/line").asInt()).isEqualTo(3);
    assertThat(failed.at("/findings/0/fix").asText()).startsWith("change src/acme/__init__.py:3");
    assertThat(root.at("/results/2/findings/0/fix").isNull()).isTrue();
  }
}
