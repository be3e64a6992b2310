package io.github.pyrelease.report;

import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleResult.LeveledFinding;
import io.github.pyrelease.policy.Waiver;
import java.util.Map;

/**
 * The machine-readable report. Its shape is versioned by {@code schemaVersion} and described by the
 * JSON Schema {@value #SCHEMA_RESOURCE} in the pyrelease jar; fields are only ever added within a
 * version.
 */
public final class JsonReport {

  /** Raised when a field is removed or changes meaning. */
  public static final int SCHEMA_VERSION = 1;

  /** The JSON Schema of this version, as a class path resource. */
  public static final String SCHEMA_RESOURCE = "/io/github/pyrelease/report/report-1.schema.json";

  private JsonReport() {}

  /** The report of a check that fails on errors. */
  public static String render(Evaluation evaluation, String policyOrigin, String toolVersion) {
    return render(new Report(evaluation, policyOrigin, Level.ERROR, toolVersion));
  }

  public static String render(Report report) {
    Evaluation evaluation = report.evaluation();
    JsonDocument json = new JsonDocument().startObject();
    json.field("schemaVersion", SCHEMA_VERSION);
    json.startObject("tool")
        .field("name", "pyrelease")
        .field("version", report.toolVersion())
        .endObject();
    json.startObject("project")
        .field("name", evaluation.projectName())
        .field("version", evaluation.projectVersion())
        .field("dir", evaluation.projectDir())
        .endObject();
    json.field("policy", report.policy());
    json.field("failOn", report.failOn().id());
    json.field("failed", report.failed());
    json.startObject("summary").field("rules", evaluation.results().size());
    for (Map.Entry<Outcome, Long> count : evaluation.counts().entrySet()) {
      json.field(count.getKey().id(), count.getValue());
    }
    json.endObject();
    json.startArray("results");
    for (RuleResult result : evaluation.results()) {
      result(json, result);
    }
    return json.endArray().endObject().finish();
  }

  private static void result(JsonDocument json, RuleResult result) {
    json.startObject()
        .field("rule", result.ruleId())
        .field("stage", result.stage().id())
        .field("level", result.level().id())
        .field("outcome", result.outcome().id())
        .field("summary", result.summary())
        .field("description", result.description());
    json.startArray("findings");
    for (LeveledFinding leveled : result.findings()) {
      json.startObject()
          .field("key", leveled.finding().key())
          .field("level", leveled.level().id())
          .field("message", leveled.finding().message());
      json.startArray("evidence");
      for (Evidence e : leveled.finding().evidence()) {
        json.startObject().field("file", e.file());
        if (e.line() > 0) {
          json.field("line", e.line());
        }
        json.field("detail", e.detail()).endObject();
      }
      json.endArray().field("fix", leveled.finding().fix());
      if (leveled.waived()) {
        Waiver waiver = leveled.waiver();
        json.startObject("waiver")
            .field("until", waiver.until().toString())
            .field("reason", waiver.reason())
            .field("file", waiver.file());
        if (waiver.line() > 0) {
          json.field("line", waiver.line());
        }
        json.endObject();
      }
      json.endObject();
    }
    json.endArray().endObject();
  }
}
