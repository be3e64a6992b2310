package io.github.pyrelease.vuln;

import io.github.pyrelease.PyreleaseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Advisories from an offline OSV database, indexed once into a cache keyed by the database's
 * digest: a repeated audit reads the digest and the few packages asked about; a changed database is
 * indexed again. Without a cache directory (or one that cannot be written) the index lives for this
 * run only.
 */
public final class OfflineAdvisories implements AdvisorySource {

  private final OsvDatabase database;
  private final Path cacheDir;
  private AdvisoryIndex index;
  private boolean rebuilt;

  /**
   * @param database a directory, zip, .tar.gz or file of OSV records
   * @param cacheDir where indexes are kept, or {@code null} for none
   */
  public OfflineAdvisories(Path database, Path cacheDir) {
    this.database = new OsvDatabase(database);
    this.cacheDir = cacheDir;
  }

  /** {@code $XDG_CACHE_HOME/pyrelease/osv}, else {@code ~/.cache/pyrelease/osv}. */
  public static Path defaultCacheDir(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("pyrelease").resolve("osv");
  }

  @Override
  public synchronized Map<PackageVersion, AuditedPackage> audit(
      Collection<PackageVersion> packages) {
    AdvisoryIndex advisories = index();
    Map<PackageVersion, AuditedPackage> audited = new LinkedHashMap<>();
    for (PackageVersion pkg : packages) {
      audited.put(pkg, AdvisoryMatcher.match(pkg, advisories.advisories(pkg.name())));
    }
    return audited;
  }

  @Override
  public String describe() {
    return database.path() + (index == null ? "" : " (" + index.digest() + ")");
  }

  /** Whether this run indexed the database rather than reading the cache (for tests). */
  boolean rebuilt() {
    return rebuilt;
  }

  /** Where the index of this database is kept: one file per database path. */
  Path cacheFile() {
    String key = database.path().toAbsolutePath().normalize().toString();
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return cacheDir.resolve(HexFormat.of().formatHex(hash, 0, 12) + ".idx");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private AdvisoryIndex index() {
    if (index != null) {
      return index;
    }
    String digest = database.digest();
    if (cacheDir != null) {
      index = AdvisoryIndex.open(cacheFile(), digest).orElse(null);
    }
    if (index == null) {
      index = AdvisoryIndex.build(database, digest);
      rebuilt = true;
      if (cacheDir != null) {
        try {
          index.write(cacheFile());
        } catch (PyreleaseException | java.io.UncheckedIOException e) {
          // a read-only cache costs speed, not correctness: the index in memory serves this run
        }
      }
    }
    return index;
  }
}
