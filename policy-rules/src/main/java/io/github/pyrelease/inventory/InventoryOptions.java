package io.github.pyrelease.inventory;

import io.github.pyrelease.deps.MarkerEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to read a dependency inventory from, when not the first source found in the project.
 *
 * @param environment the environment markers are evaluated for, or {@code null} for the virtual
 *     environment's Python (from its {@code pyvenv.cfg}) when there is one, else {@link
 *     MarkerEnvironment#DEFAULT}
 * @param lockFile the lock file to read, or {@code null} to look for one in the project
 * @param requirementsFiles the requirements files to read (a lock file given wins), or empty to
 *     look for {@code requirements*.txt}
 * @param environmentDir a virtual environment or site-packages directory, or {@code null} for
 *     {@code .venv/} or {@code venv/} in the project
 * @param variables the environment variables {@code ${NAME}} in requirements files expand to
 * @param licenseIndex the package index whose JSON API is asked for the licences no installed
 *     metadata gives (a name such as {@code pypi}, or a URL), or {@code null} to ask none; never
 *     asked offline
 */
public record InventoryOptions(
    MarkerEnvironment environment,
    Path lockFile,
    List<Path> requirementsFiles,
    Path environmentDir,
    Map<String, String> variables,
    String licenseIndex) {

  public InventoryOptions {
    requirementsFiles = List.copyOf(requirementsFiles);
    variables = Map.copyOf(variables);
  }

  /** Look for everything in the project; no environment variables. */
  public static InventoryOptions defaults() {
    return new InventoryOptions(null, null, List.of(), null, Map.of(), null);
  }

  public InventoryOptions withEnvironment(MarkerEnvironment markers) {
    return new InventoryOptions(
        markers, lockFile, requirementsFiles, environmentDir, variables, licenseIndex);
  }

  public InventoryOptions withLockFile(Path file) {
    return new InventoryOptions(
        environment, file, requirementsFiles, environmentDir, variables, licenseIndex);
  }

  public InventoryOptions withRequirementsFiles(List<Path> files) {
    return new InventoryOptions(
        environment, lockFile, files, environmentDir, variables, licenseIndex);
  }

  public InventoryOptions withEnvironmentDir(Path dir) {
    return new InventoryOptions(
        environment, lockFile, requirementsFiles, dir, variables, licenseIndex);
  }

  public InventoryOptions withVariables(Map<String, String> values) {
    return new InventoryOptions(
        environment,
        lockFile,
        requirementsFiles,
        environmentDir,
        Objects.requireNonNull(values),
        licenseIndex);
  }

  /** Licences unknown from the environment are asked of {@code index} (a name or URL). */
  public InventoryOptions withLicenseIndex(String index) {
    return new InventoryOptions(
        environment, lockFile, requirementsFiles, environmentDir, variables, index);
  }

  /**
   * The environment of an interpreter: a virtual environment's {@code bin/python} (or {@code
   * Scripts\python.exe}) stands for that environment; another interpreter is not read, since
   * finding its site-packages would mean running it.
   */
  public InventoryOptions withInterpreter(Path python) {
    if (python.getParent() == null) {
      return this; // a command looked up on the PATH, such as python3: no environment of its own
    }
    Path bin = python.toAbsolutePath().getParent();
    if (bin != null
        && bin.getParent() != null
        && java.nio.file.Files.isRegularFile(bin.getParent().resolve("pyvenv.cfg"))) {
      return withEnvironmentDir(bin.getParent());
    }
    return this;
  }
}
