package io.github.pyrelease.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpRequest;
import io.github.pyrelease.http.HttpResponse;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.ResponseCache;
import io.github.pyrelease.http.RetryPolicy;
import io.github.pyrelease.http.TestHttpClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads against a loopback index that answers, or misbehaves, as each test scripts. */
class IndexUploaderTest {

  private static final String TOKEN = UploadFixtures.TOKEN;
  private static final String BASIC =
      Base64.getEncoder().encodeToString(("__token__:" + TOKEN).getBytes(StandardCharsets.UTF_8));
  private static final String EXISTS =
      "HTTP/1.1 400 File already exists ('acme_widgets_extra-1.4.0-py3-none-any.whl', with"
          + " blake2_256 hash 'deadbeef'). See https://pypi.org/help/#file-name-reuse for more"
          + " information.";

  @TempDir Path dir;

  private final MockWebServer server = new MockWebServer();
  private final ConcurrentLinkedQueue<MockResponse> uploads = new ConcurrentLinkedQueue<>();
  private final Map<String, MockResponse> pages = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            if (request.getMethod().equals("POST")) {
              MockResponse next = uploads.poll();
              return next != null ? next : new MockResponse.Builder().code(500).build();
            }
            return pages.getOrDefault(
                request.getUrl().encodedPath(), new MockResponse.Builder().code(404).build());
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpSettings settings(int attempts) {
    return HttpSettings.defaults("pyrelease-test").withRetries(RetryPolicy.withAttempts(attempts));
  }

  private IndexUploader uploader(int attempts) {
    return new IndexUploader(TestHttpClients.recordingWaits(settings(attempts), null, waits));
  }

  private UploadTarget target() {
    return UploadTarget.of(
        "pypi", server.url("/legacy/").toString(), "pypi-test", UploadFixtures.token());
  }

  private ReleaseFile wheel() throws Exception {
    return UploadFixtures.read(
        UploadFixtures.wheel(dir, UploadFixtures.richMetadata("2.4"), "py3-none-any"));
  }

  /** A wheel of {@code megabytes} of random data, large enough to still be sending when cut. */
  private ReleaseFile bigWheel(int megabytes) throws Exception {
    byte[] blob = new byte[megabytes << 20];
    new Random(3).nextBytes(blob);
    Path sub = Files.createTempDirectory(dir, "big");
    return UploadFixtures.read(
        new io.github.pyrelease.dist.Archives.Wheel("acme", "1.0")
            .file("acme/blob.bin", blob)
            .write(sub));
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().body("OK").build();
  }

  private static MockResponse status(String line) {
    return new MockResponse.Builder()
        .status(line)
        .body("<html><body>" + line + "</body></html>")
        .build();
  }

  private List<RecordedRequest> posts() {
    return requests.stream().filter(r -> r.getMethod().equals("POST")).toList();
  }

  private static MultipartForm form(RecordedRequest request) {
    return MultipartForm.parse(
        request.getHeaders().get("Content-Type"), request.getBody().toByteArray());
  }

