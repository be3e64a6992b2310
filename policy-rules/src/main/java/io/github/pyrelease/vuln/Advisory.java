package io.github.pyrelease.vuln;

import java.util.List;
import java.util.Objects;

/**
 * One OSV record as it concerns one package: what the index keeps of it, and all that matching
 * needs.
 *
 * @param id the record's id
 * @param aliases the record's aliases (CVE, GHSA, ...), as written
 * @param summary one line
 * @param description the summary, else the details, on one line (pip-audit's description)
 * @param severity from the record's CVSS vector or severity words
 * @param packageName the package, PEP 503-normalised
 * @param affected which versions of the package it affects
 * @param source the file (and archive member) it was read from, as messages name it
 */
public record Advisory(
    String id,
    List<String> aliases,
    String summary,
    String description,
    Severity severity,
    String packageName,
    AffectedVersions affected,
    String source) {

  public Advisory {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(affected, "affected");
    Objects.requireNonNull(source, "source");
    aliases = List.copyOf(aliases);
  }
}
