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
 * @param createChangelog start a {@code CHANGELOG.md} with the release's section when the project
 *     has no changelog
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
    boolean createChangelog,
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
    Builder builder = new Builder();
    builder.projectDir = projectDir;
    builder.kind = kind;
    return builder.build();
  }

  /** The same bump of the project in {@code dir} (a package of a monorepo). */
  public BumpRequest withProjectDir(Path dir) {
    Builder b = toBuilder();
    b.projectDir = dir;
    return b.build();
  }

  public BumpRequest withNewVersion(String version) {
    Builder b = toBuilder();
    b.kind = null;
    b.newVersion = version;
    return b.build();
  }

  public BumpRequest withPreKind(PreRelease.Kind value) {
    Builder b = toBuilder();
    b.preKind = value;
    return b.build();
  }

  public BumpRequest withForce(boolean value) {
    Builder b = toBuilder();
    b.force = value;
    return b.build();
  }

  public BumpRequest withGit(Boolean commitValue, Boolean tagValue, boolean pushValue) {
    Builder b = toBuilder();
    b.commit = commitValue;
    b.tag = tagValue;
    b.push = pushValue;
    return b.build();
  }

  public BumpRequest withAllowDirty(Boolean value) {
    Builder b = toBuilder();
    b.allowDirty = value;
    return b.build();
  }

  public BumpRequest withTemplates(String tagFormatValue, String messageValue) {
    Builder b = toBuilder();
    b.tagFormat = tagFormatValue;
    b.message = messageValue;
    return b.build();
  }

  public BumpRequest withDryRun(boolean value) {
    Builder b = toBuilder();
    b.dryRun = value;
    return b.build();
  }

  public BumpRequest withCreateChangelog(boolean value) {
    Builder b = toBuilder();
    b.createChangelog = value;
    return b.build();
  }

  public BumpRequest withClock(Clock value) {
    Builder b = toBuilder();
    b.clock = value;
    return b.build();
  }

  public BumpRequest withEnvironment(Map<String, String> value, Optional<Credentials> credentials) {
    Builder b = toBuilder();
    b.environment = value;
    b.pushCredentials = credentials;
    return b.build();
  }

  public BumpRequest withFaultHook(FileSetWriter.FaultHook hook) {
    Builder b = toBuilder();
    b.faultHook = hook;
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.projectDir = projectDir;
    b.kind = kind;
    b.newVersion = newVersion;
    b.preKind = preKind;
    b.force = force;
    b.commit = commit;
    b.tag = tag;
    b.push = push;
    b.allowDirty = allowDirty;
    b.tagFormat = tagFormat;
    b.message = message;
    b.dryRun = dryRun;
    b.createChangelog = createChangelog;
    b.clock = clock;
    b.environment = environment;
    b.pushCredentials = pushCredentials;
    b.faultHook = faultHook;
    return b;
  }

  /** The one place the fields are listed in order, with their defaults. */
  private static final class Builder {
    private Path projectDir;
    private BumpKind kind;
    private String newVersion;
    private PreRelease.Kind preKind;
    private boolean force;
    private Boolean commit;
    private Boolean tag;
    private boolean push;
    private Boolean allowDirty;
    private String tagFormat;
    private String message;
    private boolean dryRun;
    private boolean createChangelog;
    private Clock clock = Clock.systemDefaultZone();
    private Map<String, String> environment = Map.of();
    private Optional<Credentials> pushCredentials = Optional.empty();
    private FileSetWriter.FaultHook faultHook = FileSetWriter.FaultHook.NONE;

    BumpRequest build() {
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
          createChangelog,
          clock,
          environment,
          pushCredentials,
          faultHook);
    }
  }
}
