package io.github.pyrelease.vuln;

import java.util.List;
import java.util.Objects;

/**
 * What an advisory source knows of one package version.
 *
 * @param pkg the package version asked about
 * @param vulnerabilities its known vulnerabilities, aliases merged, most severe first
 * @param upgrade the smallest later version that none of the package's known advisories affects, or
 *     {@code null} when there is no such version known (or nothing to fix)
 * @param problems why some advisories of the package could not be evaluated (each names its record
 *     and file); the package is then not fully checked
 */
public record AuditedPackage(
    PackageVersion pkg,
    List<Vulnerability> vulnerabilities,
    String upgrade,
    List<String> problems) {

  public AuditedPackage {
    Objects.requireNonNull(pkg, "pkg");
    vulnerabilities = List.copyOf(vulnerabilities);
    problems = List.copyOf(problems);
  }
}
