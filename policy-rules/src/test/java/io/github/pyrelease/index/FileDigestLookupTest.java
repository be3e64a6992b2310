package io.github.pyrelease.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.RetryPolicy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One file's sha256 as an index gives it, through each of the APIs. */
class FileDigestLookupTest {

  private static final String FILE = "acme-1.0-py3-none-any.whl";
  private static final String SHA = "0123456789abcdef".repeat(4);

  private final MockWebServer server = new MockWebServer();
  private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
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

  private FileDigestLookup.FileDigest find(String index) {
    HttpClient http =
        new HttpClient(
            HttpSettings.defaults("pyrelease-test").withRetries(RetryPolicy.withAttempts(1)));
    return new FileDigestLookup(http).find(index, null, "Acme", "1.0", FILE);
  }

  private static MockResponse page(String type, String body) {
    return new MockResponse.Builder().addHeader("Content-Type", type).body(body).build();
  }

  @Test
  void theJsonApiAnswersFirst() {
    routes.put(
        "/pypi/acme/1.0/json",
        page(
            "application/json",
            "{\"info\":{},\"urls\":[{\"filename\":\""
                + FILE
                + "\",\"digests\":{\"sha256\":\""
                + SHA
                + "\"}}]}"));

    FileDigestLookup.FileDigest found = find(server.url("/").toString());

    assertThat(found.sha256()).isEqualTo(SHA);
    assertThat(found.api()).isEqualTo("JSON API");
  }

  @Test
  void aSimpleApiRootIsAskedWithoutTheJsonApi() {
    routes.put(
        "/root/simple/acme/",
        page(
            "application/vnd.pypi.simple.v1+json",
            "{\"meta\":{\"api-version\":\"1.0\"},\"files\":[{\"filename\":\""
                + FILE
                + "\",\"hashes\":{\"sha256\":\""
                + SHA.toUpperCase(java.util.Locale.ROOT)
                + "\"}}]}"));

    FileDigestLookup.FileDigest found = find(server.url("/root/simple/").toString());

    assertThat(found.sha256()).isEqualTo(SHA);
    assertThat(found.api()).isEqualTo("simple API (PEP 691 JSON)");
  }

  @Test
  void htmlLinksGiveTheirSha256FragmentAndNoOtherHash() {
    routes.put(
        "/simple/acme/",
        page(
            "text/html",
            "<a href=\"/f/"
                + FILE
                + "#sha256="
                + SHA
                + "\">"
                + FILE
                + "</a>\n"
                + "<a href=\"/f/acme-1.0.tar.gz#md5=0123\">acme-1.0.tar.gz</a>"));

    assertThat(find(server.url("/").toString()).sha256()).isEqualTo(SHA);
    FileDigestLookup.FileDigest md5Only =
        new FileDigestLookup(new HttpClient(HttpSettings.defaults("t")))
            .find(server.url("/").toString(), null, "acme", "1.0", "acme-1.0.tar.gz");
    assertThat(md5Only.sha256()).isNull();
    assertThat(md5Only.asked())
        .anySatisfy(a -> assertThat(a).endsWith("lists the file without a sha256"));
  }

  @Test
  void nothingFoundListsEveryPlaceAsked() {
    routes.put("/pypi/acme/1.0/json", page("application/json", "{\"info\":{},\"urls\":[]}"));

    FileDigestLookup.FileDigest found = find(server.url("/").toString());

    assertThat(found.sha256Value()).isEmpty();
    assertThat(found.asked())
        .containsExactly(
            server.url("/pypi/acme/1.0/json") + " (JSON API): does not list " + FILE,
            server.url("/simple/acme/") + ": answered 404");
  }
}
