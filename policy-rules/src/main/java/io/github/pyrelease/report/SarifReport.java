package io.github.pyrelease.report;

import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleResult.LeveledFinding;
import io.github.pyrelease.policy.Waiver;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
    JsonDocument json = new JsonDocument().startObject();
    json.field("$schema", SCHEMA).field("version", "2.1.0");
    json.startArray("runs").startObject();
    json.startObject("tool").startObject("driver");
    json.field("name", "pyrelease")
        .field("version", report.toolVersion())
        .field("informationUri", INFORMATION_URI);
    json.startArray("rules");
    List<RuleResult> results = report.results();
    for (RuleResult result : results) {
      descriptor(json, result);
    }
    List<String> advisories = advisoryIds(results);
    for (String id : advisories) {
      advisoryDescriptor(json, id, results);
    }
    json.endArray().endObject().endObject();
    json.startObject("originalUriBaseIds")
        .startObject(SRCROOT)
        .field("uri", Path.of("").toAbsolutePath().toUri().toString())
        .endObject()
        .endObject();
    json.startArray("invocations").startObject().field("executionSuccessful", true);
    json.startObject("properties").field("policy", report.policy()).endObject();
    json.endObject().endArray();
    json.startArray("results");
    for (int index = 0; index < results.size(); index++) {
      RuleResult result = results.get(index);
      for (LeveledFinding finding : result.findings()) {
        boolean advisory = !finding.finding().aliases().isEmpty();
        String ruleId = advisory ? finding.finding().key() : result.ruleId();
        int ruleIndex =
            advisory ? results.size() + advisories.indexOf(finding.finding().key()) : index;
        result(json, report, result, ruleId, ruleIndex, finding);
      }
    }
    return json.endArray().endObject().endArray().endObject().finish();
  }

  /**
   * The keys of findings known by several ids (advisories): code scanning lists each advisory as a
   * rule of its own, so its results carry the advisory's id as their rule id.
   */
  private static List<String> advisoryIds(List<RuleResult> results) {
    Set<String> ids = new LinkedHashSet<>();
    for (RuleResult result : results) {
      for (LeveledFinding leveled : result.findings()) {
        if (!leveled.finding().aliases().isEmpty()) {
          ids.add(leveled.finding().key());
        }
      }
    }
    return List.copyOf(ids);
  }

  private static void advisoryDescriptor(JsonDocument json, String id, List<RuleResult> results) {
    RuleResult rule = null;
    LeveledFinding first = null;
    for (RuleResult result : results) {
      for (LeveledFinding leveled : result.findings()) {
        if (first == null
            && leveled.finding().key().equals(id)
            && !leveled.finding().aliases().isEmpty()) {
          rule = result;
          first = leveled;
        }
      }
    }
    json.startObject().field("id", id).field("name", id);
    text(json, "shortDescription", first.finding().message());
    text(
        json,
        "fullDescription",
        first.finding().message()
            + " (aliases: "
            + String.join(", ", first.finding().aliases())
            + "; found by pyrelease rule "
            + rule.ruleId()
            + ")");
    json.startObject("defaultConfiguration").field("level", level(rule.level())).endObject();
    json.startObject("properties")
        .field("stage", rule.stage().id())
        .field("pyreleaseRule", rule.ruleId());
    json.startArray("aliases");
    first.finding().aliases().forEach(json::value);
    json.endArray();
    json.startArray("tags")
        .value("pyrelease")
        .value(rule.stage().id())
        .value("security")
        .endArray();
    json.endObject().endObject();
  }

  private static void descriptor(JsonDocument json, RuleResult result) {
    json.startObject().field("id", result.ruleId()).field("name", pascalCase(result.ruleId()));
    text(json, "shortDescription", result.description());
    text(
        json,
        "fullDescription",
        result.description() + " (pyrelease rule, stage " + result.stage().id() + ")");
    json.startObject("defaultConfiguration").field("level", level(result.level())).endObject();
    json.startObject("properties").field("stage", result.stage().id());
    json.startArray("tags").value("pyrelease").value(result.stage().id()).endArray();
    json.endObject().endObject();
  }

  /** A SARIF message object: {@code "name": {"text": text}}. */
  private static void text(JsonDocument json, String name, String text) {
    json.startObject(name).field("text", text).endObject();
  }

  private static void result(
      JsonDocument json,
      Report report,
      RuleResult rule,
      String ruleId,
      int ruleIndex,
      LeveledFinding leveled) {
    json.startObject()
        .field("ruleId", ruleId)
        .field("ruleIndex", ruleIndex)
        .field("kind", "fail")
        .field("level", level(leveled.level()));
    String fix = leveled.finding().fix();
    text(json, "message", leveled.finding().message() + (fix == null ? "" : ". Fix: " + fix));
    String projectDir = report.evaluation().projectDir();
    List<Evidence> inFiles =
        leveled.finding().evidence().stream().filter(e -> e.file() != null).toList();
    // The last evidence names the place to change (as the console and annotations show it).
    Evidence primary = inFiles.isEmpty() ? null : inFiles.get(inFiles.size() - 1);
    json.startArray("locations").startObject();
    location(
        json,
        projectDir,
        primary == null ? new Evidence("pyproject.toml", 0, "the project") : primary);
    json.endObject().endArray();
    if (inFiles.size() > 1) {
      json.startArray("relatedLocations");
      for (int i = 0; i < inFiles.size() - 1; i++) {
        json.startObject().field("id", i);
        location(json, projectDir, inFiles.get(i));
        text(json, "message", inFiles.get(i).detail());
        json.endObject();
      }
      json.endArray();
    }
    json.startObject("partialFingerprints")
        .field(FINGERPRINT, rule.ruleId() + "/" + leveled.finding().key())
        .endObject();
    json.startObject("properties").field("key", leveled.finding().key());
    json.field("pyreleaseRule", rule.ruleId());
    json.startArray("evidence");
    leveled.finding().evidence().forEach(e -> json.value(e.toString()));
    json.endArray().endObject();
    if (leveled.waived()) {
      Waiver waiver = leveled.waiver();
      json.startArray("suppressions")
          .startObject()
          .field("kind", "external")
          .field("status", "accepted")
          .field(
              "justification",
              waiver.reason()
                  + " (waived until "
                  + waiver.until()
                  + " by "
                  + waiver.location()
                  + ")")
          .endObject()
          .endArray();
    }
    json.endObject();
  }

  /** The fields of a SARIF location object, written into the one the caller opened. */
  private static void location(JsonDocument json, String projectDir, Evidence evidence) {
    json.startObject("physicalLocation");
    json.startObject("artifactLocation").field("uri", uri(projectDir, evidence.file()));
    if (!isAbsolute(evidence.file()) && !isAbsolute(projectDir)) {
      json.field("uriBaseId", SRCROOT);
    }
    json.endObject();
    if (evidence.line() > 0) {
      json.startObject("region").field("startLine", evidence.line()).endObject();
    }
    json.endObject();
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
