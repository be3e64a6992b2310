package io.github.pyrelease.publish;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.publish.plan.Gate;
import io.github.pyrelease.publish.plan.PublishPlan;
import io.github.pyrelease.publish.plan.PublishStage;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.publish.state.PublishState.FileState;
import io.github.pyrelease.publish.state.PublishState.GateState;
import io.github.pyrelease.publish.state.PublishState.StageState;
import io.github.pyrelease.publish.state.PublishState.Status;
import io.github.pyrelease.publish.state.PublishStateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Runs the release's stages in order, each after every earlier one succeeded, with their gates,
 * recording every file and gate in the state file as it happens. A re-run skips what is done for
 * the same digests, refuses files that changed after a stage published them, and continues from the
 * first unfinished stage; a dry run sends and writes nothing.
 */
public final class Publisher {

  private final PublishPlan plan;
  private final Function<PublishStage, StageRunner> runners;
  private final Approvals approvals;
  private final InstallCheck installCheck;
  private final PublishStateFile stateFile;
  private final PublishLog log;
  private final Clock clock;
  private final UnaryOperator<String> mask;
  private final StepHook hook;

  /** Called after each step is recorded; tests stop the process there. */
  interface StepHook {
    void recorded(String step);

    StepHook NONE = step -> {};
  }

  /**
   * @param runners the runner of each stage
   * @param mask removes every known secret from a text before it is logged or recorded
   */
  public Publisher(
      PublishPlan plan,
      Function<PublishStage, StageRunner> runners,
      Approvals approvals,
      InstallCheck installCheck,
      PublishStateFile stateFile,
      PublishLog log,
      Clock clock,
      UnaryOperator<String> mask) {
    this(plan, runners, approvals, installCheck, stateFile, log, clock, mask, StepHook.NONE);
  }

  Publisher(
      PublishPlan plan,
      Function<PublishStage, StageRunner> runners,
      Approvals approvals,
      InstallCheck installCheck,
      PublishStateFile stateFile,
      PublishLog log,
      Clock clock,
      UnaryOperator<String> mask,
      StepHook hook) {
    this.hook = hook;
    this.plan = plan;
    this.runners = runners;
    this.approvals = approvals;
    this.installCheck = installCheck;
    this.stateFile = stateFile;
    this.log = log;
    this.clock = clock;
    this.mask = mask;
  }

  /**
   * Publishes {@code release} through every stage.
   *
   * @return the state at the end
   * @throws ApprovalRequiredException when a stage waits for an approval nobody gave
   * @throws PyreleaseException when a stage fails, or the files changed after a stage published
   *     them
   */
  public PublishState publish(Release release) {
    return publish(release, state -> {});
  }

  /**
   * Publishes {@code release} through every stage, handing the state to {@code whenPublished} once
   * every stage that publishes is done and before the notify stages run: what is published stays
   * recorded (published.json) even when a notification then fails.
   *
   * @return the state at the end
   * @throws ApprovalRequiredException when a stage waits for an approval nobody gave
   * @throws PyreleaseException when a stage fails, or the files changed after a stage published
   *     them
   */
  public PublishState publish(Release release, Consumer<PublishState> whenPublished) {
    requireKnownApprovals();
    PublishState state = stateOf(release);
    requireUnchanged(state, release);
    for (PublishStage stage : plan.publishing()) {
      runStage(stage, release, state);
    }
    whenPublished.accept(state);
    for (PublishStage stage : plan.notifications()) {
      runStage(stage, release, state);
    }
    log.info(
        "Published "
            + release.project()
            + " "
            + release.version()
            + " through "
            + plan.stages().size()
            + (plan.stages().size() == 1 ? " stage" : " stages")
            + "; record: "
            + stateFile.path());
    return state;
  }

