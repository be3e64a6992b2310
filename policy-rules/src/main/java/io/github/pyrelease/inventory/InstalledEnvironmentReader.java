package io.github.pyrelease.inventory;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventoryReadException;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.Origin;
import io.github.pyrelease.deps.PackageLicense;
import io.github.pyrelease.deps.Requirement;
import io.github.pyrelease.dist.CoreMetadata;
import io.github.pyrelease.dist.CoreMetadataParser;
import io.github.pyrelease.dist.MetadataField;
import io.github.pyrelease.license.DetectedLicense;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what is installed in an environment from its {@code *.dist-info/METADATA} (and the legacy
 * {@code *.egg-info/PKG-INFO}) files directly, as {@code importlib.metadata} finds them, with no
 * Python process: a virtual environment ({@code lib/python3.X/site-packages}, {@code
 * Lib/site-packages}) or a site-packages directory itself.
 */
final class InstalledEnvironmentReader {

  /** Far above any real METADATA file (long descriptions included). */
  private static final long MAX_METADATA_BYTES = 16L * 1024 * 1024;

  private final InventoryFiles files;

  InstalledEnvironmentReader(InventoryFiles files) {
    this.files = files;
  }

  /** One installed distribution. */
  record Installed(String name, String version, Path metadata, DetectedLicense license) {}

  /**
   * The site-packages directories of {@code dir}: itself when it holds distributions, else those of
   * the virtual environment it is.
   */
  static List<Path> sitePackages(Path dir) {
    List<Path> found = new ArrayList<>();
    if (holdsDistributions(dir)) {
      found.add(dir);
      return found;
    }
    for (String lib : List.of("lib", "lib64")) {
      Path libDir = dir.resolve(lib);
      if (Files.isDirectory(libDir)) {
        try (DirectoryStream<Path> pythons = Files.newDirectoryStream(libDir, "python*")) {
          for (Path python : pythons) {
            Path site = python.resolve("site-packages");
            if (Files.isDirectory(site) && !found.contains(site.toRealPath())) {
              found.add(site.toRealPath());
            }
          }
        } catch (IOException e) {
          // an unreadable lib directory holds nothing we can report
        }
      }
    }
    Path windows = dir.resolve("Lib").resolve("site-packages");
    if (Files.isDirectory(windows)) {
      found.add(windows);
    }
    return found;
  }

  private static boolean holdsDistributions(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.{dist-info,egg-info}")) {
      return entries.iterator().hasNext();
    } catch (IOException e) {
      return false;
    }
  }

  /** Every distribution installed in {@code sites}, by normalised name (the first found wins). */
  Map<String, Installed> installed(List<Path> sites) {
    Map<String, Installed> byName = new LinkedHashMap<>();
    for (Path site : sites) {
      Map<String, Path> sorted = new TreeMap<>();
      try (DirectoryStream<Path> entries =
          Files.newDirectoryStream(site, "*.{dist-info,egg-info}")) {
        entries.forEach(p -> sorted.put(p.getFileName().toString(), p));
      } catch (IOException e) {
        throw new InventoryReadException(
            "cannot list " + files.display(site) + ": " + e.getMessage(),
            files.display(site),
            "check that the environment is readable");
      }
      for (Path entry : sorted.values()) {
        metadataFile(entry)
            .flatMap(this::read)
            .ifPresent(d -> byName.putIfAbsent(Requirement.normalizeName(d.name()), d));
      }
    }
    return byName;
  }

  /** The inventory of the environment, without {@code project} (an editable install of it). */
  DependencyInventory read(List<Path> sites, String project) {
    Map<String, Installed> installed = installed(sites);
    List<Dependency> dependencies = new ArrayList<>();
    Map<String, PackageLicense> licenses = new LinkedHashMap<>();
    String own = project == null ? null : Requirement.normalizeName(project);
    installed.forEach(
        (name, d) -> {
          if (name.equals(own)) {
            return;
          }
          Origin origin = new Origin(files.display(d.metadata()), 0);
          dependencies.add(
              Dependency.pinned(d.name(), d.version(), origin, InventorySource.INSTALLED));
          licenses.put(name, new PackageLicense(d.name(), d.version(), d.license(), origin));
        });
    List<String> shown = sites.stream().map(files::display).toList();
    return new DependencyInventory(InventorySource.INSTALLED, shown, dependencies, licenses);
  }

  private static Optional<Path> metadataFile(Path entry) {
    String name = entry.getFileName().toString();
    if (name.endsWith(".dist-info")) {
      Path metadata = entry.resolve("METADATA");
      return Files.isRegularFile(metadata) ? Optional.of(metadata) : Optional.empty();
    }
    if (Files.isRegularFile(entry)) {
      return Optional.of(entry); // a single-file .egg-info is PKG-INFO itself
    }
    Path pkgInfo = entry.resolve("PKG-INFO");
    return Files.isRegularFile(pkgInfo) ? Optional.of(pkgInfo) : Optional.empty();
  }

  private Optional<Installed> read(Path metadata) {
    String shown = files.display(metadata);
    byte[] bytes;
    try {
      if (Files.size(metadata) > MAX_METADATA_BYTES) {
        throw new InventoryReadException(
            shown + " is larger than " + MAX_METADATA_BYTES + " bytes, which no METADATA is",
            shown,
            "reinstall that distribution");
      }
      bytes = Files.readAllBytes(metadata);
    } catch (IOException e) {
      throw new InventoryReadException(
          "cannot read " + shown + ": " + e.getMessage(), shown, "check the environment", e);
    }
    CoreMetadata parsed = CoreMetadataParser.parse(shown, bytes);
    Optional<String> name = parsed.value("Name").map(String::strip);
    Optional<String> version = parsed.value("Version").map(String::strip);
    if (name.isEmpty() || version.isEmpty() || name.get().isEmpty()) {
      return Optional.empty(); // importlib.metadata skips these too: no name, no distribution
    }
    List<String> classifiers = parsed.all("Classifier").stream().map(MetadataField::value).toList();
    DetectedLicense license =
        LicenseDetector.detect(
            parsed.value("License-Expression").orElse(null),
            parsed.value("License").orElse(null),
            classifiers);
    return Optional.of(new Installed(name.get(), version.get(), metadata, license));
  }
}
