package io.github.pyrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.policy.Level;
import org.junit.jupiter.api.Test;

class SarifReportTest {

  private static JsonNode sarif() throws Exception {
    return new ObjectMapper()
        .readTree(
            SarifReport.render(
                new Report(SampleEvaluation.create(), "policy p.yaml", Level.ERROR, "1.0")));
  }

  @Test
  void rulesCarryTheirLevelUnderThePolicyAndResultsPointAtFileAndLine() throws Exception {
    JsonNode run = sarif().at("/runs/0");

    assertThat(run.at("/tool/driver/name").asText()).isEqualTo("pyrelease");
    assertThat(run.at("/tool/driver/rules/1/id").asText()).isEqualTo("version-consistent");
    assertThat(run.at("/tool/driver/rules/1/name").asText()).isEqualTo("VersionConsistent");
    assertThat(run.at("/tool/driver/rules/1/defaultConfiguration/level").asText())
        .isEqualTo("error");
    assertThat(run.at("/tool/driver/rules/4/defaultConfiguration/level").asText())
        .isEqualTo("none");
    JsonNode mismatch = run.at("/results/0");
    assertThat(mismatch.get("ruleId").asText()).isEqualTo("version-consistent");
    assertThat(mismatch.get("ruleIndex").asInt()).isEqualTo(1);
    assertThat(mismatch.get("level").asText()).isEqualTo("error");
    assertThat(mismatch.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("python/acme/src/acme/__init__.py");
    assertThat(mismatch.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText())
        .isEqualTo("%SRCROOT%");
    assertThat(mismatch.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
    assertThat(mismatch.at("/relatedLocations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("python/acme/pyproject.toml");
    assertThat(mismatch.at("/message/text").asText())
        .endsWith(". Fix: change src/acme/__init__.py:3 to '1.2.0'");
    assertThat(mismatch.at("/partialFingerprints/pyreleaseFinding~1v1").asText())
        .isEqualTo("version-consistent/src/acme/__init__.py:3");
    assertThat(run.at("/results/1/level").asText()).isEqualTo("warning");
  }

  @Test
  void advisoryFindingsCarryTheAdvisoryIdAsTheirRuleId() throws Exception {
    JsonNode run =
        new ObjectMapper()
            .readTree(
                SarifReport.render(
                    new Report(SampleEvaluation.advisory(), "policy p.yaml", Level.ERROR, "1.0")))
            .at("/runs/0");

    JsonNode rules = run.at("/tool/driver/rules");
    assertThat(rules.findValuesAsText("id"))
        .containsExactly("changelog-entry", "vulnerabilities", "PYSEC-2019-217", "PYSEC-2021-66");
    JsonNode first = run.at("/results/0");
    assertThat(first.get("ruleId").asText()).isEqualTo("PYSEC-2019-217");
    assertThat(rules.get(first.get("ruleIndex").asInt()).get("id").asText())
        .isEqualTo("PYSEC-2019-217");
    assertThat(rules.get(2).at("/properties/aliases").toString())
        .isEqualTo("[\"PYSEC-2019-217\",\"CVE-2019-10906\",\"GHSA-462w-v97r-4m45\"]");
    assertThat(rules.get(2).at("/properties/pyreleaseRule").asText()).isEqualTo("vulnerabilities");
    assertThat(run.at("/results/1/ruleId").asText()).isEqualTo("PYSEC-2021-66");
    assertThat(run.at("/results/1/ruleIndex").asInt()).isEqualTo(3);
    assertThat(run.at("/results/1/properties/pyreleaseRule").asText()).isEqualTo("vulnerabilities");
  }

  @Test
  void aWaivedFindingIsAnAcceptedSuppression() throws Exception {
    JsonNode waived = sarif().at("/runs/0/results/2");

    assertThat(waived.get("ruleId").asText()).isEqualTo("licenses");
    assertThat(waived.at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(waived.at("/suppressions/0/status").asText()).isEqualTo("accepted");
    assertThat(waived.at("/suppressions/0/justification").asText())
        .isEqualTo("replaced in 2.0 <see #12> (waived until 2027-01-31 by release-policy.yaml:9)");
  }

  @Test
  void pathsWithSpacesAreValidUriReferences() {
    assertThat(SarifReport.uri("my project", "src/a b.py")).isEqualTo("my%20project/src/a%20b.py");
    assertThat(SarifReport.uri(".", "pyproject.toml")).isEqualTo("pyproject.toml");
    assertThat(SarifReport.uri("/abs/dir", "x.py")).isEqualTo("file:///abs/dir/x.py");
    assertThat(SarifReport.uri(".", "classpath:org/acme/p.yaml"))
        .isEqualTo("classpath:org/acme/p.yaml");
  }
}
