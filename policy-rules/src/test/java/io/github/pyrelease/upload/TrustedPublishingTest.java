package io.github.pyrelease.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.RetryPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PyPI Trusted Publishing against a loopback fake of both GitHub's token service and the index. */
class TrustedPublishingTest {

  private static final String REQUEST_TOKEN = "ghs-REQUEST-TOKEN-41b2";
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJnaXRodWIifQ.c2ln";
  private static final String MINTED = "pypi-MINTED-TOKEN-5e6f";
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path dir;

  private final MockWebServer server = new MockWebServer();
  private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<String> console = new CopyOnWriteArrayList<>();
  private final MutableClock clock = new MutableClock();

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            return routes.getOrDefault(
                request.getUrl().encodedPath(), new MockResponse.Builder().code(404).build());
          }
        });
    server.start();
    routes.put("/_/oidc/audience", json(200, "{\"audience\":\"pypi\"}"));
    routes.put("/idtoken", json(200, "{\"count\":1,\"value\":\"" + JWT + "\"}"));
    routes.put(
        "/_/oidc/mint-token",
        json(
            200,
            "{\"success\":true,\"token\":\""
                + MINTED
                + "\",\"expires\":"
                + NOW.plus(Duration.ofMinutes(15)).getEpochSecond()
                + "}"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private Map<String, String> actions() {
    return Map.of(
        "GITHUB_ACTIONS",
        "true",
        "ACTIONS_ID_TOKEN_REQUEST_URL",
        server.url("/idtoken?api-version=2.0").toString(),
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
        REQUEST_TOKEN);
  }

  private UploadCredentials resolver(Map<String, String> environment) {
    HttpClient http =
        new HttpClient(
            HttpSettings.defaults("pyrelease-test").withRetries(RetryPolicy.withAttempts(1)));
    return new UploadCredentials(
        new CredentialLookup(ServerCredentials.none(), environment),
        dir.resolve(".pypirc"),
        http,
        console::add,
        clock);
  }

  private String upload() {
    return server.url("/legacy/").toString();
  }

  @Test
  void exchangesAGithubIdTokenForAnUploadTokenMaskedFirst() throws Exception {
    Credentials credentials = resolver(actions()).resolve("pypi", null, upload());

    assertThat(credentials.username()).isEqualTo("__token__");
    assertThat(credentials.password().reveal()).isEqualTo(MINTED);
    assertThat(credentials.origin()).contains("trusted publishing").contains("audience pypi");
    assertThat(console).containsExactly("::add-mask::" + JWT, "::add-mask::" + MINTED);
    assertThat(requests)
        .extracting(r -> r.getUrl().encodedPath())
        .containsExactly("/_/oidc/audience", "/idtoken", "/_/oidc/mint-token");
    RecordedRequest idToken = requests.get(1);
    assertThat(idToken.getUrl().queryParameter("api-version")).isEqualTo("2.0");
    assertThat(idToken.getUrl().queryParameter("audience")).isEqualTo("pypi");
    assertThat(idToken.getHeaders().get("Authorization")).isEqualTo("bearer " + REQUEST_TOKEN);
    RecordedRequest mint = requests.get(2);
    assertThat(mint.getMethod()).isEqualTo("POST");
    assertThat(new ObjectMapper().readTree(mint.getBody().utf8()).path("token").asText())
        .isEqualTo(JWT);
    assertThat(mint.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void outsideGithubActionsNothingIsPrinted() {
    Map<String, String> environment = new java.util.HashMap<>(actions());
    environment.remove("GITHUB_ACTIONS");

    resolver(environment).resolve("pypi", null, upload());

    assertThat(console).isEmpty();
  }

  @Test
  void aMintedTokenIsReusedUntilFiveMinutesAreLeft() {
    UploadCredentials resolver = resolver(actions());
    resolver.resolve("pypi", null, upload());
    clock.now = NOW.plus(Duration.ofMinutes(9));
    resolver.resolve("pypi", null, upload());
    assertThat(requests).hasSize(3);

    clock.now = NOW.plus(Duration.ofMinutes(11));
    resolver.resolve("pypi", null, upload());
    assertThat(requests).hasSize(6);
  }

  @Test
  void aRefusedExchangeShowsPypisErrorCodes() {
    routes.put(
        "/_/oidc/mint-token",
        json(
            422,
            "{\"message\":\"Token request failed\",\"errors\":[{\"code\":\"invalid-publisher\","
                + "\"description\":\"valid token, but no corresponding publisher (Publisher with"
                + " matching claims was not found)\"},{\"code\":\"invalid-reuse-token\","
                + "\"description\":\"invalid token: already used\"}]}"));

    assertThatThrownBy(() -> resolver(actions()).resolve("pypi", null, upload()))
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(UploadException.Kind.CREDENTIALS);
              assertThat(e.getMessage())
                  .contains("Token request failed")
                  .contains("invalid-publisher: valid token, but no corresponding publisher")
                  .contains("invalid-reuse-token: invalid token: already used")
                  .contains("no other credentials");
              assertThat(e.fix()).contains("trusted publisher");
              assertThat(e.describe()).doesNotContain(JWT).doesNotContain(REQUEST_TOKEN);
            });
  }

  @Test
  void aRefusalThatQuotesTheIdTokenInItsMessageShowsItMasked() {
    routes.put(
        "/_/oidc/mint-token",
        json(422, "{\"message\":\"Token request failed for " + JWT + "\",\"errors\":[]}"));

    assertThatThrownBy(() -> resolver(actions()).resolve("pypi", null, upload()))
        .isInstanceOfSatisfying(
            UploadException.class,
            e ->
                assertThat(e.describe())
                    .contains("Token request failed for ******")
                    .doesNotContain(JWT));
  }

  @Test
  void anExpiryOutOfAnyDatesRangeGivesTheMintedTokenItsUsualLifetime() {
    routes.put(
        "/_/oidc/mint-token",
        json(200, "{\"token\":\"" + MINTED + "\",\"expires\":9223372036854775807}"));
    UploadCredentials resolver = resolver(actions());

    assertThat(resolver.resolve("pypi", null, upload()).password().reveal()).isEqualTo(MINTED);
    clock.now = NOW.plus(Duration.ofMinutes(11)); // 15 minutes less the 5 of margin have passed
    resolver.resolve("pypi", null, upload());
    assertThat(requests).hasSize(6);
  }

  @Test
  void anIndexWithoutTrustedPublishingSaysSo() {
    routes.put(
        "/_/oidc/audience",
        json(403, "{\"message\":\"Trusted publishing functionality not enabled\"}"));

    assertThatThrownBy(() -> resolver(actions()).resolve("pypi", null, upload()))
        .hasMessageContaining("answered 403: Trusted publishing functionality not enabled")
        .hasMessageContaining("does not offer trusted publishing");
  }

  @Test
  void aJobWithoutIdTokenPermissionIsToldSo() {
    routes.put("/idtoken", json(403, "{\"message\":\"Resource not accessible by integration\"}"));

    assertThatThrownBy(() -> resolver(actions()).resolve("pypi", null, upload()))
        .hasMessageContaining("GitHub answered 403")
        .isInstanceOfSatisfying(
            UploadException.class,
            e -> assertThat(e.fix()).contains("permissions: id-token: write"));
    assertThat(console).isEmpty();
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    Instant now = NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
