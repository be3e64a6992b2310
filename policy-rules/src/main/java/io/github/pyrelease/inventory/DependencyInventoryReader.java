package io.github.pyrelease.inventory;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventoryReadException;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.MarkerEnvironment;
import io.github.pyrelease.deps.PackageLicense;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a project will install from the most exact source it has, in this order: a lock file
 * ({@code pylock.toml}, {@code uv.lock}, {@code poetry.lock}, {@code Pipfile.lock}), requirements
 * files ({@code requirements*.txt}), the installed virtual environment ({@code .venv/}, {@code
 * venv/}), then the dependencies pyproject.toml declares. Licences come from the installed metadata
 * of the same versions when an environment is there.
 */
public final class DependencyInventoryReader {

  private static final Pattern PYVENV_VERSION =
      Pattern.compile("(?m)^\\s*(?:version|version_info)\\s*=\\s*(\\d+\\.\\d+(?:\\.\\d+)?)");

  /**
   * The requirements pyproject.toml in {@code projectDir} declares, those whose marker holds for
   * the project's Python; empty when there is no pyproject.toml.
   */
  public DependencyInventory declared(Path projectDir, InventoryOptions options) {
    InventoryFiles files = new InventoryFiles(projectDir);
    MarkerEnvironment environment =
        options.environment() != null ? options.environment() : environmentOf(options, projectDir);
    return new DeclaredDependencyReader(files, environment)
        .read(projectDir)
        .orElseGet(() -> new DependencyInventory(InventorySource.DECLARED, List.of(), List.of()));
  }

  /** Reads the inventory of the project in {@code projectDir}. */
  public DependencyInventory read(Path projectDir, InventoryOptions options) {
    InventoryFiles files = new InventoryFiles(projectDir);
    List<Path> sites = sites(projectDir, options);
    MarkerEnvironment environment =
        options.environment() != null ? options.environment() : environmentOf(options, projectDir);
    DependencyInventory inventory = primary(projectDir, options, files, sites, environment);
    inventory = unique(inventory);
    if (inventory.source() != InventorySource.INSTALLED && !sites.isEmpty()) {
      Map<String, PackageLicense> licenses = new LinkedHashMap<>();
      new InstalledEnvironmentReader(files)
          .installed(sites)
          .forEach(
              (name, d) ->
                  licenses.put(
                      name,
                      new PackageLicense(
                          d.name(),
                          d.version(),
                          d.license(),
                          new io.github.pyrelease.deps.Origin(files.display(d.metadata()), 0))));
      inventory = inventory.withLicenses(licenses);
    }
    return inventory;
  }

  private DependencyInventory primary(
      Path projectDir,
      InventoryOptions options,
      InventoryFiles files,
      List<Path> sites,
      MarkerEnvironment environment) {
    if (options.lockFile() != null) {
      return lock(options.lockFile(), files, environment)
          .orElseThrow(
              () ->
                  new InventoryReadException(
                      files.display(options.lockFile())
                          + " is not a lock file the audit knows by its name",
                      files.display(options.lockFile()),
                      "name pylock.toml (or pylock.<name>.toml), uv.lock, poetry.lock or"
                          + " Pipfile.lock"));
    }
    if (!options.requirementsFiles().isEmpty()) {
      return requirements(projectDir, options.requirementsFiles(), files, environment, options);
    }
    for (Path candidate : lockCandidates(projectDir, files)) {
      Optional<DependencyInventory> read = lock(candidate, files, environment);
      if (read.isPresent()) {
        return read.get();
      }
    }
    List<Path> found = requirementsFiles(projectDir);
    if (!found.isEmpty()) {
      return requirements(projectDir, found, files, environment, options);
    }
    if (!sites.isEmpty()) {
      String project = DeclaredDependencyReader.projectName(files, projectDir).orElse(null);
      return new InstalledEnvironmentReader(files).read(sites, project);
    }
    return new DeclaredDependencyReader(files, environment)
        .read(projectDir)
        .orElse(new DependencyInventory(InventorySource.DECLARED, List.of(), List.of()));
  }

  private static DependencyInventory requirements(
      Path projectDir,
      List<Path> requirementsFiles,
      InventoryFiles files,
      MarkerEnvironment environment,
      InventoryOptions options) {
    return new RequirementsFileReader(files, projectDir, environment, options.variables())
        .read(requirementsFiles);
  }

