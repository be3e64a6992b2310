package io.github.pyrelease.vuln;

/**
 * Where a rule asks for advisories to be read.
 *
 * @param database an offline OSV database (directory, zip or .tar.gz) relative to the project, or
 *     {@code null} for the one the run configures (CLI {@code --advisories}, Maven {@code
 *     pyrelease.advisories}), else the OSV API
 * @param api the OSV API's base URL when no database is given, or {@code null} for the one the run
 *     configures, else {@code https://api.osv.dev}
 */
public record AdvisoryLocation(String database, String api) {

  /** What the run configures. */
  public static AdvisoryLocation configured() {
    return new AdvisoryLocation(null, null);
  }
}
