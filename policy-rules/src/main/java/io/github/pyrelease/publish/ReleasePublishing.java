package io.github.pyrelease.publish;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.check.Network;
import io.github.pyrelease.git.GitSettings;
import io.github.pyrelease.git.JGitFacts;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.policyfile.LoadedPolicy;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.publish.plan.PublishPlan;
import io.github.pyrelease.publish.plan.PublishPlanReader;
import io.github.pyrelease.publish.plan.PublishStage;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.publish.state.PublishStateFile;
import io.github.pyrelease.upload.UploadCredentials;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Publishing a release, as the Maven goal and the CLI share it: the stages of the policy's {@code
 * publish} section, each with its runner, the gates and the state file.
 */
public final class ReleasePublishing {

  /** How long making a virtual environment and installing into it may take. */
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

  /**
   * What a run needs from the surface that starts it.
   *
   * @param projectDir the Python project
   * @param distDir the distributions to publish
   * @param outDir where the state file and SHA256SUMS go ({@code target/pyrelease})
   * @param network offline switch, timeouts, proxies and credentials by server id
   * @param pypirc the {@code .pypirc} to read credentials from
   * @param python the interpreter that makes verify-install's virtual environment
   * @param pythonProperty the setting that names it, for messages
   * @param approve the stages approved beforehand ({@code pyrelease.approve}), or {@code null}
   * @param prompter who to ask at an approval gate
   * @param howToApprove the command that approves a stage, {@code {stage}} in it
   * @param console standard output, for GitHub Actions' {@code ::add-mask::}
   */
  public record Settings(
      Path projectDir,
      Path distDir,
      Path outDir,
      Network network,
      Path pypirc,
      String python,
      String pythonProperty,
      String approve,
      Approvals.Prompter prompter,
      String howToApprove,
      Consumer<String> console) {

    public Settings {
      Objects.requireNonNull(projectDir, "projectDir");
      Objects.requireNonNull(distDir, "distDir");
      Objects.requireNonNull(outDir, "outDir");
      Objects.requireNonNull(network, "network");
      Objects.requireNonNull(prompter, "prompter");
    }
  }

  private final Settings settings;
  private final PublishLog log;
  private final Clock clock;

  public ReleasePublishing(Settings settings, PublishLog log) {
    this(settings, log, Clock.systemUTC());
  }

  ReleasePublishing(Settings settings, PublishLog log, Clock clock) {
    this.settings = settings;
    this.log = log;
    this.clock = clock;
  }

  /**
   * The stages of {@code policy}.
   *
   * @throws io.github.pyrelease.policyfile.PolicyFileException listing every mistake in them
   */
  public static PublishPlan plan(LoadedPolicy policy) {
    return PublishPlanReader.read(policy.publish());
  }

  /**
   * Publishes the distributions of {@code project} through the stages of {@code plan}.
   *
   * @return the state at the end
   * @throws ApprovalRequiredException when a stage waits for an approval nobody gave
   * @throws PyreleaseException when a stage fails or the release cannot be published
   */
  public PublishState publish(PublishPlan plan, PythonProject project) {
    requireOnline(plan);
    Release release = ReleaseReader.read(settings.distDir(), project);
    return publisher(plan).publish(release, this::recordPublished);
  }

  /** published.json, the console lines and GitHub Actions' outputs, before any notification. */
  private void recordPublished(PublishState state) {
    PublishedRecord published = new PublishedRecord(state);
    Path file = published.write(settings.outDir());
    published.lines().forEach(log::info);
    log.info("the release's URLs: " + file);
    published.toGithubActions(file, settings.network().credentials().environment());
  }

  /** Says what {@link #publish} would send and write, sending and writing nothing. */
  public void simulate(PublishPlan plan, PythonProject project) {
    Release release = ReleaseReader.read(settings.distDir(), project);
    publisher(plan).simulate(release);
  }

  private Publisher publisher(PublishPlan plan) {
    Network network = settings.network();
    HttpClient uploads = new HttpClient(network.http()).forUploads();
    UploadCredentials credentials =
        new UploadCredentials(
            network.credentials(),
            settings.pypirc() != null ? settings.pypirc() : UploadCredentials.defaultPypirc(),
            uploads,
            settings.console() != null ? settings.console() : line -> {});
    Map<String, String> environment = network.credentials().environment();
    IndexUploadRunner index = new IndexUploadRunner(uploads, credentials);
    GithubReleaseRunner github =
        new GithubReleaseRunner(
            network.http(),
            network.credentials(),
            environment,
            settings.outDir(),
            this::headCommit);
    PagesIndexRunner pages = new PagesIndexRunner(settings.projectDir(), plan, environment, clock);
    PublishStateFile stateFile = new PublishStateFile(settings.outDir());
    NotifyRunner notify = new NotifyRunner(network.http(), network.credentials(), stateFile, plan);
    return new Publisher(
        plan,
        stage -> {
          if (stage instanceof PublishStage.Index) {
            return index;
          }
          if (stage instanceof PublishStage.GithubRelease) {
            return github;
          }
          return stage instanceof PublishStage.Notify ? notify : pages;
        },
        new Approvals(settings.approve(), settings.prompter(), settings.howToApprove()),
        new VenvInstallCheck(
            settings.python(),
            settings.pythonProperty(),
            IndexUploadRunner::simpleUrl,
            INSTALL_TIMEOUT,
            log),
        stateFile,
        log,
        clock,
        network.credentials()::maskAll);
  }

  /** Offline, only a stage that writes files can run. */
  private void requireOnline(PublishPlan plan) {
    if (!settings.network().offline()) {
      return;
    }
    List<String> online =
        plan.stages().stream()
            .filter(s -> !(s instanceof PublishStage.PagesIndex))
            .map(PublishStage::name)
            .toList();
    if (!online.isEmpty()) {
      throw new PyreleaseException(
          "the build is offline, and the stages " + String.join(", ", online) + " need the network",
          plan.origin(),
          "publish without Maven's -o (CLI: --offline); a dry run (pyrelease.dryRun=true) works"
              + " offline");
    }
  }

  /** The commit a release tag missing on GitHub is created at: the one being released. */
  private Optional<String> headCommit() {
    GitSettings git =
        new GitSettings(
            true,
            settings.network().credentials(),
            settings.network().http().readTimeout(),
            List.of());
    Optional<JGitFacts> repository = JGitFacts.open(settings.projectDir(), git);
    try {
      return repository.map(r -> r.head().commit());
    } finally {
      repository.ifPresent(JGitFacts::close);
    }
  }
}
