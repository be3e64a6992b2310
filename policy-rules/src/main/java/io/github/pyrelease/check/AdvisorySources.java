package io.github.pyrelease.check;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.vuln.AdvisoryLocation;
import io.github.pyrelease.vuln.AdvisorySettings;
import io.github.pyrelease.vuln.AdvisorySource;
import io.github.pyrelease.vuln.OfflineAdvisories;
import io.github.pyrelease.vuln.OsvApi;
import java.nio.file.Path;

/** Opens the advisory source a rule's location and the run's settings name. */
public final class AdvisorySources {

  private AdvisorySources() {}

  /**
   * The rule's database (relative to the project), else the run's, else the OSV API; offline with
   * no database there is none.
   *
   * @throws FactUnavailableException offline with no database
   */
  public static AdvisorySource open(
      AdvisoryLocation location, AdvisorySettings settings, Network network, Path projectDir) {
    Path database =
        location.database() != null ? projectDir.resolve(location.database()) : settings.database();
    if (database != null) {
      return new OfflineAdvisories(database, settings.cacheDir());
    }
    if (network.offline()) {
      throw new FactUnavailableException(
          "offline, and no advisory database is given",
          null,
          "give an OSV database (CLI --advisories, Maven -Dpyrelease.advisories, or the rule's"
              + " option database), or run online",
          null);
    }
    String api = location.api() != null ? location.api() : settings.api();
    return new OsvApi(new HttpClient(network.http()), api);
  }
}