  /** Says what {@link #publish} would do, stage by stage, sending and writing nothing. */
  public void simulate(Release release) {
    requireKnownApprovals();
    PublishState state =
        stateFile
            .read()
            .filter(s -> sameRelease(s, release))
            .orElseGet(() -> new PublishState(release.project(), release.version()));
    requireUnchanged(state, release);
    log.info(
        "Dry run: publishing "
            + release.project()
            + " "
            + release.version()
            + " would run "
            + plan.stages().size()
            + (plan.stages().size() == 1 ? " stage" : " stages")
            + "; nothing is sent or written");
    for (PublishStage stage : plan.stages()) {
      StageRunner runner = runners.apply(stage);
      Optional<StageState> recorded = state.stage(stage.name());
      if (recorded.isPresent() && finished(stage, recorded.get(), release)) {
        log.info(
            "[" + stage.name() + "] done earlier (" + recorded.get().finished() + "): skipped");
        continue;
      }
      if (stage.gates().contains(Gate.APPROVAL)
          && recorded.map(r -> !r.gates().containsKey(Gate.APPROVAL.id())).orElse(true)) {
        log.info(
            "["
                + stage.name()
                + "] would stop for approval unless approved ("
                + approvals.howToApprove(stage.name())
                + ")");
      }
      for (String line : runner.describe(stage, release)) {
        log.info("[" + stage.name() + "] " + mask.apply(line));
      }
      if (stage.gates().contains(Gate.VERIFY_INSTALL)) {
        log.info(
            "["
                + stage.name()
                + "] would then install "
                + release.project()
                + "=="
                + release.version()
                + " from the index into a fresh virtual environment and import it");
      }
    }
  }

  private void runStage(PublishStage stage, Release release, PublishState state) {
    StageRunner runner = runners.apply(stage);
    StageState record = state.stageFor(stage.name(), stage.type(), runner.target(stage, release));
    if (record.status() == Status.DONE && finished(stage, record, release)) {
      log.info(
          "["
              + stage.name()
              + "] done earlier ("
              + record.finished()
              + (record.url() == null ? "" : ", " + record.url())
              + "): skipped");
      return;
    }
    if (stage.gates().contains(Gate.APPROVAL) && !record.gates().containsKey(Gate.APPROVAL.id())) {
      approve(stage, release, state, record);
    }
    record.status(Status.RUNNING, null);
    record.started(now());
    stateFile.write(state);
    try {
      runner.publish(stage, release, new Progress(state, record));
      if (stage.gates().contains(Gate.VERIFY_INSTALL)
          && !record.gates().containsKey(Gate.VERIFY_INSTALL.id())) {
        String verified = installCheck.verify((PublishStage.Index) stage, release);
        record.gates().put(Gate.VERIFY_INSTALL.id(), new GateState("passed", now(), verified));
        log.info("[" + stage.name() + "] verify-install passed: " + verified);
      }
    } catch (PyreleaseException e) {
      record.status(Status.FAILED, mask.apply(e.describe()));
      stateFile.write(state);
      throw e;
    }
    record.status(Status.DONE, null);
    record.finished(now());
    stateFile.write(state);
    hook.recorded("stage " + stage.name());
    log.info("[" + stage.name() + "] done" + (record.url() == null ? "" : ": " + record.url()));
  }

  private void approve(PublishStage stage, Release release, PublishState state, StageState record) {
    String question =
        "Publish "
            + release.project()
            + " "
            + release.version()
            + " to stage '"
            + stage.name()
            + "' ("
            + record.target()
            + ")?";
    Optional<String> by = approvals.approve(stage.name(), question);
    if (by.isEmpty()) {
      record.status(Status.AWAITING_APPROVAL, "waits for approval");
      stateFile.write(state);
      List<String> done =
          state.stages().stream()
              .filter(s -> s.status() == Status.DONE)
              .map(StageState::name)
              .toList();
      throw new ApprovalRequiredException(
          stage.name(),
          "stage '"
              + stage.name()
              + "' waits for approval before it publishes "
              + release.project()
              + " "
              + release.version()
              + " to "
              + record.target()
              + (done.isEmpty()
                  ? ""
                  : "; the stages before it are done (" + String.join(", ", done) + ")"),
          "approve it and run again: "
              + approvals.howToApprove(stage.name())
              + " (the stages done are skipped; 'all' approves every stage)");
    }
    record.gates().put(Gate.APPROVAL.id(), new GateState("passed", now(), by.get()));
    stateFile.write(state);
    log.info("[" + stage.name() + "] approved by " + by.get());
  }

