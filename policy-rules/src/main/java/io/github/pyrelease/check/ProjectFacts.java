package io.github.pyrelease.check;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.git.GitFacts;
import io.github.pyrelease.git.GitSettings;
import io.github.pyrelease.git.JGitFacts;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.index.HttpIndexFacts;
import io.github.pyrelease.index.IndexFacts;
import io.github.pyrelease.index.IndexLocation;
import io.github.pyrelease.index.IndexLocations;
import io.github.pyrelease.index.ProjectNames;
import io.github.pyrelease.inventory.DependencyInventoryReader;
import io.github.pyrelease.inventory.InventoryOptions;
import io.github.pyrelease.license.ProjectLicense;
import io.github.pyrelease.policy.DistributionFacts;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.MonorepoPackage;
import io.github.pyrelease.project.MonorepoPackages;
import io.github.pyrelease.project.ProjectLicenseReader;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.PythonProjectReader;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.publish.state.PublishStateFile;
import io.github.pyrelease.scm.ScmVersions;
import io.github.pyrelease.secrets.SecretScans;
import io.github.pyrelease.vuln.AdvisoryLocation;
import io.github.pyrelease.vuln.AdvisorySettings;
import io.github.pyrelease.vuln.AdvisorySource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Facts read from the project directory, its git repository and its package indexes, each at most
 * once per check. Closing it releases the repository.
 */
final class ProjectFacts implements Facts, AutoCloseable {

  private final Path projectDir;
  private final Path outDir;
  private final Network network;
  private final DistributionFacts distributions;
  private final InventoryOptions inventoryOptions;
  private PythonProject project;
  private DependencyInventory inventory;
  private Optional<JGitFacts> git;
  private IndexFacts index;
  private final AuditInputs audit;
  private final Map<AdvisoryLocation, AdvisorySource> advisorySources = new HashMap<>();
  private ProjectSecretScans secrets;
  private DependencyInventory declared;
  private final Map<String, List<MonorepoPackage>> monorepos = new HashMap<>();

  ProjectFacts(Path projectDir) {
    this(projectDir, projectDir.resolve("target/pyrelease"), Network.none(), null);
  }

  ProjectFacts(Path projectDir, Path outDir, Network network, DistributionFacts distributions) {
    this(
        projectDir,
        outDir,
        network,
        distributions,
        InventoryOptions.defaults(),
        AuditInputs.of(new AdvisorySettings(null, AdvisorySettings.OSV_API, null)));
  }

  /**
   * @param outDir where this check writes its reports: untracked files there are its own
   * @param distributions the built distributions, or {@code null} when there are none to check
   * @param inventoryOptions where the dependency inventory is read from
   * @param audit where advisories are found
   */
  ProjectFacts(
      Path projectDir,
      Path outDir,
      Network network,
      DistributionFacts distributions,
      InventoryOptions inventoryOptions,
      AuditInputs audit) {
    this.projectDir = projectDir;
    this.audit = audit;
    this.outDir = outDir;
    this.network = network;
    this.distributions = distributions;
    this.inventoryOptions = inventoryOptions;
  }

  @Override
  public Optional<ProjectLicense> projectLicense() {
    return new ProjectLicenseReader().read(projectDir);
  }

  @Override
  public synchronized DependencyInventory dependencies() {
    if (inventory == null) {
      inventory = new DependencyInventoryReader().read(projectDir, inventoryOptions);
    }
    return inventory;
  }

  @Override
  public synchronized DependencyInventory declaredDependencies() {
    if (declared == null) {
      declared = new DependencyInventoryReader().declared(projectDir, inventoryOptions);
    }
    return declared;
  }

  @Override
  public synchronized List<MonorepoPackage> monorepoPackages(String root) {
    List<MonorepoPackage> known = monorepos.get(root == null ? "" : root);
    if (known != null) {
      return known;
    }
    Path top =
        root != null
            ? projectDir.resolve(root).toAbsolutePath().normalize()
            : MonorepoPackages.gitTopDirectory(projectDir)
                .orElseThrow(
                    () ->
                        new FactUnavailableException(
                            projectDir + " is not in a git work tree, so its monorepo is not known",
                            projectDir.toString(),
                            "set the rule's root option to the monorepo's top directory, relative"
                                + " to the project (such as ..)",
                            null));
    List<MonorepoPackage> packages = MonorepoPackages.below(top, projectDir);
    monorepos.put(root == null ? "" : root, packages);
    return packages;
  }

  @Override
  public DistributionFacts distributions() {
    return distributions == null ? Facts.super.distributions() : distributions;
  }

  @Override
  public synchronized PythonProject project() {
    if (project == null) {
      project = ScmVersions.read(projectDir);
    }
    return project;
  }

  @Override
  public Optional<Changelog> changelog(String file) {
    if (file == null) {
      return project().changelogIfPresent();
    }
    return new PythonProjectReader().readChangelog(projectDir, file);
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized Optional<GitFacts> git() {
    if (git == null) {
      git =
          JGitFacts.open(
              projectDir,
              new GitSettings(
                  network.offline(),
                  network.credentials(),
                  network.http().readTimeout(),
                  List.of(outDir)));
    }
    return (Optional<GitFacts>) (Optional<? extends GitFacts>) git;
  }

  @Override
  public synchronized IndexFacts index() {
    if (index == null) {
      index =
          new HttpIndexFacts(
              new HttpClient(network.http(), network.cache()),
              new IndexLocations(network.indexes()),
              network.credentials(),
              network.offline());
    }
    return index;
  }

  @Override
  public synchronized Set<String> publishedEarlier(String index, String project, String version) {
    Optional<PublishState> record = new PublishStateFile(outDir).read();
    if (record.isEmpty()
        || !record.get().version().equals(version)
        || !ProjectNames.normalize(record.get().project())
            .equals(ProjectNames.normalize(project))) {
      return Set.of();
    }
    String simpleUrl =
        IndexLocation.of(new IndexLocations(network.indexes()).urlOf(index)).simpleUrl();
    Set<String> files = new TreeSet<>();
    for (PublishState.StageState stage : record.get().stages()) {
      if (simpleUrl.equals(stage.details().get(PublishState.SIMPLE_URL))) {
        stage.files().forEach(f -> files.add(f.file()));
      }
    }
    return files;
  }

  /**
   * The rule's database (relative to the project), else the run's, else the OSV API; offline with
   * no database, nothing can be checked.
   */
  @Override
  public synchronized AdvisorySource advisories(AdvisoryLocation location) {
    return advisorySources.computeIfAbsent(location, this::advisorySource);
  }

  private AdvisorySource advisorySource(AdvisoryLocation location) {
    if (audit.source() != null && location.equals(AdvisoryLocation.configured())) {
      return audit.source();
    }
    return AdvisorySources.open(location, audit.advisories(), network, projectDir);
  }

  @Override
  public synchronized SecretScans secrets() {
    if (secrets == null) {
      BuiltDistributions built = distributions instanceof BuiltDistributions b ? b : null;
      secrets =
          new ProjectSecretScans(
              projectDir,
              this::repository,
              built == null ? null : built.path(),
              built == null ? null : built.directory());
    }
    return secrets;
  }

  private Optional<JGitFacts> repository() {
    git();
    return git;
  }

  @Override
  public synchronized void close() {
    if (git != null) {
      git.ifPresent(JGitFacts::close);
    }
  }
}