  private static Optional<DependencyInventory> lock(
      Path file, InventoryFiles files, MarkerEnvironment environment) {
    String name = file.getFileName().toString();
    if (name.equals("pylock.toml") || name.matches("pylock\\.[^.]+\\.toml")) {
      return Optional.of(new PylockReader(files, environment).read(file));
    }
    return switch (name) {
      case "uv.lock" -> Optional.of(new UvLockReader(files, environment).read(file));
      case "poetry.lock" -> Optional.of(new PoetryLockReader(files, environment).read(file));
      case "Pipfile.lock" -> Optional.of(new PipfileLockReader(files, environment).read(file));
      default -> Optional.empty();
    };
  }

  /** The lock files of the project, in the order they are preferred. */
  private static List<Path> lockCandidates(Path projectDir, InventoryFiles files) {
    List<Path> candidates = new ArrayList<>();
    Path pylock = projectDir.resolve("pylock.toml");
    if (Files.isRegularFile(pylock)) {
      candidates.add(pylock);
    } else {
      Set<Path> named = list(projectDir, "pylock.*.toml");
      if (named.size() > 1) {
        throw new InventoryReadException(
            "the project has several named PEP 751 lock files: "
                + named.stream().map(files::display).toList(),
            files.display(projectDir),
            "name the one to audit (--lock in the CLI, the lockFile parameter in Maven)");
      }
      candidates.addAll(named);
    }
    for (String name : List.of("uv.lock", "poetry.lock", "Pipfile.lock")) {
      Path file = projectDir.resolve(name);
      if (Files.isRegularFile(file)) {
        candidates.add(file);
      }
    }
    return candidates;
  }

  /** {@code requirements*.txt} in the project, {@code requirements.txt} first. */
  private static List<Path> requirementsFiles(Path projectDir) {
    List<Path> found = new ArrayList<>(list(projectDir, "requirements*.txt"));
    found.sort(
        (a, b) -> {
          boolean plainA = a.getFileName().toString().equals("requirements.txt");
          boolean plainB = b.getFileName().toString().equals("requirements.txt");
          return plainA == plainB ? a.compareTo(b) : plainA ? -1 : 1;
        });
    return found;
  }

  private static Set<Path> list(Path dir, String glob) {
    Set<Path> found = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
      entries.forEach(
          p -> {
            if (Files.isRegularFile(p)) {
              found.add(p);
            }
          });
    } catch (IOException e) {
      // an unreadable project directory fails later with a clearer message
    }
    return found;
  }

  private static List<Path> sites(Path projectDir, InventoryOptions options) {
    if (options.environmentDir() != null) {
      List<Path> sites = InstalledEnvironmentReader.sitePackages(options.environmentDir());
      if (sites.isEmpty()) {
        throw new InventoryReadException(
            options.environmentDir()
                + " is neither a virtual environment nor a site-packages"
                + " directory",
            options.environmentDir().toString(),
            "name a virtual environment (the directory with pyvenv.cfg) or its site-packages");
      }
      return sites;
    }
    for (String name : List.of(".venv", "venv")) {
      Path dir = projectDir.resolve(name);
      if (Files.isRegularFile(dir.resolve("pyvenv.cfg"))) {
        return InstalledEnvironmentReader.sitePackages(dir);
      }
    }
    return List.of();
  }

  /** The Python of the virtual environment, from its pyvenv.cfg, else the default. */
  private static MarkerEnvironment environmentOf(InventoryOptions options, Path projectDir) {
    List<Path> candidates = new ArrayList<>();
    if (options.environmentDir() != null) {
      candidates.add(options.environmentDir());
    }
    candidates.add(projectDir.resolve(".venv"));
    candidates.add(projectDir.resolve("venv"));
    for (Path dir : candidates) {
      Path cfg = dir.resolve("pyvenv.cfg");
      if (Files.isRegularFile(cfg)) {
        try {
          Matcher m = PYVENV_VERSION.matcher(Files.readString(cfg));
          if (m.find()) {
            return MarkerEnvironment.forPython(m.group(1));
          }
        } catch (IOException | RuntimeException e) {
          // a damaged pyvenv.cfg says nothing about the Python: use the default
        }
      }
    }
    return MarkerEnvironment.DEFAULT;
  }

  /** Each dependency once: the first of the same name and version, as read. */
  private static DependencyInventory unique(DependencyInventory inventory) {
    Set<String> seen = new LinkedHashSet<>();
    List<Dependency> unique = new ArrayList<>();
    for (Dependency d : inventory.dependencies()) {
      if (seen.add(d.normalizedName() + "==" + d.version())) {
        unique.add(d);
      }
    }
    return new DependencyInventory(
        inventory.source(), inventory.files(), unique, inventory.licenses());
  }
}
