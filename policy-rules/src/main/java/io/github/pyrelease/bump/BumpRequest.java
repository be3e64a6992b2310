package io.github.pyrelease.bump;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.version.PreRelease;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to bump and what to do after: one of {@code kind} or {@code newVersion}, and the git
 * actions. {@code null} for commit, tag, allowDirty, tagFormat and message means "as the project's
 * bump-my-version configuration says, else pyrelease's default" (commit and tag on, dirty tree
 * refused, {@code v{version}}, {@code Release {new_version}}).
 *
 * @param projectDir the Python project
 * @param kind the part to bump, or null with newVersion
 * @param newVersion an explicit new version, or null with kind
 * @param preKind the pre-release kind, or null
 * @param force allow going backwards, staying equal, a local label, or inconsistent sources
 * @param commit commit the changed files
 * @param tag create an annotated tag
 * @param push push the branch and the tag to the upstream remote
 * @param allowDirty allow changes in other tracked files
 * @param tagFormat the tag name template ({@code {version}}, {@code {new_version}}, ...)
 * @param message the commit (and tag) message template
 * @param dryRun print the changes and git actions without doing them
 * @param clock the release date for the changelog and the {@code now} field
 * @param environment environment variables ({@code {$NAME}} fields of bumpversion templates)
 * @param pushCredentials credentials for an http(s) remote
 * @param faultHook called between file moves (tests)
 */
public record BumpRequest(
    Path projectDir,
    BumpKind kind,
    String newVersion,
    PreRelease.Kind preKind,
    boolean force,
    Boolean commit,
    Boolean tag,
    boolean push,
    Boolean allowDirty,
    String tagFormat,
    String message,
    boolean dryRun,
    Clock clock,
    Map<String, String> environment,
    Optional<Credentials> pushCredentials,
    FileSetWriter.FaultHook faultHook) {

  public BumpRequest {
    Objects.requireNonNull(projectDir, "projectDir");
    Objects.requireNonNull(clock, "clock");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(pushCredentials, "pushCredentials");
    Objects.requireNonNull(faultHook, "faultHook");
  }

  /** A bump of {@code kind} with every other setting at its default. */
  public static BumpRequest of(Path projectDir, BumpKind kind) {
    return new BumpRequest(
        projectDir,
        kind,
        null,
        null,
        false,
        null,
        null,
        false,
        null,
        null,
        null,
        false,
        Clock.systemDefaultZone(),
        Map.of(),
        Optional.empty(),
        FileSetWriter.FaultHook.NONE);
  }

  public BumpRequest withNewVersion(String version) {
    return new BumpRequest(
        projectDir,
        null,
        version,
        preKind,
        force,
        commit,
        tag,
        push,
        allowDirty,
        tagFormat,
        message,
        dryRun,
        clock,
        environment,
        pushCredentials,
        faultHook);
  }

  public BumpRequest withPreKind(PreRelease.Kind kind) {
    return new BumpRequest(
        projectDir,
        this.kind,
        newVersion,
        kind,
        force,
        commit,
        tag,
        push,
        allowDirty,
        tagFormat,
        message,
        dryRun,
        clock,
        environment,
        pushCredentials,
        faultHook);
  }

  public BumpRequest withForce(boolean value) {
    return new BumpRequest(
        projectDir,
        kind,
        newVersion,
        preKind,
        value,
        commit,
        tag,
        push,
        allowDirty,
        tagFormat,
        message,
        dryRun,
        clock,
        environment,
        pushCredentials,
        faultHook);
  }

  public BumpRequest withGit(Boolean commitValue, Boolean tagValue, boolean pushValue) {
    return new BumpRequest(
        projectDir,
        kind,
        newVersion,
        preKind,
        force,
        commitValue,
        tagValue,
        pushValue,
        allowDirty,
        tagFormat,
        message,
        dryRun,
        clock,
        environment,
        pushCredentials,
        faultHook);
  }

  public BumpRequest withAllowDirty(Boolean value) {
    return new BumpRequest(
        projectDir,
        kind,
        newVersion,
        preKind,
        force,
        commit,
        tag,
        push,
        value,
        tagFormat,
        message,
        dryRun,
        clock,
        environment,
        pushCredentials,
        faultHook);
  }

  public BumpRequest withTemplates(String tagFormatValue, String messageValue) {
    return new BumpRequest(
        projectDir,
        kind,
        newVersion,
        preKind,
        force,
        commit,
        tag,
        push,
        allowDirty,
        tagFormatValue,
        messageValue,
        dryRun,
        clock,
        environment,
        pushCredentials,
        faultHook);
  }

  public BumpRequest withDryRun(boolean value) {
    return new BumpRequest(
        projectDir,
        kind,
        newVersion,
        preKind,
        force,
        commit,
        tag,
        push,
        allowDirty,
        tagFormat,
        message,
        value,
        clock,
        environment,
        pushCredentials,
        faultHook);
  }

  public BumpRequest withClock(Clock value) {
    return new BumpRequest(
        projectDir,
        kind,
        newVersion,
        preKind,
        force,
        commit,
        tag,
        push,
        allowDirty,
        tagFormat,
        message,
        dryRun,
        value,
        environment,
        pushCredentials,
        faultHook);
  }

  public BumpRequest withEnvironment(Map<String, String> value, Optional<Credentials> credentials) {
    return new BumpRequest(
        projectDir,
        kind,
        newVersion,
        preKind,
        force,
        commit,
        tag,
        push,
        allowDirty,
        tagFormat,
        message,
        dryRun,
        clock,
        value,
        credentials,
        faultHook);
  }

  public BumpRequest withFaultHook(FileSetWriter.FaultHook hook) {
    return new BumpRequest(
        projectDir,
        kind,
        newVersion,
        preKind,
        force,
        commit,
        tag,
        push,
        allowDirty,
        tagFormat,
        message,
        dryRun,
        clock,
        environment,
        pushCredentials,
        hook);
  }
}
