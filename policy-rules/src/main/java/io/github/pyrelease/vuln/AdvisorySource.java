package io.github.pyrelease.vuln;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where known vulnerabilities come from: an offline OSV database or the OSV API. Rules ask it
 * through {@link io.github.pyrelease.policy.Facts#advisories()}.
 */
public interface AdvisorySource {

  /**
   * The known vulnerabilities of each package version, withdrawn advisories left out and aliases
   * merged; every package asked about is a key, with an empty list when it has none.
   *
   * @throws io.github.pyrelease.FactUnavailableException when the source cannot be read or reached
   *     (offline without a database, a server that fails)
   */
  Map<PackageVersion, List<Vulnerability>> vulnerabilities(Collection<PackageVersion> packages);

  /** The source as reports name it, such as the database file with its digest, or the API URL. */
  String describe();
}
