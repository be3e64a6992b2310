package io.github.pyrelease.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grep everything that succeeding and failing uploads produce (results, dry runs, exceptions with
 * their stack traces, standard output and error) for the token, in every form a server could echo
 * it.
 */
class UploadSecretsTest {

  private static final String TOKEN = UploadFixtures.TOKEN;
  private static final String MINTED = "pypi-MINTED-secret-93ab";
  private static final String JWT = "eyJ0eXAiOiJKV1Qi.eyJzdWIiOiJyZXBvIn0.c2lnbmF0dXJl";
  private static final String REQUEST_TOKEN = "ghs-request-secret-77aa";

  @TempDir Path dir;

  private final MockWebServer server = new MockWebServer();
  private final List<String> produced = new ArrayList<>();
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void start() throws Exception {
    server.start();
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(oldOut);
    System.setErr(oldErr);
    server.close();
  }

  private static String basic(String secret) {
    return Base64.getEncoder()
        .encodeToString(("__token__:" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private void attempt(Runnable upload) {
    try {
      upload.run();
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      produced.add(trace.toString());
      if (e instanceof io.github.pyrelease.PyreleaseException p) {
        produced.add(p.describe());
      }
    }
  }

  @Test
  void noTokenInAnythingAnUploadProduces() throws Exception {
    ReleaseFile wheel =
        UploadFixtures.read(
            UploadFixtures.wheel(dir, UploadFixtures.richMetadata("2.4"), "py3-none-any"));
    HttpClient http =
        new HttpClient(
            HttpSettings.defaults("pyrelease-test").withRetries(RetryPolicy.withAttempts(1)));
    IndexUploader uploader = new IndexUploader(http);
    UploadTarget target =
        UploadTarget.of("pypi", server.url("/legacy/").toString(), "pypi", UploadFixtures.token());
    String echo =
        TOKEN + " " + basic(TOKEN) + " " + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
    // uploads take the scripted answers; the digest lookups after a 409 find nothing
    Queue<MockResponse> uploads = new ConcurrentLinkedQueue<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            MockResponse next = request.getMethod().equals("POST") ? uploads.poll() : null;
            return next != null ? next : new MockResponse.Builder().code(404).build();
          }
        });

    uploads.add(new MockResponse.Builder().body("OK " + echo).build());
    attempt(() -> produced.add(uploader.upload(target, wheel).toString()));
    produced.add(target.toString());
    produced.addAll(uploader.describe(target, wheel));
    for (String status : List.of("400", "401", "403", "409", "413", "503")) {
      uploads.add(
          new MockResponse.Builder()
              .status("HTTP/1.1 " + status + " Refused " + echo)
              .body(
                  "<html><body>Authorization: Basic "
                      + basic(TOKEN)
                      + " "
                      + echo
                      + "</body></html>")
              .build());
      attempt(() -> uploader.upload(target, wheel));
    }
    uploads.add(
        new MockResponse.Builder()
            .code(302)
            .addHeader("Location", "https://x.example/" + TOKEN)
            .build());
    attempt(() -> uploader.upload(target, wheel));
    server.close();
    attempt(() -> uploader.upload(target, wheel));

    String all = String.join("\n", produced) + stdout + stderr;
    assertThat(produced).hasSizeGreaterThan(10);
    assertThat(all).contains("******").contains("Refused");
    for (String form :
        List.of(
            TOKEN,
            basic(TOKEN),
            basic(TOKEN).replace("=", ""),
            URLEncoder.encode(TOKEN, StandardCharsets.UTF_8))) {
      assertThat(all).doesNotContain(form);
    }
  }

  @Test
  void noTrustedPublishingTokenOutsideItsMaskCommands() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{\"audience\":\"pypi\"}")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{\"value\":\"" + JWT + "\"}")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{\"token\":\"" + MINTED + "\"}")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{\"audience\":\"pypi\"}")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .body("{\"value\":\"" + JWT + "\"}")
            .build());
    server.enqueue(
        new MockResponse.Builder()
            .code(422)
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"message\":\"Token request failed\",\"errors\":[{\"code\":\"invalid-payload\","
                    + "\"description\":\"malformed JWT "
                    + JWT
                    + " with request token "
                    + REQUEST_TOKEN
                    + "\"}]}")
            .build());
    List<String> console = new ArrayList<>();
    Map<String, String> environment =
        Map.of(
            "GITHUB_ACTIONS",
            "true",
            "ACTIONS_ID_TOKEN_REQUEST_URL",
            server.url("/idtoken?api-version=2.0").toString(),
            "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
            REQUEST_TOKEN);
    HttpClient http =
        new HttpClient(
            HttpSettings.defaults("pyrelease-test").withRetries(RetryPolicy.withAttempts(1)));
    String upload = server.url("/legacy/").toString();

    attempt(
        () -> {
          Credentials c =
              new UploadCredentials(
                      new CredentialLookup(ServerCredentials.none(), environment),
                      dir.resolve(".pypirc"),
                      http,
                      console::add)
                  .resolve("pypi", null, upload);
          produced.add(c.toString());
          produced.add(UploadTarget.of("pypi", upload, "pypi", c).toString());
        });
    attempt(
        () ->
            new UploadCredentials(
                    new CredentialLookup(ServerCredentials.none(), environment),
                    dir.resolve(".pypirc"),
                    http,
                    console::add)
                .resolve("testpypi", null, upload));

    assertThat(console)
        .containsExactly("::add-mask::" + JWT, "::add-mask::" + MINTED, "::add-mask::" + JWT);
    String all = String.join("\n", produced) + stdout + stderr;
    assertThat(all).contains("invalid-payload: malformed JWT ******");
    assertThat(all).doesNotContain(JWT).doesNotContain(MINTED).doesNotContain(REQUEST_TOKEN);
  }
}
