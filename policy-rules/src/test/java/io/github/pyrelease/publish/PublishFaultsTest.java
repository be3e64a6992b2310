package io.github.pyrelease.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.ReleaseFiles;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.RetryPolicy;
import io.github.pyrelease.policyfile.Position;
import io.github.pyrelease.publish.plan.PublishPlan;
import io.github.pyrelease.publish.plan.PublishStage;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.publish.state.PublishState.Status;
import io.github.pyrelease.publish.state.PublishStateFile;
import io.github.pyrelease.upload.UploadCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing through a loopback index that misbehaves on purpose: after every fault the state file
 * is true, no file is taken twice, and a run after the fault finishes the release.
 */
class PublishFaultsTest {

  private static final String TOKEN = "pypi-faults-test-token-31";
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]+)\"");

  @TempDir Path dir;

  private final MockWebServer server = new MockWebServer();
  private final Deque<MockResponse> faults = new ConcurrentLinkedDeque<>();
  private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
  private final List<String> logged = new ArrayList<>();
  private Release release;
  private PublishStateFile stateFile;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse fault = faults.poll();
            if (fault != null) {
              return fault;
            }
            Matcher name =
                FILENAME.matcher(
                    new String(request.getBody().toByteArray(), StandardCharsets.ISO_8859_1));
            if (name.find()) {
              accepted.merge(name.group(1), 1, Integer::sum);
            }
            return new MockResponse.Builder().body("OK").build();
          }
        });
    server.start();
    Path dist = Files.createDirectories(dir.resolve("dist"));
    new Archives.Wheel("acme-widgets", "1.4.0").write(dist);
    Files.write(
        dist.resolve("acme_widgets-1.4.0.tar.gz"),
        Archives.tarGz(
            Archives.sdist("acme-widgets", "1.4.0", Archives.pkgInfo("acme-widgets", "1.4.0"))));
    release =
        new Release(
            "acme-widgets", "1.4.0", ReleaseFiles.read(dist), "acme-widgets 1.4.0", "", false);
    stateFile = new PublishStateFile(dir.resolve("out"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aServiceUnavailableThenSuccessPublishesOnce() {
    faults.add(new MockResponse.Builder().code(503).body("Service Unavailable").build());

    publisher().publish(release);

    assertEveryFileTakenOnceAndRecorded();
  }

  @Test
  void tooManyRequestsWithRetryAfterIsWaitedOut() {
    faults.add(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "1")
            .body("slow down")
            .build());

    long start = System.nanoTime();
    publisher().publish(release);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertEveryFileTakenOnceAndRecorded();
  }

  @Test
  void aConnectionThatBreaksBeforeTheAnswerIsRetried() {
    // The uploader's own tests reset connections in the middle of the body (a raw socket server);
    // here the connection breaks after the body, before any answer.
    faults.add(
        new MockResponse.Builder()
            .code(599)
            .onResponseStart(new SocketEffect.CloseSocket(true, true, true))
            .build());

    publisher().publish(release);

    assertEveryFileTakenOnceAndRecorded();
  }

  @Test
  void anIndexThatHangsEndsTheStageAtTheReadTimeoutAndTheNextRunFinishes() {
    for (int i = 0; i < 3; i++) {
      faults.add(new MockResponse.Builder().body("late").headersDelay(5, TimeUnit.SECONDS).build());
    }

    assertThatThrownBy(() -> publisher().publish(release)).isInstanceOf(PyreleaseException.class);

    PublishState.StageState stage = stateFile.read().orElseThrow().stage("pypi").orElseThrow();
    assertThat(stage.status()).isEqualTo(Status.FAILED);
    assertThat(stage.files()).isEmpty();
    assertThat(stage.message()).contains("no answer");

    publisher().publish(release);
    assertEveryFileTakenOnceAndRecorded();
  }

  @Test
  void pypisRefusalIsShownVerbatimWithoutTheTokenAndRecorded() throws IOException {
    String refusal =
        "'Foo :: Bar' is not a valid classifier. See https://pypi.org/classifiers/ (token "
            + TOKEN
            + ")";
    faults.add(new MockResponse.Builder().status("HTTP/1.1 400 " + refusal).body(refusal).build());

    assertThatThrownBy(() -> publisher().publish(release))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining(
            "'Foo :: Bar' is not a valid classifier. See https://pypi.org/classifiers/")
        .satisfies(e -> assertThat(((PyreleaseException) e).describe()).doesNotContain(TOKEN));

    PublishState.StageState stage = stateFile.read().orElseThrow().stage("pypi").orElseThrow();
    assertThat(stage.status()).isEqualTo(Status.FAILED);
    assertThat(stage.message()).contains("is not a valid classifier");
    assertThat(Files.readString(stateFile.path())).doesNotContain(TOKEN);
    assertThat(logged).noneMatch(line -> line.contains(TOKEN));
    assertThat(accepted).isEmpty();

    publisher().publish(release);
    assertEveryFileTakenOnceAndRecorded();
  }

  private void assertEveryFileTakenOnceAndRecorded() {
    assertThat(accepted)
        .containsOnlyKeys("acme_widgets-1.4.0.tar.gz", "acme_widgets-1.4.0-py3-none-any.whl")
        .allSatisfy((file, count) -> assertThat(count).as(file).isEqualTo(1));
    PublishState.StageState stage = stateFile.read().orElseThrow().stage("pypi").orElseThrow();
    assertThat(stage.status()).isEqualTo(Status.DONE);
    assertThat(stage.files())
        .extracting(PublishState.FileState::sha256)
        .containsExactly(release.files().get(0).sha256(), release.files().get(1).sha256());
  }

  private Publisher publisher() {
    HttpSettings settings =
        HttpSettings.defaults("pyrelease-test")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700))
            .withRetries(
                new RetryPolicy(
                    3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2)));
    HttpClient http = new HttpClient(settings).forUploads();
    CredentialLookup credentials =
        new CredentialLookup(ServerCredentials.none(), Map.of("PYRELEASE_PYPI_TOKEN", TOKEN));
    IndexUploadRunner runner =
        new IndexUploadRunner(
            http, new UploadCredentials(credentials, dir.resolve("no-pypirc"), http, line -> {}));
    PublishStage.Index stage =
        new PublishStage.Index(
            "pypi",
            server.url("/legacy/").toString(),
            server.url("/").toString(),
            "pypi",
            null,
            Set.of(),
            new Position("release-policy.yaml", 3, 5));
    PublishLog log = PublishLog.of(logged::add, logged::add);
    return new Publisher(
        new PublishPlan(List.of(stage), "release-policy.yaml"),
        s -> runner,
        new Approvals(null, Approvals.Prompter.NONE, "{stage}"),
        (s, r) -> "not asked",
        stateFile,
        log,
        Clock.systemUTC(),
        credentials::maskAll);
  }
}
