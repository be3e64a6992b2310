package io.github.pyrelease.vuln;

import java.util.Collection;
import java.util.Map;

/**
 * Where known vulnerabilities come from: an offline OSV database or the OSV API. Rules ask it
 * through {@link io.github.pyrelease.policy.Facts#advisories(AdvisoryLocation)}.
 */
public interface AdvisorySource {

  /**
   * The known vulnerabilities of each package version, withdrawn advisories left out and aliases
   * merged; every package asked about is a key.
   *
   * @throws io.github.pyrelease.FactUnavailableException when the source cannot be read or reached
   *     (offline without a database, a server that fails)
   * @throws io.github.pyrelease.PyreleaseException when a database cannot be read (naming its file)
   */
  Map<PackageVersion, AuditedPackage> audit(Collection<PackageVersion> packages);

  /** The source as reports name it, such as the database file with its digest, or the API URL. */
  String describe();
}
