package io.github.pyrelease.vuln;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How a run finds advisories: the offline database it was given, the OSV API otherwise, and where
 * database indexes are cached.
 *
 * @param database an offline OSV database (directory, zip or .tar.gz), or {@code null} for none
 * @param api the OSV API's base URL, used when no database is given
 * @param cacheDir where database indexes are kept, or {@code null} to keep none
 */
public record AdvisorySettings(Path database, String api, Path cacheDir) {

  /** OSV.dev, the API pip-audit asks too. */
  public static final String OSV_API = "https://api.osv.dev";

  public AdvisorySettings {
    Objects.requireNonNull(api, "api");
  }

  /** No database: the OSV API, with indexes cached where the environment says. */
  public static AdvisorySettings defaults(Map<String, String> environment) {
    return new AdvisorySettings(null, OSV_API, OfflineAdvisories.defaultCacheDir(environment));
  }

  public AdvisorySettings withDatabase(Path newDatabase) {
    return new AdvisorySettings(newDatabase, api, cacheDir);
  }

  public AdvisorySettings withApi(String newApi) {
    return new AdvisorySettings(database, newApi == null ? OSV_API : newApi, cacheDir);
  }
}
