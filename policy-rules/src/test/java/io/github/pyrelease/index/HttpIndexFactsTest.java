package io.github.pyrelease.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The index facts against a loopback index that answers what each test scripts. */
class HttpIndexFactsTest {

  private static final String TOKEN = "pypi-SECRET-9d8e7f";
  private static final String JSON = "application/vnd.pypi.simple.v1+json";

  private final MockWebServer server = new MockWebServer();
  private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

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
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String root() {
    return server.url("/").toString();
  }

  private void route(String path, String contentType, String body) {
    routes.put(
        path, new MockResponse.Builder().addHeader("Content-Type", contentType).body(body).build());
  }

  private HttpIndexFacts facts(CredentialLookup credentials, boolean offline) {
    HttpSettings settings =
        HttpSettings.defaults("pyrelease-test")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
            .withRetries(
                new RetryPolicy(
                    2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)));
    return new HttpIndexFacts(
        new HttpClient(settings), new IndexLocations(Map.of("pypi", root())), credentials, offline);
  }

  private HttpIndexFacts facts() {
    return facts(CredentialLookup.none(), false);
  }

  @Test
  void theJsonApiSaysAVersionIsPublishedWithItsFiles() {
    route(
        "/pypi/acme-widgets/1.2.0/json",
        "application/json",
        "{\"info\":{\"name\":\"acme-widgets\",\"version\":\"1.2.0\",\"yanked\":false},"
            + "\"urls\":[{\"filename\":\"acme_widgets-1.2.0-py3-none-any.whl\",\"yanked\":false}]}");

    IndexAnswer answer = facts().lookup("pypi", null, "Acme_Widgets", "1.2.0");

    assertThat(answer.published()).isTrue();
    assertThat(answer.yanked()).isFalse();
    assertThat(answer.api()).isEqualTo("JSON API");
    assertThat(answer.files()).containsExactly("acme_widgets-1.2.0-py3-none-any.whl");
    assertThat(answer.url()).endsWith("/pypi/acme-widgets/1.2.0/json");
    assertThat(requests.get(0).getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void aYankedReleaseIsStillTaken() {
    route(
        "/pypi/acme-widgets/1.1.0/json",
        "application/json",
        "{\"info\":{\"version\":\"1.1.0\",\"yanked\":true,\"yanked_reason\":\"broken wheel\"},"
            + "\"urls\":[]}");

    IndexAnswer answer = facts().lookup("pypi", null, "acme-widgets", "1.1.0");

    assertThat(answer.published()).isTrue();
    assertThat(answer.yanked()).isTrue();
    assertThat(answer.yankedReason()).isEqualTo("broken wheel");
  }

  @Test
  void aNewVersionOfAKnownProjectIsAnsweredByTheSimpleApiAfterTheJsonApi404() {
    route(
        "/simple/acme-widgets/",
        JSON,
        "{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"acme-widgets\",\"versions\":[\"1.1.0\"],"
            + "\"files\":[{\"filename\":\"acme_widgets-1.1.0.tar.gz\",\"hashes\":{},\"yanked\":false}]}");

    IndexAnswer answer = facts().lookup("pypi", null, "acme-widgets", "1.2.0");

    assertThat(answer.projectFound()).isTrue();
    assertThat(answer.published()).isFalse();
    assertThat(answer.api()).isEqualTo("simple API (PEP 691 JSON)");
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).getHeaders().get("Accept"))
        .isEqualTo(
            "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2,"
                + " text/html;q=0.01");
  }

  @Test
  void anUnknownProjectIsNotPublished() {
    IndexAnswer answer = facts().lookup("pypi", null, "brand-new", "0.1.0");

    assertThat(answer.projectFound()).isFalse();
    assertThat(answer.published()).isFalse();
  }

  @Test
  void simpleJsonFilesCompareVersionsUnderPep440AndCountYankedOnes() {
    route(
        "/simple/acme-widgets/",
        JSON,
        "{\"meta\":{\"api-version\":\"1.0\"},\"name\":\"acme-widgets\",\"files\":["
            + "{\"filename\":\"acme_widgets-1.2-py3-none-any.whl\",\"hashes\":{},\"yanked\":\"bad\"},"
            + "{\"filename\":\"acme_widgets-1.2.tar.gz\",\"hashes\":{},\"yanked\":true}]}");

    IndexAnswer answer = facts().lookup("pypi", null, "acme-widgets", "1.2.0");

    assertThat(answer.published()).isTrue();
    assertThat(answer.yanked()).isTrue();
    assertThat(answer.yankedReason()).isEqualTo("bad");
    assertThat(answer.files()).hasSize(2);
  }

  @Test
  void aVersionListedByPep700WithoutFilesIsTaken() {
    route(
        "/simple/acme-widgets/",
        JSON,
        "{\"meta\":{\"api-version\":\"1.1\"},\"versions\":[\"2.0.0\"],\"files\":[]}");

    assertThat(facts().lookup("pypi", null, "acme-widgets", "2.0").published()).isTrue();
  }

  @Test
  void aSimpleOnlyIndexIsReadAsPep503Html() {
    route(
        "/repo/simple/acme-widgets/",
        "text/html",
        "<!DOCTYPE html><html><head><meta name=\"pypi:repository-version\" content=\"1.0\">"
            + "</head><body><h1>Links for acme-widgets</h1>\n"
            + "<a href=\"../../f/Acme.Widgets-1.2.0.tar.gz#sha256=ab\">Acme.Widgets-1.2.0.tar.gz</a>\n"
            + "<a href=\"../../f/w.whl#sha256=cd\" data-requires-python=\"&gt;=3.9\" "
            + "data-yanked=\"\">acme_widgets-1.3.0-py3-none-any.whl</a>\n</body></html>");
    HttpIndexFacts facts = facts();
    String index = root() + "repo/simple";

    IndexAnswer taken = facts.lookup(index, null, "acme.widgets", "1.2.0");
    IndexAnswer yanked = facts.lookup(index, null, "acme.widgets", "1.3.0");
    IndexAnswer free = facts.lookup(index, null, "acme.widgets", "1.4.0");

    assertThat(taken.published()).isTrue();
    assertThat(taken.yanked()).isFalse();
    assertThat(taken.api()).isEqualTo("simple API (PEP 503 HTML)");
    assertThat(yanked.published()).isTrue();
    assertThat(yanked.yanked()).isTrue();
    assertThat(free.published()).isFalse();
    assertThat(requests)
        .allSatisfy(r -> assertThat(r.getUrl().encodedPath()).startsWith("/repo/simple/"));
  }

  @Test
  void anHtmlCatchAllPageFromTheJsonApiFallsBackToTheSimpleApi() {
    route("/pypi/acme-widgets/1.0/json", "text/html", "<html><body>Welcome!</body></html>");
    route(
        "/simple/acme-widgets/",
        "text/html",
        "<html><body><a href=\"x\">acme_widgets-1.0-py3-none-any.whl</a></body></html>");

    assertThat(facts().lookup("pypi", null, "acme-widgets", "1.0").published()).isTrue();
  }

  @Test
  void garbageJsonIsAClearNotCheckedFinding() {
    route("/simple/acme-widgets/", JSON, "{\"files\": [ {\"filename\": ");

    assertThatThrownBy(() -> facts().lookup("pypi", null, "acme-widgets", "1.0"))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessageContaining("is not a simple API page: the JSON is malformed");
  }

  @Test
  void anHtmlPageThatListsNothingIsNotTakenForAnEmptyProject() {
    route("/simple/acme-widgets/", "text/html", "<html><body><form>Sign in</form></body></html>");

    assertThatThrownBy(() -> facts().lookup("pypi", null, "acme-widgets", "1.0"))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessageContaining("lists no files and is not a simple API page");
  }

  @Test
  void aNewerMajorApiVersionIsRefused() {
    route("/simple/acme-widgets/", JSON, "{\"meta\":{\"api-version\":\"2.0\"},\"files\":[]}");

    assertThatThrownBy(() -> facts().lookup("pypi", null, "acme-widgets", "1.0"))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessageContaining("simple API version 2.0");
  }

  @Test
  void anUnexpectedContentTypeIsNamed() {
    route("/simple/acme-widgets/", "text/plain", "acme_widgets-1.0.tar.gz");

    assertThatThrownBy(() -> facts().lookup("pypi", null, "acme-widgets", "1.0"))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessageContaining("answered with text/plain");
  }

  @Test
  void aPrivateIndexGetsTheServerCredentialsAndAWrongOneIsNamedWithoutTheSecret() {
    routes.put("/simple/acme-widgets/", new MockResponse.Builder().code(401).build());
    CredentialLookup login =
        new CredentialLookup(
            new ServerCredentials(
                Map.of(
                    "acme", new Credentials("ci", Secret.of(TOKEN), "settings.xml server 'acme'"))),
            Map.of());

    assertThatThrownBy(() -> facts(login, false).lookup("pypi", "acme", "acme-widgets", "1.0"))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("answered 401 Unauthorized")
        .hasMessageContaining(
            "refused the credentials of server 'acme' (from settings.xml server 'acme')")
        .satisfies(e -> assertThat(((PyreleaseException) e).describe()).doesNotContain(TOKEN));
    assertThat(requests.get(0).getHeaders().get("Authorization")).startsWith("Basic ");
    assertThat(requests.get(1).getHeaders().get("Authorization")).startsWith("Basic ");
  }

  @Test
  void credentialsComeFromTheEnvironmentWhenSettingsHaveNone() {
    route("/simple/acme-widgets/", JSON, "{\"files\":[]}");
    CredentialLookup env =
        new CredentialLookup(ServerCredentials.none(), Map.of("PYRELEASE_ACME_PYPI_TOKEN", TOKEN));

    facts(env, false).lookup("pypi", "acme-pypi", "acme-widgets", "1.0");

    String expected =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    ("__token__:" + TOKEN).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(requests.get(1).getHeaders().get("Authorization")).isEqualTo(expected);
  }

  @Test
  void missingCredentialsSayWhereToPutThem() {
    routes.put("/pypi/acme-widgets/1.0/json", new MockResponse.Builder().code(403).build());

    assertThatThrownBy(() -> facts().lookup("pypi", "acme", "acme-widgets", "1.0"))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("answered 403 Forbidden")
        .hasMessageContaining("none are configured for server 'acme'")
        .satisfies(
            e ->
                assertThat(((PyreleaseException) e).fix())
                    .contains("<id>acme</id>")
                    .contains("PYRELEASE_ACME_TOKEN"));
    assertThatThrownBy(() -> facts().lookup("pypi", null, "acme-widgets", "1.0"))
        .hasMessageContaining("the rule names no server id");
  }

  @Test
  void aServerThatKeepsFailingIsNotCheckedWithTheAttempts() {
    routes.put("/pypi/acme-widgets/1.0/json", new MockResponse.Builder().code(503).build());

    assertThatThrownBy(() -> facts().lookup("pypi", null, "acme-widgets", "1.0"))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessageContaining("answered 503 (gave up after 2 attempts)");
    assertThat(requests).hasSize(2);
  }

  @Test
  void aServerThatHangsIsNotCheckedAfterTheTimeout() {
    routes.put(
        "/pypi/acme-widgets/1.0/json",
        new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).build());

    long start = System.nanoTime();
    assertThatThrownBy(() -> facts().lookup("pypi", null, "acme-widgets", "1.0"))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessageContaining("no answer from");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void offlineAsksNothing() {
    assertThatThrownBy(
            () -> facts(CredentialLookup.none(), true).lookup("pypi", null, "acme", "1.0"))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessage("offline")
        .satisfies(e -> assertThat(((FactUnavailableException) e).where()).isEqualTo(root()));
    assertThat(requests).isEmpty();
  }

  @Test
  void anUnknownIndexNameSuggestsTheKnownOnes() {
    assertThatThrownBy(() -> facts().lookup("pipy", null, "acme", "1.0"))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("unknown package index 'pipy'")
        .hasMessageContaining("did you mean 'pypi'");
  }

  @Test
  void plainHttpToARemoteIndexIsRefused() {
    assertThatThrownBy(() -> facts().lookup("http://pypi.example.com/", null, "acme", "1.0"))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("refusing plain http");
  }
}
