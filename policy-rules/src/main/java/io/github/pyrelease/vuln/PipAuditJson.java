package io.github.pyrelease.vuln;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.deps.Dependency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit in pip-audit's JSON shape, so that tools reading pip-audit's output read pyrelease's:
 * {@code {"dependencies": [{"name", "version", "vulns": [{"id", "aliases", "fix_versions",
 * "description"}]}]}}, names PEP 503-normalised, every audited dependency listed; one that could
 * not be audited has a {@code skip_reason} instead of {@code vulns}, as pip-audit writes it.
 */
public final class PipAuditJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PipAuditJson() {}

  /**
   * @param answers the advisory source's answers by package version
   * @param waived ids of vulnerabilities the policy waives, left out as {@code --ignore-vuln} does
   */
  public static String render(
      List<Dependency> dependencies,
      Map<PackageVersion, AuditedPackage> answers,
      Set<String> waived) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("dependencies");
    Set<String> seen = new HashSet<>();
    for (Dependency dependency : dependencies) {
      String name = dependency.normalizedName();
      ObjectNode entry = JSON.createObjectNode().put("name", name);
      if (dependency.version() == null) {
        if (seen.add(name + " " + dependency.requirement())) {
          entry.put(
              "skip_reason",
              "Dependency has no exact version and could not be audited: "
                  + dependency.requirement());
          list.add(entry);
        }
        continue;
      }
      if (!seen.add(name + "==" + dependency.version())) {
        continue;
      }
      entry.put("version", dependency.version());
      AuditedPackage audited = answers.get(new PackageVersion(name, dependency.version()));
      if (audited == null) {
        entry.put("skip_reason", "Dependency was not audited: no advisory source could be read");
        list.add(entry);
        continue;
      }
      ArrayNode vulns = entry.putArray("vulns");
      for (Vulnerability vulnerability : audited.vulnerabilities()) {
        if (vulnerability.ids().stream().anyMatch(waived::contains)) {
          continue;
        }
        ObjectNode vuln = vulns.addObject().put("id", vulnerability.id());
        ArrayNode fixes = vuln.putArray("fix_versions");
        vulnerability.fixedVersions().forEach(fixes::add);
        ArrayNode aliases = vuln.putArray("aliases");
        vulnerability.aliases().forEach(aliases::add);
        vuln.put("description", vulnerability.description());
      }
      list.add(entry);
    }
    root.putArray("fixes");
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
