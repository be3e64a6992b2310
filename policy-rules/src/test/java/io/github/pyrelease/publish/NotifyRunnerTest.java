package io.github.pyrelease.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.dist.ReleaseFiles;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.RetryPolicy;
import io.github.pyrelease.policyfile.Position;
import io.github.pyrelease.publish.plan.PublishPlan;
import io.github.pyrelease.publish.plan.PublishStage;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.publish.state.PublishState.Status;
import io.github.pyrelease.publish.state.PublishStateFile;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notify stage after an index stage, against a loopback webhook: the body sent, once; the
 * failures (5xx after retries, a redirect) that leave the release published; the dry run; and the
 * secret URL kept out of every line, message and file.
 */
class NotifyRunnerTest {

  /** The part of a Slack webhook URL that is its key. */
  private static final String KEY = "T0KEN42/B0KEN42/s3cr3tW3bh00kKey";

  /** A variable name of the user's choosing, which no general masking rule knows. */
  private static final String VARIABLE = "SLACK_WEBHOOK_URL";

  @TempDir Path dir;

  private final MockWebServer server = new MockWebServer();
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> logged = new ArrayList<>();
  private final List<String> uploaded = new ArrayList<>();
  private PublishStateFile stateFile;
  private Release release;
  private String webhook;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    webhook = "http://127.0.0.1:" + server.getPort() + "/services/" + KEY;
    stateFile = new PublishStateFile(dir.resolve("out"));
    Path dist = Files.createDirectories(dir.resolve("dist"));
    new Archives.Wheel("acme-widgets", "1.4.0").write(dist);
    release =
        new Release("acme-widgets", "1.4.0", ReleaseFiles.read(dist), "1.4.0", "- Notes.", false);
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void postsTheSummaryOfWhatWasPublishedAsSlackCompatibleJson() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("ok").build());

    publisher(environment()).publish(release);

    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/services/" + KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = json.readTree(request.getBody().string(StandardCharsets.UTF_8));
    assertThat(body.path("text").asText())
        .isEqualTo(
            "acme-widgets 1.4.0 is published (testpypi):\n"
                + "https://test.pypi.example/project/acme-widgets/1.4.0/\n"
                + "https://files.example/acme_widgets-1.4.0-py3-none-any.whl");
    assertThat(body.path("name").asText()).isEqualTo("acme-widgets");
    assertThat(body.path("version").asText()).isEqualTo("1.4.0");
    assertThat(body.path("stages").get(0).path("type").asText()).isEqualTo("index");
    assertThat(body.path("urls").path("index").toString())
        .isEqualTo(
            "[\"https://test.pypi.example/project/acme-widgets/1.4.0/\","
                + "\"https://files.example/acme_widgets-1.4.0-py3-none-any.whl\"]");
    assertThat(body.path("stages")).hasSize(1); // the notify stage announces, it is not announced
    PublishState state = stateFile.read().orElseThrow();
    PublishState.StageState notify = state.stage("notify").orElseThrow();
    assertThat(notify.status()).isEqualTo(Status.DONE);
    assertThat(notify.target()).isEqualTo("webhook http://127.0.0.1:" + server.getPort());
    assertThat(notify.details()).containsEntry("status", "200");
    assertNoSecret();
  }

  @Test
  void aResumedReleaseDoesNotNotifyTwice() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    publisher(environment()).publish(release);

    publisher(environment()).publish(release);

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(uploaded).hasSize(1);
    assertThat(logged).anyMatch(l -> l.startsWith("[notify] done earlier (2026-12-01T10:00:00Z"));
    assertNoSecret();
  }

  @Test
  void aServerErrorIsRetriedThenFailsTheBuildAndLeavesThePublishedStagesDone() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(
          new MockResponse.Builder()
              .code(500)
              .body("\n  service_unavailable for " + webhook + "\nsecond line")
              .build());
    }
    List<PublishState> recorded = new ArrayList<>();

    assertThatThrownBy(() -> publisher(environment()).publish(release, recorded::add))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageStartingWith(
            "the release is published, but the notify stage 'notify' failed: the webhook at"
                + " http://127.0.0.1:"
                + server.getPort()
                + " answered 500")
        .hasMessageEndingWith("(gave up after 3 attempts): service_unavailable for ******")
        .satisfies(e -> logged.add(((PyreleaseException) e).describe()))
        .satisfies(
            e ->
                assertThat(((PyreleaseException) e).fix())
                    .contains("run publish again when http://127.0.0.1:")
                    .contains("only the notification is sent"));
    assertThat(server.getRequestCount()).isEqualTo(3);
    // published.json was written from this, before the notification was tried
    assertThat(recorded).hasSize(1);
    PublishState state = stateFile.read().orElseThrow();
    assertThat(state.stage("testpypi").orElseThrow().status()).isEqualTo(Status.DONE);
    assertThat(state.stage("notify").orElseThrow().status()).isEqualTo(Status.FAILED);
    assertNoSecret();

    server.enqueue(new MockResponse.Builder().code(204).build());
    publisher(environment()).publish(release);

    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(uploaded).hasSize(1); // the index stage was not redone
    assertThat(stateFile.read().orElseThrow().stage("notify").orElseThrow().status())
        .isEqualTo(Status.DONE);
  }

  @Test
  void aTooManyRequestsAnswerIsRetriedAndTheSecondAttemptSucceeds() {
    server.enqueue(new MockResponse.Builder().code(429).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    publisher(environment()).publish(release);

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(stateFile.read().orElseThrow().stage("notify").orElseThrow().status())
        .isEqualTo(Status.DONE);
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "https://chat.example/hooks/other-secret-path")
            .build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    assertThatThrownBy(() -> publisher(environment()).publish(release))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining(" answered 302")
        .satisfies(e -> logged.add(((PyreleaseException) e).describe()))
        .satisfies(
            e ->
                assertThat(((PyreleaseException) e).fix())
                    .contains(
                        "redirects are not followed (this one points to https://chat.example)")
                    .doesNotContain("other-secret-path"));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertNoSecret();
  }

  @Test
  void anUnreachableWebhookFailsWithItsHostAndNotItsUrl() throws IOException {
    server.close(); // nothing listens on the port any more
    String closed = "http://127.0.0.1:" + server.getPort();

    assertThatThrownBy(
            () ->
                publisher(
                        new CredentialLookup(
                            ServerCredentials.none(),
                            Map.of(VARIABLE, closed + "/services/" + KEY)))
                    .publish(release))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageStartingWith(
            "the release is published, but the notify stage 'notify' failed: cannot reach"
                + " 127.0.0.1:"
                + server.getPort())
        .hasMessageEndingWith("(gave up after 3 attempts)")
        .satisfies(e -> logged.add(((PyreleaseException) e).describe()))
        .satisfies(
            e ->
                assertThat(((PyreleaseException) e).fix())
                    .startsWith("run publish again when " + closed + " answers;"));
    assertNoSecret();
  }

  @Test
  void aDryRunPrintsTheBodyAndWhereItWouldGoAndSendsNothing() throws IOException {
    publisher(environment()).simulate(release);

    assertThat(server.getRequestCount()).isZero();
    assertThat(logged)
        .contains(
            "[notify] would POST this JSON to the webhook at http://127.0.0.1:"
                + server.getPort()
                + " (the URL from environment "
                + VARIABLE
                + "), following no redirect; the URLs are those recorded so far, a run sends"
                + " every stage's:")
        .contains("[notify]   \"text\" : \"acme-widgets 1.4.0 is published (testpypi).\",");
    assertThat(stateFile.path()).doesNotExist();
    assertNoSecret();
  }

  @Test
  void settingsXmlComesBeforeTheEnvironmentAndNoUrlAtAllSaysWhereOneGoes() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).build());
    ServerCredentials servers =
        new ServerCredentials(
            Map.of(
                "chat",
                new Credentials(
                    "webhook",
                    Secret.of(webhook + "-from-settings"),
                    "settings.xml server 'chat'")));
    CredentialLookup both =
        new CredentialLookup(servers, Map.of(VARIABLE, "https://wrong.example/x"));

    publisher(both).publish(release);

    assertThat(server.takeRequest().getUrl().encodedPath()).endsWith(KEY + "-from-settings");

    Files.delete(stateFile.path());
    assertThatThrownBy(() -> publisher(CredentialLookup.none()).publish(release))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("the release is published, but the notify stage 'notify' has no webhook URL")
        .satisfies(
            e ->
                assertThat(((PyreleaseException) e).fix())
                    .startsWith(
                        "put the webhook URL in the environment variable "
                            + VARIABLE
                            + ", or as the password of a <server> with <id>chat</id>"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void plainHttpToAnotherHostIsRefusedWithoutShowingTheUrl() throws IOException {
    CredentialLookup plain =
        new CredentialLookup(
            ServerCredentials.none(), Map.of(VARIABLE, "http://hooks.example/services/" + KEY));

    assertThatThrownBy(() -> publisher(plain).publish(release))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage(
            "refusing plain http to hooks.example for the webhook in environment "
                + VARIABLE
                + ": the URL is a secret and could be read on the way")
        .satisfies(e -> logged.add(((PyreleaseException) e).describe()));
    assertThat(server.getRequestCount()).isZero();
    assertNoSecret();
  }

  @Test
  void slackMarkupCharactersInTheTextAreEscaped() {
    PublishState state = new PublishState("acme-widgets", "1.4.0");
    state.stageFor("pages", "pages-index", "target/pages").url("https://x.example/?a=1&b=<2>");

    assertThat(new ReleaseAnnouncement(new PublishedRecord(state)).text())
        .isEqualTo(
            "acme-widgets 1.4.0 is published (pages):\nhttps://x.example/?a=1&amp;b=&lt;2&gt;");
  }

  /** The key is nowhere: not in the log, messages, the state file or published.json. */
  private void assertNoSecret() throws IOException {
    List<String> outputs = new ArrayList<>(logged);
    if (Files.exists(stateFile.path())) {
      outputs.add(Files.readString(stateFile.path()));
      outputs.add(new PublishedRecord(stateFile.read().orElseThrow()).json());
    }
    assertThat(outputs).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(KEY));
    assertThat(outputs).noneMatch(text -> text.contains("s3cr3t"));
  }

  private CredentialLookup environment() {
    return new CredentialLookup(ServerCredentials.none(), Map.of(VARIABLE, webhook));
  }

  private Publisher publisher(CredentialLookup credentials) {
    HttpSettings http =
        HttpSettings.defaults("pyrelease-test")
            .withRetries(
                new RetryPolicy(
                    3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)));
    PublishStage index =
        new PublishStage.Index(
            "testpypi",
            "https://test.pypi.example/legacy/",
            null,
            "testpypi",
            null,
            Set.of(),
            new Position("release-policy.yaml", 3, 5));
    PublishStage notify =
        new PublishStage.Notify(
            "notify", "chat", VARIABLE, Set.of(), new Position("release-policy.yaml", 4, 5));
    PublishPlan plan = new PublishPlan(List.of(index, notify), "release-policy.yaml");
    NotifyRunner notifier = new NotifyRunner(http, credentials, stateFile, plan);
    StageRunner uploads = new FakeIndex();
    return new Publisher(
        plan,
        stage -> stage instanceof PublishStage.Notify ? notifier : uploads,
        new Approvals("", Approvals.Prompter.NONE, "mvn deploy -Dpyrelease.approve={stage}"),
        (stage, r) -> "verified",
        stateFile,
        PublishLog.of(logged::add, logged::add),
        Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
        credentials::maskAll);
  }

  /** An index stage that publishes each file at a made-up URL. */
  private final class FakeIndex implements StageRunner {
    @Override
    public String target(PublishStage stage, Release r) {
      return ((PublishStage.Index) stage).uploadUrl();
    }

    @Override
    public List<String> describe(PublishStage stage, Release r) {
      return List.of("POST " + target(stage, r));
    }

    @Override
    public void publish(PublishStage stage, Release r, StageProgress progress) {
      for (ReleaseFile file : r.files()) {
        if (!progress.done(file)) {
          uploaded.add(file.fileName());
          progress.published(file, "uploaded", "https://files.example/" + file.fileName());
        }
      }
      progress.url("https://test.pypi.example/project/acme-widgets/1.4.0/");
    }
  }
}
