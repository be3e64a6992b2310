package io.github.pyrelease.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** The report of a check that fails on errors. */
  public static String render(Evaluation evaluation, String policyOrigin, String toolVersion) {
    return render(new Report(evaluation, policyOrigin, Level.ERROR, toolVersion));
  }

  public static String render(Report report) {
    Evaluation evaluation = report.evaluation();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "pyrelease");
    tool.put("version", report.toolVersion());
    ObjectNode project = root.putObject("project");
    project.put("name", evaluation.projectName());
    project.put("version", evaluation.projectVersion());
    project.put("dir", evaluation.projectDir());
    root.put("policy", report.policy());
    root.put("failOn", report.failOn().id());
    root.put("failed", report.failed());
    ObjectNode summary = root.putObject("summary");
    summary.put("rules", evaluation.results().size());
    for (Map.Entry<Outcome, Long> count : evaluation.counts().entrySet()) {
      summary.put(count.getKey().id(), count.getValue());
    }
    ArrayNode results = root.putArray("results");
    evaluation.results().forEach(r -> result(results.addObject(), r));
    return write(root);
  }

  static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  private static void result(ObjectNode node, RuleResult result) {
    node.put("rule", result.ruleId());
    node.put("stage", result.stage().id());
    node.put("level", result.level().id());
    node.put("outcome", result.outcome().id());
    node.put("summary", result.summary());
    node.put("description", result.description());
    ArrayNode findings = node.putArray("findings");
    for (LeveledFinding leveled : result.findings()) {
      ObjectNode finding = findings.addObject();
      finding.put("key", leveled.finding().key());
      finding.put("level", leveled.level().id());
      finding.put("message", leveled.finding().message());
      ArrayNode evidence = finding.putArray("evidence");
      for (Evidence e : leveled.finding().evidence()) {
        ObjectNode item = evidence.addObject();
        item.put("file", e.file());
        if (e.line() > 0) {
          item.put("line", e.line());
        }
        item.put("detail", e.detail());
      }
      finding.put("fix", leveled.finding().fix());
      if (leveled.waived()) {
        Waiver waiver = leveled.waiver();
        ObjectNode waived = finding.putObject("waiver");
        waived.put("until", waiver.until().toString());
        waived.put("reason", waiver.reason());
        waived.put("file", waiver.file());
        if (waiver.line() > 0) {
          waived.put("line", waiver.line());
        }
      }
    }
  }
}