  private void jsonApiSays(ReleaseFile file, String sha256) {
    pages.put(
        "/pypi/acme-widgets-extra/1.4.0/json",
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"info\":{\"name\":\"Acme_Widgets.Extra\",\"version\":\"1.4.0\"},\"urls\":[{\"filename\":\""
                    + file.fileName()
                    + "\",\"digests\":{\"sha256\":\""
                    + sha256
                    + "\",\"blake2b_256\":\"00\"}}]}")
            .build());
  }

  @Test
  void postsOneMultipartFormWithEveryFieldAndTheFileStreamedAsIs() throws Exception {
    ReleaseFile wheel = wheel();
    uploads.add(ok());

    UploadResult result = uploader(3).upload(target(), wheel);

    assertThat(result.status()).isEqualTo(UploadResult.Status.UPLOADED);
    assertThat(result.fileName()).isEqualTo(wheel.fileName());
    assertThat(result.sha256()).isEqualTo(wheel.sha256());
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(result.url()).isEqualTo(server.url("/simple/acme-widgets-extra/").toString());
    RecordedRequest post = posts().get(0);
    assertThat(post.getUrl().encodedPath()).isEqualTo("/legacy/");
    assertThat(post.getVersion()).isEqualTo("HTTP/1.1");
    assertThat(post.getHeaders().get("Authorization")).isEqualTo("Basic " + BASIC);
    assertThat(post.getHeaders().get("Content-Length"))
        .isEqualTo(String.valueOf(post.getBody().size()));
    MultipartForm form = form(post);
    assertThat(form.fields())
        .containsExactlyElementsOf(
            UploadForm.fieldsOf(wheel).stream().map(f -> List.of(f.name(), f.value())).toList());
    MultipartForm.Part content = form.file("content");
    assertThat(content.filename()).isEqualTo(wheel.fileName());
    assertThat(content.contentType()).isEqualTo("application/octet-stream");
    assertThat(content.data()).isEqualTo(Files.readAllBytes(wheel.path()));
  }

  @Test
  void anSdistGoesOutAsSourceWithItsPkgInfoFields() throws Exception {
    ReleaseFile sdist =
        UploadFixtures.read(UploadFixtures.sdist(dir, UploadFixtures.richMetadata("2.3")));
    uploads.add(ok());

    uploader(3).upload(target(), sdist);

    MultipartForm form = form(posts().get(0));
    assertThat(form.values("filetype")).containsExactly("sdist");
    assertThat(form.values("pyversion")).containsExactly("source");
    assertThat(form.values("license_file")).isEmpty();
    assertThat(form.values("project_urls"))
        .containsExactly(
            "Source, https://github.com/acme/widgets", "Docs, https://acme.example/docs");
    assertThat(form.values("maintainer")).containsExactly("");
    assertThat(form.file("content").data()).isEqualTo(Files.readAllBytes(sdist.path()));
  }

  @Test
  void aConnectionResetInTheMiddleOfTheBodyIsRetriedWithTheFileReadAgain() throws Exception {
    ReleaseFile big = bigWheel(8);
    try (FaultyIndex index =
        new FaultyIndex(
            List.of(
                new FaultyIndex.ResetMidBody(), new FaultyIndex.Answer("HTTP/1.1 200 OK", "")))) {
      UploadTarget target =
          UploadTarget.of("pypi", index.url("/legacy/"), "pypi", UploadFixtures.token());

      UploadResult result = uploader(3).upload(target, big);

      assertThat(result.status()).isEqualTo(UploadResult.Status.UPLOADED);
      assertThat(result.attempts()).isEqualTo(2);
      assertThat(waits).hasSize(1);
      List<FaultyIndex.Received> received = index.received();
      assertThat(received).hasSize(2);
      assertThat(received.get(0).body().length).isLessThan((int) Files.size(big.path()));
      FaultyIndex.Received whole = received.get(1);
      assertThat((long) whole.body().length).isEqualTo(whole.contentLength());
      String type =
          whole.head().lines().filter(l -> l.startsWith("Content-Type:")).findFirst().orElseThrow();
      assertThat(
              MultipartForm.parse(type.substring("Content-Type:".length()).strip(), whole.body())
                  .file("content")
                  .data())
          .isEqualTo(Files.readAllBytes(big.path()));
    }
  }

  @Test
  void aFirstAttemptThatLandedMakesTheRetrysAlreadyExistsCountAsDone() throws Exception {
    ReleaseFile wheel = wheel();
    // the index took the whole file, then the connection broke before it answered
    uploads.add(
        new MockResponse.Builder()
            .onResponseStart(new SocketEffect.CloseSocket(true, true, true))
            .build());
    uploads.add(status(EXISTS));
    jsonApiSays(wheel, wheel.sha256());

    UploadResult result = uploader(3).upload(target(), wheel);

    assertThat(result.status()).isEqualTo(UploadResult.Status.ALREADY_PRESENT);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(posts()).hasSize(2);
  }

  @Test
  void aServiceUnavailableIsRetriedThenSucceeds() throws Exception {
    uploads.add(status("HTTP/1.1 503 Service Unavailable"));
    uploads.add(ok());

    UploadResult result = uploader(3).upload(target(), wheel());

    assertThat(result.status()).isEqualTo(UploadResult.Status.UPLOADED);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(waits).hasSize(1);
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() throws Exception {
    uploads.add(
        new MockResponse.Builder()
            .status("HTTP/1.1 429 Too Many Requests")
            .addHeader("Retry-After", "7")
            .build());
    uploads.add(ok());

    UploadResult result = uploader(3).upload(target(), wheel());

    assertThat(result.attempts()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void serverErrorsToTheLastAttemptAreATransportError() throws Exception {
    for (int i = 0; i < 3; i++) {
      uploads.add(status("HTTP/1.1 502 Bad Gateway"));
    }

    assertThatThrownBy(() -> uploader(3).upload(target(), wheel()))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.TRANSPORT))
        .hasMessageContaining("502")
        .hasMessageContaining("gave up after 3 attempts");
    assertThat(posts()).hasSize(3);
  }

  @Test
  void anIndexThatHangsPastTheReadTimeoutEndsInBoundedTime() throws Exception {
    for (int i = 0; i < 2; i++) {
      uploads.add(ok().newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
    }
    HttpSettings quick = settings(2).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300));
    IndexUploader uploader = new IndexUploader(TestHttpClients.recordingWaits(quick, null, waits));
    long start = System.nanoTime();

    assertThatThrownBy(() -> uploader.upload(target(), wheel()))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.TRANSPORT))
        .hasMessageContaining("no answer from")
        .hasMessageContaining("gave up after 2 attempts");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void pypisTextInTheReasonPhraseIsShownVerbatim() throws Exception {
    String reason =
        "'Bad :: Classifier' is an invalid value for Classifier. Error: Classifier 'Bad ::"
            + " Classifier' is not a valid classifier. See"
            + " https://packaging.python.org/specifications/core-metadata for more information.";
    uploads.add(status("HTTP/1.1 400 " + reason));

    assertThatThrownBy(() -> uploader(3).upload(target(), wheel()))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(UploadException.Kind.REJECTED);
              assertThat(e.getMessage()).endsWith("400 " + reason);
            });
    assertThat(posts()).hasSize(1);
  }

  @Test
  void withoutAReasonPhraseTheBodysTextIsShownWithoutItsHtml() throws Exception {
    uploads.add(
        new MockResponse.Builder()
            .code(400)
            .body(
                "<html><head><title>400 Bad Request</title></head><body><h1>400 Bad Request</h1>"
                    + "Invalid distribution file.<br/><br/>\n</body></html>")
            .build());

    assertThatThrownBy(() -> uploader(3).upload(target(), wheel()))
        .hasMessageEndingWith(": 400 400 Bad Request Invalid distribution file.");
  }

  @Test
  void aTokenTheServerEchoesIsMaskedInEveryForm() throws Exception {
    uploads.add(
        new MockResponse.Builder()
            .status("HTTP/1.1 400 Invalid API Token: " + TOKEN + " is not valid")
            .body("Authorization: Basic " + BASIC)
            .build());

    assertThatThrownBy(() -> uploader(3).upload(target(), wheel()))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.describe()).doesNotContain(TOKEN).doesNotContain(BASIC);
              assertThat(e.getMessage()).contains("Invalid API Token: ****** is not valid");
            });
  }

  @Test
  void alreadyExistsWithTheSameDigestIsDone() throws Exception {
    ReleaseFile wheel = wheel();
    uploads.add(status(EXISTS));
    jsonApiSays(wheel, wheel.sha256());

    UploadResult result = uploader(3).upload(target(), wheel);

    assertThat(result.status()).isEqualTo(UploadResult.Status.ALREADY_PRESENT);
    RecordedRequest lookup = requests.get(requests.size() - 1);
    assertThat(lookup.getUrl().encodedPath()).isEqualTo("/pypi/acme-widgets-extra/1.4.0/json");
  }

  @Test
  void alreadyExistsWithAnotherDigestIsAConflictThatAsksForANewVersion() throws Exception {
    ReleaseFile wheel = wheel();
    uploads.add(status(EXISTS));
    String other = "ab".repeat(32);
    jsonApiSays(wheel, other);

    assertThatThrownBy(() -> uploader(3).upload(target(), wheel))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(UploadException.Kind.CONFLICT);
              assertThat(e.getMessage())
                  .contains(wheel.fileName())
                  .contains("differs")
                  .contains(other)
                  .contains(wheel.sha256());
              assertThat(e.fix()).contains("change the version (bump it)");
            });
  }

  @Test
  void aConflict409IsSettledThroughTheSimpleApisJsonHashes() throws Exception {
    ReleaseFile wheel = wheel();
    uploads.add(new MockResponse.Builder().code(409).body("Conflict").build());
    pages.put(
        "/simple/acme-widgets-extra/",
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/vnd.pypi.simple.v1+json")
            .body(
                "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"acme-widgets-extra\",\"files\":[{\"filename\":\""
                    + wheel.fileName()
                    + "\",\"url\":\"x\",\"hashes\":{\"sha256\":\""
                    + wheel.sha256().toUpperCase(java.util.Locale.ROOT)
                    + "\"}}]}")
            .build());

    assertThat(uploader(3).upload(target(), wheel).status())
        .isEqualTo(UploadResult.Status.ALREADY_PRESENT);
  }

  @Test
  void theHtmlSimpleApisSha256FragmentSettlesItToo() throws Exception {
    ReleaseFile wheel = wheel();
    uploads.add(status(EXISTS));
    pages.put(
        "/simple/acme-widgets-extra/",
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .body(
                "<html><body><a href=\"../../packages/"
                    + wheel.fileName()
                    + "#sha256="
                    + "cd".repeat(32)
                    + "\">"
                    + wheel.fileName()
                    + "</a></body></html>")
            .build());

    assertThatThrownBy(() -> uploader(3).upload(target(), wheel))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> assertThat(e.kind()).isEqualTo(UploadException.Kind.CONFLICT));
  }

  @Test
  void alreadyExistsWithNoDigestAnywhereSaysSo() throws Exception {
    uploads.add(status(EXISTS));

    assertThatThrownBy(() -> uploader(3).upload(target(), wheel()))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(UploadException.Kind.UNVERIFIED);
              assertThat(e.getMessage())
                  .contains("no sha256 of it could be obtained")
                  .contains("/pypi/acme-widgets-extra/1.4.0/json: answered 404")
                  .contains("/simple/acme-widgets-extra/: answered 404");
            });
  }

  @Test
  void theDigestIsAskedAfreshPastTheBuildsAnswerCache() throws Exception {
    ReleaseFile wheel = wheel();
    ResponseCache cache = new ResponseCache();
    HttpClient http = TestHttpClients.recordingWaits(settings(3), cache, waits);
    String json = server.url("/pypi/acme-widgets-extra/1.4.0/json").toString();
    // a rule asked before publishing: not there yet, and the build cached that answer
    assertThat(http.send(HttpRequest.get(json)).status()).isEqualTo(404);
    jsonApiSays(wheel, wheel.sha256());
    uploads.add(status(EXISTS));

    UploadResult result = new IndexUploader(http).upload(target(), wheel);

    assertThat(result.status()).isEqualTo(UploadResult.Status.ALREADY_PRESENT);
    assertThat(http.send(HttpRequest.get(json)).status())
        .as("the cache kept its 404")
        .isEqualTo(404);
  }

  @Test
  void forbiddenNamesTheServerIdAndWhereCredentialsGoNeverTheToken() throws Exception {
    uploads.add(
        status(
            "HTTP/1.1 403 Invalid or non-existent authentication information. See"
                + " https://pypi.org/help/#invalid-auth for more information."));

    assertThatThrownBy(() -> uploader(3).upload(target(), wheel()))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(UploadException.Kind.CREDENTIALS);
              assertThat(e.getMessage())
                  .contains("server 'pypi-test'")
                  .contains("environment PYRELEASE_PYPI_TOKEN")
                  .contains("Invalid or non-existent authentication information");
              assertThat(e.fix())
                  .contains("<id>pypi-test</id>")
                  .contains("PYRELEASE_PYPI_TEST_TOKEN");
              assertThat(e.describe()).doesNotContain(TOKEN);
            });
  }

  @Test
  void aRedirectIsNeverFollowedAndAMissingSlashIsNamed() throws Exception {
    String slashless = server.url("/legacy").toString();
    uploads.add(
        new MockResponse.Builder()
            .code(308)
            .addHeader("Location", server.url("/legacy/").toString())
            .build());
    UploadTarget target = UploadTarget.of("pypi", slashless, "pypi", UploadFixtures.token());

    assertThatThrownBy(() -> uploader(3).upload(target, wheel()))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(UploadException.Kind.CONFIGURATION);
              assertThat(e.fix()).contains("missing its trailing slash");
            });
    assertThat(requests).hasSize(1);
  }

  @Test
  void aRedirectElsewhereAsksToConfigureItsTarget() throws Exception {
    uploads.add(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "https://mirror.example/upload/")
            .build());

    assertThatThrownBy(() -> uploader(3).upload(target(), wheel()))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.getMessage()).contains("https://mirror.example/upload/");
              assertThat(e.fix()).contains("yourself if you trust it");
            });
    assertThat(requests).hasSize(1);
  }

  @Test
  void plainHttpToAnotherHostIsRefusedBeforeAnythingIsSent() throws Exception {
    UploadTarget target =
        UploadTarget.of(
            "pypi", "http://upload.example.org/legacy/", "pypi", UploadFixtures.token());

    assertThatThrownBy(() -> uploader(3).upload(target, wheel()))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(UploadException.Kind.CONFIGURATION);
              assertThat(e.getMessage()).contains("refusing plain http to upload.example.org");
            });
  }

  @Test
  void methodNotAllowedOnPypiOrgPointsToTheUploadHost() throws Exception {
    ReleaseFile wheel = wheel();
    UploadTarget target =
        UploadTarget.of("pypi", "https://pypi.org/legacy/", "pypi", UploadFixtures.token());
    HttpResponse answer =
        new HttpResponse(
            405, "https://pypi.org/legacy/", Map.of(), new byte[0], 1, null, "Method Not Allowed");

    UploadException e =
        IndexUploader.failure(target, wheel, HttpUrl.get("https://pypi.org/legacy/"), answer);

    assertThat(e.kind()).isEqualTo(UploadException.Kind.CONFIGURATION);
    assertThat(e.fix()).contains("https://upload.pypi.org/legacy/");
  }

  @Test
  void aFileChangedAfterItsDigestsIsNotSent() throws Exception {
    ReleaseFile wheel = wheel();
    Files.write(wheel.path(), new byte[] {1, 2, 3});

    assertThatThrownBy(() -> uploader(3).upload(target(), wheel))
        .hasMessageContaining("changed after its digests were computed");
    assertThat(requests).isEmpty();
  }

  @Test
  void theDryRunDescribesTheRequestAndSendsNothing() throws Exception {
    ReleaseFile wheel = wheel();

    List<String> lines = uploader(3).describe(target(), wheel);

    assertThat(requests).isEmpty();
    assertThat(lines.get(0))
        .isEqualTo(
            "POST "
                + server.url("/legacy/")
                + " (multipart/form-data, HTTP/1.1, redirects not followed)");
    assertThat(lines)
        .contains(
            "authentication: Basic __token__:****** from environment PYRELEASE_PYPI_TOKEN",
            "  name: Acme-Widgets.Extra",
            "  classifiers: Operating System :: OS Independent",
            "  description: # Acme\\n\\nWidgets \u2014 \u00fcn\u00efcode.\\n (27 characters)",
            "  pyversion: py3",
            "  md5_digest: " + wheel.digests().md5(),
            "  sha256_digest: " + wheel.sha256(),
            "    sha256: " + wheel.sha256(),
            "    blake2_256: " + wheel.digests().blake2b256(),
            "    md5: " + wheel.digests().md5());
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("  content: " + wheel.fileName() + " (" + wheel.size() + " bytes"));
    assertThat(String.join("\n", lines)).doesNotContain(TOKEN);
  }

  @Test
  void theIndexUrlDefaultsFromTheUploadUrl() {
    assertThat(UploadTarget.defaultIndexUrl("https://upload.pypi.org/legacy/"))
        .isEqualTo("https://pypi.org/");
    assertThat(UploadTarget.defaultIndexUrl("https://test.pypi.org/legacy/"))
        .isEqualTo("https://test.pypi.org/");
    assertThat(UploadTarget.defaultIndexUrl("https://pypi.acme.example/repo/legacy"))
        .isEqualTo("https://pypi.acme.example/repo/");
    assertThat(UploadTarget.defaultIndexUrl("https://devpi.example/root/dev/"))
        .isEqualTo("https://devpi.example/root/dev/");
  }
}
