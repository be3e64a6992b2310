package io.github.pyrelease.policy;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.git.GitFacts;
import io.github.pyrelease.index.IndexFacts;
import io.github.pyrelease.license.ProjectLicense;
import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.MonorepoPackage;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.secrets.SecretScans;
import io.github.pyrelease.vuln.AdvisoryLocation;
import io.github.pyrelease.vuln.AdvisorySource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What rules may know about the project. Implementations do the reading (and may throw {@link
 * io.github.pyrelease.PyreleaseException} when input is unreadable); rules only ask.
 */
public interface Facts {

  /** The Python project with its version sources. */
  PythonProject project();

  /**
   * The changelog at {@code file} (relative to the project), or the project's own changelog when
   * {@code file} is {@code null}; empty when there is none.
   */
  Optional<Changelog> changelog(String file);

  /**
   * The git repository the project lives in (its directory or a parent's); empty when there is
   * none.
   *
   * @throws FactUnavailableException when this evaluation has no access to repositories
   */
  default Optional<GitFacts> git() {
    throw new FactUnavailableException("no git facts in this evaluation", null, null, null);
  }

  /**
   * The package indexes.
   *
   * @throws FactUnavailableException when this evaluation has no access to indexes
   */
  default IndexFacts index() {
    throw new FactUnavailableException(
        "no package index facts in this evaluation", null, null, null);
  }

  /**
   * The files of {@code project} {@code version} that earlier runs of its publishing put on {@code
   * index} (a name or URL, as rules name indexes), from the publishing record: an index that holds
   * only these holds the release's own files, and publishing resumes. Empty when there is no such
   * record.
   */
  default Set<String> publishedEarlier(String index, String project, String version) {
    return Set.of();
  }

  /**
   * The built distributions (wheels and sdists) the {@code dist} rules check.
   *
   * @throws FactUnavailableException when this evaluation has no distributions to offer
   */
  default DistributionFacts distributions() {
    throw new FactUnavailableException(
        "no distributions were given to this check", null, "build them first", null);
  }

  /**
   * What the project will install, read from its lock file, requirements files, environment or
   * declared dependencies, whichever is most exact.
   *
   * @throws FactUnavailableException when this evaluation has no dependency inventory
   */
  default DependencyInventory dependencies() {
    throw new FactUnavailableException(
        "no dependency inventory in this evaluation", null, null, null);
  }

  /**
   * The project's own licence metadata (pyproject.toml's {@code license}, {@code license-files} and
   * licence classifiers); empty when it has no {@code [project]} table.
   */
  default Optional<ProjectLicense> projectLicense() {
    return Optional.empty();
  }

  /**
   * The known vulnerabilities of packages: an offline advisory database or the OSV API.
   *
   * @param location where the rule asks for them to be read; {@link AdvisoryLocation#configured()}
   *     for the run's own choice
   * @throws FactUnavailableException when this evaluation has no advisory source (offline without a
   *     database)
   */
  default AdvisorySource advisories(AdvisoryLocation location) {
    throw new FactUnavailableException("no advisory source in this evaluation", null, null, null);
  }

  /**
   * Secret scans of the distributions, the work tree and the git history.
   *
   * @throws FactUnavailableException when this evaluation cannot scan
   */
  default SecretScans secrets() {
    throw new FactUnavailableException("no secret scanning in this evaluation", null, null, null);
  }

  /**
   * The requirements the project's pyproject.toml declares ({@code [project].dependencies}, its
   * extras and dependency groups), whatever a lock file pins.
   *
   * @throws FactUnavailableException when this evaluation reads no declared dependencies
   */
  default DependencyInventory declaredDependencies() {
    throw new FactUnavailableException(
        "no declared dependencies in this evaluation", null, null, null);
  }

  /**
   * The other Python packages of the monorepo the project is part of.
   *
   * @param root the monorepo's top directory relative to the project, or {@code null} for the top
   *     of the project's git work tree
   * @throws FactUnavailableException when there is no such directory to search
   */
  default List<MonorepoPackage> monorepoPackages(String root) {
    throw new FactUnavailableException("no monorepo in this evaluation", null, null, null);
  }
}
