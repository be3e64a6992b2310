package io.github.pyrelease.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleResult.LeveledFinding;
import io.github.pyrelease.policy.Waiver;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * SARIF 2.1.0 for code scanning: one run, every evaluated rule as a reporting descriptor with its
 * level under the policy, one result per finding with a location (file and line), a stable
 * fingerprint from the finding's key, and waived findings as accepted external suppressions. Paths
 * are relative to the directory pyrelease ran in ({@code %SRCROOT%}), which in CI is the checkout,
 * as GitHub code scanning expects.
 */
public final class SarifReport {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "%SRCROOT%";
  static final String FINGERPRINT = "pyreleaseFinding/v1";
  private static final String INFORMATION_URI = "https://github.com/pyrelease/pyrelease";

  private SarifReport() {}

  public static String render(Report report) {
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "pyrelease");
    driver.put("version", report.toolVersion());
    driver.put("informationUri", INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    List<RuleResult> results = report.results();
    for (RuleResult result : results) {
      descriptor(rules.addObject(), result);
    }
    run.putObject("originalUriBaseIds")
        .putObject(SRCROOT)
        .put("uri", Path.of("").toAbsolutePath().toUri().toString());
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    invocation.putObject("properties").put("policy", report.policy());
    ArrayNode sarifResults = run.putArray("results");
    for (int index = 0; index < results.size(); index++) {
      RuleResult result = results.get(index);
      for (LeveledFinding finding : result.findings()) {
        result(sarifResults.addObject(), report, result, index, finding);
      }
    }
    return JsonReport.write(root);
  }

  private static void descriptor(ObjectNode rule, RuleResult result) {
    rule.put("id", result.ruleId());
    rule.put("name", pascalCase(result.ruleId()));
    rule.putObject("shortDescription").put("text", result.description());
    rule.putObject("fullDescription")
        .put("text", result.description() + " (pyrelease rule, stage " + result.stage().id() + ")");
    rule.putObject("defaultConfiguration").put("level", level(result.level()));
    ObjectNode properties = rule.putObject("properties");
    properties.put("stage", result.stage().id());
    properties.putArray("tags").add("pyrelease").add(result.stage().id());
  }

  private static void result(
      ObjectNode node, Report report, RuleResult rule, int ruleIndex, LeveledFinding leveled) {
    node.put("ruleId", rule.ruleId());
    node.put("ruleIndex", ruleIndex);
    node.put("kind", "fail");
    node.put("level", level(leveled.level()));
    String fix = leveled.finding().fix();
    node.putObject("message")
        .put("text", leveled.finding().message() + (fix == null ? "" : ". Fix: " + fix));
    String projectDir = report.evaluation().projectDir();
    List<Evidence> inFiles =
        leveled.finding().evidence().stream().filter(e -> e.file() != null).toList();
    // The last evidence names the place to change (as the console and annotations show it).
    Evidence primary = inFiles.isEmpty() ? null : inFiles.get(inFiles.size() - 1);
    location(
        node.putArray("locations").addObject(),
        projectDir,
        primary == null ? new Evidence("pyproject.toml", 0, "the project") : primary);
    if (inFiles.size() > 1) {
      ArrayNode related = node.putArray("relatedLocations");
      for (int i = 0; i < inFiles.size() - 1; i++) {
        ObjectNode location = related.addObject();
        location.put("id", i);
        location(location, projectDir, inFiles.get(i));
        location.putObject("message").put("text", inFiles.get(i).detail());
      }
    }
    node.putObject("partialFingerprints")
        .put(FINGERPRINT, rule.ruleId() + "/" + leveled.finding().key());
    ObjectNode properties = node.putObject("properties");
    properties.put("key", leveled.finding().key());
    ArrayNode evidence = properties.putArray("evidence");
    leveled.finding().evidence().forEach(e -> evidence.add(e.toString()));
    if (leveled.waived()) {
      Waiver waiver = leveled.waiver();
      ObjectNode suppression = node.putArray("suppressions").addObject();
      suppression.put("kind", "external");
      suppression.put("status", "accepted");
      suppression.put(
          "justification",
          waiver.reason() + " (waived until " + waiver.until() + " by " + waiver.location() + ")");
    }
  }

  private static void location(ObjectNode location, String projectDir, Evidence evidence) {
    ObjectNode physical = location.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", uri(projectDir, evidence.file()));
    if (!isAbsolute(evidence.file()) && !isAbsolute(projectDir)) {
      artifact.put("uriBaseId", SRCROOT);
    }
    if (evidence.line() > 0) {
      physical.putObject("region").put("startLine", evidence.line());
    }
  }

  /** The file's URI reference: relative to where pyrelease ran, or absolute. */
  static String uri(String projectDir, String file) {
    if (file.startsWith("classpath:") || file.startsWith("https:") || file.startsWith("http:")) {
      return file;
    }
    Path path =
        isAbsolute(file) || projectDir == null || projectDir.equals(".")
            ? Path.of(file)
            : Path.of(projectDir, file);
    if (path.isAbsolute()) {
      return path.toUri().toString();
    }
    try {
      return new URI(null, null, path.toString().replace('\\', '/'), null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a relative path always makes a URI", e);
    }
  }

  private static boolean isAbsolute(String path) {
    return path != null && Path.of(path).isAbsolute();
  }

  static String level(Level level) {
    return switch (level) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
      case OFF -> "none";
    };
  }

  private static String pascalCase(String id) {
    StringBuilder name = new StringBuilder();
    for (String part : id.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return name.toString();
  }
}
