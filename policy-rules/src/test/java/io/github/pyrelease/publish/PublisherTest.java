package io.github.pyrelease.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.dist.ReleaseFiles;
import io.github.pyrelease.policyfile.Position;
import io.github.pyrelease.publish.plan.Gate;
import io.github.pyrelease.publish.plan.PublishPlan;
import io.github.pyrelease.publish.plan.PublishStage;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.publish.state.PublishState.Status;
import io.github.pyrelease.publish.state.PublishStateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {

  private static final String SECRET = "pypi-AgEIcHlwaS5vcmc-very-secret";

  @TempDir Path dir;

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> logged = new ArrayList<>();
  private final List<String> sent = new ArrayList<>();
  private Release release;
  private PublishStateFile stateFile;

  @BeforeEach
  void buildTheRelease() throws IOException {
    Path dist = Files.createDirectories(dir.resolve("dist"));
    writeDists(dist, "# first build\n");
    release = release(dist);
    stateFile = new PublishStateFile(dir.resolve("out"));
  }

  @Test
  void runsTheStagesInOrderAndRecordsEveryFile() throws IOException {
    PublishPlan plan = plan(index("testpypi"), index("pypi"));

    publisher(plan, new FakeRunner(), "", Approvals.Prompter.NONE).publish(release);

    assertThat(sent)
        .containsExactly(
            "testpypi acme_widgets-1.4.0.tar.gz",
            "testpypi acme_widgets-1.4.0-py3-none-any.whl",
            "pypi acme_widgets-1.4.0.tar.gz",
            "pypi acme_widgets-1.4.0-py3-none-any.whl");
    JsonNode state = json.readTree(stateFile.path().toFile());
    assertThat(state.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(state.path("project").asText()).isEqualTo("acme-widgets");
    assertThat(state.path("version").asText()).isEqualTo("1.4.0");
    JsonNode testpypi = state.path("stages").get(0);
    assertThat(testpypi.path("name").asText()).isEqualTo("testpypi");
    assertThat(testpypi.path("status").asText()).isEqualTo("done");
    assertThat(testpypi.path("target").asText()).isEqualTo("https://testpypi.example/legacy/");
    assertThat(testpypi.path("finished").asText()).isEqualTo("2026-12-01T10:00:00Z");
    assertThat(testpypi.path("files").get(1).path("sha256").asText())
        .isEqualTo(release.files().get(1).sha256());
    assertThat(testpypi.path("files").get(1).path("size").asLong())
        .isEqualTo(release.files().get(1).size());
    assertThat(testpypi.path("files").get(1).path("url").asText())
        .isEqualTo("https://testpypi.example/files/acme_widgets-1.4.0-py3-none-any.whl");
    assertThat(state.path("stages").get(1).path("status").asText()).isEqualTo("done");
  }

  @Test
  void anApprovalGateStopsABatchBuildAndARunWithTheApprovalContinues() {
    PublishPlan plan = plan(index("testpypi"), index("pypi", Gate.APPROVAL), index("mirror"));

    assertThatThrownBy(
            () -> publisher(plan, new FakeRunner(), "", Approvals.Prompter.NONE).publish(release))
        .isInstanceOf(ApprovalRequiredException.class)
        .hasMessage(
            "stage 'pypi' waits for approval before it publishes acme-widgets 1.4.0 to"
                + " https://pypi.example/legacy/; the stages before it are done (testpypi)")
        .satisfies(
            e ->
                assertThat(((ApprovalRequiredException) e).fix())
                    .startsWith("approve it and run again: mvn deploy -Dpyrelease.approve=pypi"));
    assertThat(sent).hasSize(2).allMatch(s -> s.startsWith("testpypi "));
    PublishState recorded = stateFile.read().orElseThrow();
    assertThat(recorded.stage("testpypi").orElseThrow().status()).isEqualTo(Status.DONE);
    assertThat(recorded.stage("pypi").orElseThrow().status()).isEqualTo(Status.AWAITING_APPROVAL);

    sent.clear();
    publisher(plan, new FakeRunner(), "pypi", Approvals.Prompter.NONE).publish(release);

    assertThat(sent).hasSize(4).noneMatch(s -> s.startsWith("testpypi "));
    assertThat(logged).anyMatch(l -> l.startsWith("[testpypi] done earlier (2026-12-01T10:00:00Z"));
    PublishState done = stateFile.read().orElseThrow();
    assertThat(done.stage("pypi").orElseThrow().gates().get("approval").by())
        .isEqualTo("pyrelease.approve");
    assertThat(done.stages()).allMatch(s -> s.status() == Status.DONE);
  }

  @Test
  void aPersonApprovesAtThePromptWithYesAndNothingElse() {
    PublishPlan plan = plan(index("pypi", Gate.APPROVAL));
    List<String> questions = new ArrayList<>();

    assertThatThrownBy(
            () ->
                publisher(plan, new FakeRunner(), "", q -> answer(questions, q, "y"))
                    .publish(release))
        .isInstanceOf(ApprovalRequiredException.class);
    assertThat(sent).isEmpty();

    publisher(plan, new FakeRunner(), "", q -> answer(questions, q, " YES ")).publish(release);

    assertThat(questions)
        .containsOnly(
            "Publish acme-widgets 1.4.0 to stage 'pypi' (https://pypi.example/legacy/)? Type yes to"
                + " approve: ");
    assertThat(sent).hasSize(2);
    assertThat(stateFile.read().orElseThrow().stage("pypi").orElseThrow().gates())
        .containsKey("approval");
  }

  @Test
  void aFailureInTheMiddleKeepsWhatWasPublishedAndTheNextRunFinishesWithoutRepeating() {
    PublishPlan plan = plan(index("testpypi"), index("pypi"));
    FakeRunner failing = new FakeRunner();
    failing.failOn = "pypi acme_widgets-1.4.0-py3-none-any.whl";

    assertThatThrownBy(() -> publisher(plan, failing, "", Approvals.Prompter.NONE).publish(release))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("400 Bad Request");
    PublishState recorded = stateFile.read().orElseThrow();
    PublishState.StageState pypi = recorded.stage("pypi").orElseThrow();
    assertThat(pypi.status()).isEqualTo(Status.FAILED);
    assertThat(pypi.files())
        .extracting(PublishState.FileState::file)
        .containsExactly("acme_widgets-1.4.0.tar.gz");
    assertThat(pypi.message()).contains("400 Bad Request").doesNotContain(SECRET);
    assertThat(stateFile.path()).content().doesNotContain(SECRET);

    sent.clear();
    publisher(plan, new FakeRunner(), "", Approvals.Prompter.NONE).publish(release);

    assertThat(sent).containsExactly("pypi acme_widgets-1.4.0-py3-none-any.whl");
  }

  @Test
  void aProcessThatDiesMidStageLeavesARecordOfExactlyWhatWasPublished() {
    PublishPlan plan = plan(index("testpypi"), index("pypi"));
    FakeRunner dying = new FakeRunner();
    dying.dieAfter = "testpypi acme_widgets-1.4.0.tar.gz";

    assertThatThrownBy(() -> publisher(plan, dying, "", Approvals.Prompter.NONE).publish(release))
        .isInstanceOf(ProcessDeath.class);

    // What is on disk is what a killed process would have left.
    PublishState recorded = stateFile.read().orElseThrow();
    assertThat(recorded.stage("testpypi").orElseThrow().status()).isEqualTo(Status.RUNNING);
    assertThat(recorded.stage("testpypi").orElseThrow().files())
        .extracting(PublishState.FileState::file)
        .containsExactly("acme_widgets-1.4.0.tar.gz");
    assertThat(recorded.stage("pypi")).isEmpty();

    sent.clear();
    publisher(plan, new FakeRunner(), "", Approvals.Prompter.NONE).publish(release);
    assertThat(sent)
        .containsExactly(
            "testpypi acme_widgets-1.4.0-py3-none-any.whl",
            "pypi acme_widgets-1.4.0.tar.gz",
            "pypi acme_widgets-1.4.0-py3-none-any.whl");
  }

  @Test
  void aFileThatChangedAfterAStagePublishedItIsAStaleBuild() throws IOException {
    PublishPlan plan = plan(index("testpypi"), index("pypi", Gate.APPROVAL));
    assertThatThrownBy(
            () -> publisher(plan, new FakeRunner(), "", Approvals.Prompter.NONE).publish(release))
        .isInstanceOf(ApprovalRequiredException.class);
    Path dist = dir.resolve("dist");
    writeDists(dist, "# a rebuild that is not byte for byte the same\n");
    Release rebuilt = release(dist);
    sent.clear();

    assertThatThrownBy(
            () ->
                publisher(plan, new FakeRunner(), "pypi", Approvals.Prompter.NONE).publish(rebuilt))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageStartingWith(
            "stale build: acme_widgets-1.4.0.tar.gz changed since stage 'testpypi' published it"
                + " (sha256 "
                + release.files().get(0).sha256()
                + ", now "
                + rebuilt.files().get(0).sha256()
                + ")")
        .satisfies(
            e -> assertThat(((PyreleaseException) e).fix()).contains("release a new version"));
    assertThat(sent).isEmpty();
  }

  @Test
  void theVerifyInstallGatePassesBeforeTheStageIsDoneAndAFailureStopsTheRelease() {
    PublishPlan plan = plan(index("testpypi", Gate.VERIFY_INSTALL), index("pypi"));
    List<String> checks = new ArrayList<>();
    InstallCheck failing =
        (stage, r) -> {
          checks.add(stage.name());
          throw new PyreleaseException("acme-widgets 1.4.0 does not import", null, "fix it");
        };

    assertThatThrownBy(
            () ->
                publisher(plan, new FakeRunner(), "", Approvals.Prompter.NONE, failing)
                    .publish(release))
        .hasMessage("acme-widgets 1.4.0 does not import");
    assertThat(sent).hasSize(2).allMatch(s -> s.startsWith("testpypi "));
    assertThat(stateFile.read().orElseThrow().stage("testpypi").orElseThrow().status())
        .isEqualTo(Status.FAILED);

    sent.clear();
    publisher(
            plan,
            new FakeRunner(),
            "",
            Approvals.Prompter.NONE,
            (stage, r) -> "imported acme_widgets")
        .publish(release);

    assertThat(sent).hasSize(2).allMatch(s -> s.startsWith("pypi "));
    assertThat(
            stateFile
                .read()
                .orElseThrow()
                .stage("testpypi")
                .orElseThrow()
                .gates()
                .get("verify-install")
                .by())
        .isEqualTo("imported acme_widgets");
    assertThat(checks).containsExactly("testpypi");
  }

  @Test
  void aDryRunDescribesEveryStageAndSendsAndWritesNothing() {
    PublishPlan plan = plan(index("testpypi", Gate.VERIFY_INSTALL), index("pypi", Gate.APPROVAL));

    publisher(plan, new FakeRunner(), "", Approvals.Prompter.NONE).simulate(release);

    assertThat(sent).isEmpty();
    assertThat(stateFile.path()).doesNotExist();
    assertThat(logged)
        .contains(
            "[testpypi] POST https://testpypi.example/legacy/ acme_widgets-1.4.0.tar.gz",
            "[testpypi] would then install acme-widgets==1.4.0 from the index into a fresh"
                + " virtual environment and import it",
            "[pypi] would stop for approval unless approved (mvn deploy -Dpyrelease.approve=pypi)");
    assertThat(logged).noneMatch(l -> l.contains(SECRET));
  }

  @Test
  void anotherVersionsRecordIsMovedAsideForANewRelease() throws IOException {
    PublishState old = new PublishState("acme-widgets", "1.3.0");
    stateFile.write(old);

    publisher(plan(index("pypi")), new FakeRunner(), "", Approvals.Prompter.NONE).publish(release);

    assertThat(dir.resolve("out/publish-state-acme-widgets-1.3.0.json")).exists();
    assertThat(stateFile.read().orElseThrow().version()).isEqualTo("1.4.0");
  }

  @Test
  void approvingAStageThePolicyDoesNotHaveIsAnError() {
    assertThatThrownBy(
            () ->
                publisher(plan(index("pypi")), new FakeRunner(), "pypy", Approvals.Prompter.NONE)
                    .publish(release))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("pyrelease.approve names a stage the policy does not have: pypy");
  }

  @Test
  void aStateFileThatIsNotOneIsAClearError() throws IOException {
    Files.createDirectories(stateFile.path().getParent());
    Files.writeString(stateFile.path(), "{\"schemaVersion\": 1, \"project\": \"x\",");

    assertThatThrownBy(
            () ->
                publisher(plan(index("pypi")), new FakeRunner(), "", Approvals.Prompter.NONE)
                    .publish(release))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageStartingWith("publish-state.json cannot be used: it is not valid JSON at line 1")
        .satisfies(e -> assertThat(((PyreleaseException) e).fix()).contains("delete it only if"));
    assertThat(sent).isEmpty();
  }

  private static Optional<String> answer(List<String> questions, String question, String answer) {
    questions.add(question);
    return Optional.of(answer);
  }

  private Publisher publisher(
      PublishPlan plan, StageRunner runner, String approve, Approvals.Prompter prompter) {
    return publisher(plan, runner, approve, prompter, (stage, r) -> "verified");
  }

  private Publisher publisher(
      PublishPlan plan,
      StageRunner runner,
      String approve,
      Approvals.Prompter prompter,
      InstallCheck check) {
    PublishLog log = PublishLog.of(logged::add, logged::add);
    return new Publisher(
        plan,
        stage -> runner,
        new Approvals(approve, prompter, "mvn deploy -Dpyrelease.approve={stage}"),
        check,
        stateFile,
        log,
        Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
        text -> text.replace(SECRET, "******"));
  }

  private static PublishPlan plan(PublishStage... stages) {
    return new PublishPlan(List.of(stages), "release-policy.yaml");
  }

  private static PublishStage.Index index(String name, Gate... gates) {
    Set<Gate> set = gates.length == 0 ? Set.of() : EnumSet.copyOf(List.of(gates));
    return new PublishStage.Index(
        name,
        "https://" + name + ".example/legacy/",
        null,
        name,
        null,
        set,
        new Position("release-policy.yaml", 3, 5));
  }

  private static void writeDists(Path dist, String readme) throws IOException {
    new Archives.Wheel("acme-widgets", "1.4.0").file("acme_widgets/README.md", readme).write(dist);
    Files.write(
        dist.resolve("acme_widgets-1.4.0.tar.gz"),
        Archives.tarGz(
            List.of(
                Archives.TarMember.file(
                    "acme_widgets-1.4.0/PKG-INFO", Archives.pkgInfo("acme-widgets", "1.4.0")),
                Archives.TarMember.file("acme_widgets-1.4.0/README.md", readme))));
  }

  private static Release release(Path dist) {
    List<ReleaseFile> files = ReleaseFiles.read(dist);
    return new Release("acme-widgets", "1.4.0", files, "acme-widgets 1.4.0", "", false);
  }

  /** A process killed in the middle: nothing after this line ran. */
  private static final class ProcessDeath extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** Publishes by recording what it would send; fails or dies on request. */
  private final class FakeRunner implements StageRunner {
    String failOn;
    String dieAfter;

    @Override
    public String target(PublishStage stage, Release r) {
      return ((PublishStage.Index) stage).uploadUrl();
    }

    @Override
    public List<String> describe(PublishStage stage, Release r) {
      return r.files().stream().map(f -> "POST " + target(stage, r) + " " + f.fileName()).toList();
    }

    @Override
    public void publish(PublishStage stage, Release r, StageProgress progress) {
      for (ReleaseFile file : r.files()) {
        if (progress.done(file)) {
          continue;
        }
        String key = stage.name() + " " + file.fileName();
        if (key.equals(failOn)) {
          throw new PyreleaseException(
              "the index answered 400 Bad Request for token " + SECRET, target(stage, r), null);
        }
        sent.add(key);
        progress.published(
            file, "uploaded", target(stage, r).replace("legacy/", "files/") + file.fileName());
        if (key.equals(dieAfter)) {
          throw new ProcessDeath();
        }
      }
    }
  }
}