  /** The recorded state of this release, or a new one (moving aside another version's record). */
  private PublishState stateOf(Release release) {
    Optional<PublishState> recorded = stateFile.read();
    if (recorded.isPresent() && sameRelease(recorded.get(), release)) {
      return recorded.get();
    }
    recorded.ifPresent(
        other -> {
          Path aside =
              stateFile
                  .path()
                  .resolveSibling(
                      "publish-state-" + other.project() + "-" + other.version() + ".json");
          try {
            Files.move(stateFile.path(), aside, StandardCopyOption.REPLACE_EXISTING);
          } catch (IOException e) {
            throw new PyreleaseException(
                "cannot move the record of "
                    + other.project()
                    + " "
                    + other.version()
                    + " aside: "
                    + e.getMessage(),
                stateFile.path().toString(),
                "check that the directory is writable");
          }
          log.info(
              "The record of "
                  + other.project()
                  + " "
                  + other.version()
                  + " was moved to "
                  + aside.getFileName()
                  + ": this is a new release");
        });
    return new PublishState(release.project(), release.version());
  }

  private static boolean sameRelease(PublishState state, Release release) {
    return state.project().equals(release.project()) && state.version().equals(release.version());
  }

  /** A published file never changes: a rebuild that differs needs a new version. */
  private void requireUnchanged(PublishState state, Release release) {
    Map<String, ReleaseFile> current = new java.util.HashMap<>();
    release.files().forEach(f -> current.put(f.fileName(), f));
    List<String> changed = new ArrayList<>();
    for (StageState stage : state.stages()) {
      for (FileState recorded : stage.files()) {
        ReleaseFile now = current.get(recorded.file());
        if (now == null) {
          changed.add(
              recorded.file()
                  + " was published by stage '"
                  + stage.name()
                  + "' and is missing now");
        } else if (!now.sha256().equals(recorded.sha256())) {
          changed.add(
              recorded.file()
                  + " changed since stage '"
                  + stage.name()
                  + "' published it (sha256 "
                  + recorded.sha256()
                  + ", now "
                  + now.sha256()
                  + ")");
        }
      }
    }
    if (!changed.isEmpty()) {
      throw new PyreleaseException(
          "stale build: "
              + String.join("; ", changed.stream().distinct().toList())
              + ". What an earlier stage published cannot change within a version",
          stateFile.path().toString(),
          "publish exactly the files published before (restore them, or rebuild them"
              + " reproducibly), or release a new version: mvn pyrelease:bump"
              + " -Dpyrelease.bump=patch, build and publish that");
    }
  }

  /**
   * Whether the stage has nothing left to do: it recorded every file of the release with its
   * digest, or it publishes no files (a notification) and is done, so it is never sent twice.
   */
  private static boolean finished(PublishStage stage, StageState record, Release release) {
    return stage instanceof PublishStage.Notify
        ? record.status() == Status.DONE
        : complete(record, release);
  }

  /** Whether the stage recorded every file of the release with its digest. */
  private static boolean complete(StageState record, Release release) {
    return release.files().stream()
        .allMatch(
            f -> record.file(f.fileName()).map(r -> r.sha256().equals(f.sha256())).orElse(false));
  }

  private void requireKnownApprovals() {
    List<String> unknown = approvals.unknown(plan);
    if (!unknown.isEmpty()) {
      throw new PyreleaseException(
          "pyrelease.approve names "
              + (unknown.size() == 1 ? "a stage" : "stages")
              + " the policy does not have: "
              + String.join(", ", unknown),
          plan.origin(),
          "name stages of the publish section ("
              + String.join(", ", plan.stages().stream().map(PublishStage::name).toList())
              + "), or all");
    }
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The stage's progress, written to the state file on every change. */
  private final class Progress implements StageProgress {
    private final PublishState state;
    private final StageState record;

    Progress(PublishState state, StageState record) {
      this.state = state;
      this.record = record;
    }

    @Override
    public boolean done(ReleaseFile file) {
      return record.file(file.fileName()).map(r -> r.sha256().equals(file.sha256())).orElse(false);
    }

    @Override
    public void published(ReleaseFile file, String outcome, String url) {
      record.recordFile(
          new FileState(file.fileName(), file.sha256(), file.size(), outcome, url, now()));
      stateFile.write(state);
      hook.recorded("file " + record.name() + " " + file.fileName());
      log.info(
          "["
              + record.name()
              + "] "
              + file.fileName()
              + ": "
              + outcome
              + (url == null ? "" : " " + url));
    }

    @Override
    public void detail(String key, String value) {
      record.details().put(key, value);
      stateFile.write(state);
    }

    @Override
    public Optional<String> detail(String key) {
      return Optional.ofNullable(record.details().get(key));
    }

    @Override
    public void url(String url) {
      record.url(url);
      stateFile.write(state);
    }

    @Override
    public void log(String message) {
      log.info("[" + record.name() + "] " + mask.apply(message));
    }
  }
}
