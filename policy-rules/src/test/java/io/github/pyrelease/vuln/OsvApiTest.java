package io.github.pyrelease.vuln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OSV API client against a loopback server that speaks the API over the real subset of the PyPA
 * database: one result per page (so every query with two advisories is paginated), then the records
 * by id.
 */
class OsvApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  private final Map<String, JsonNode> records = new HashMap<>();
  private final List<MockResponse> failures = new CopyOnWriteArrayList<>();
  private OfflineAdvisories truth;

  @BeforeEach
  void start() throws IOException {
    try (Stream<Path> walk = Files.walk(Fixtures.subset())) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        JsonNode record =
            JSON.valueToTree(OsvRecordParser.tree(Files.readAllBytes(file), file.toString(), true));
        records.put(record.path("id").asText(), record);
      }
    }
    truth = new OfflineAdvisories(Fixtures.subset(), temp);
    truth.audit(List.of(new PackageVersion("jinja2", "2.10"))); // indexed before the clock runs
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            if (!failures.isEmpty()) {
              return failures.remove(0);
            }
            String path = request.getUrl().encodedPath();
            if (path.equals("/v1/querybatch") && request.getMethod().equals("POST")) {
              return json(querybatch(request.getBody().utf8()));
            }
            if (path.startsWith("/v1/vulns/") && records.containsKey(path.substring(10))) {
              return json(records.get(path.substring(10)));
            }
            return new MockResponse.Builder().code(404).body("{}").build();
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** What osv.dev answers, one advisory a page; an answer with none is {@code {}}. */
  private JsonNode querybatch(String body) {
    try {
      JsonNode queries = JSON.readTree(body).path("queries");
      batchSizes.add(queries.size());
      ObjectNode answer = JSON.createObjectNode();
      ArrayNode results = answer.putArray("results");
      for (JsonNode query : queries) {
        PackageVersion pkg =
            new PackageVersion(
                query.path("package").path("name").asText(), query.path("version").asText());
        List<String> ids = new ArrayList<>();
        for (Vulnerability v : truth.audit(List.of(pkg)).get(pkg).vulnerabilities()) {
          ids.add(v.id());
        }
        int page =
            query.has("page_token") ? Integer.parseInt(query.path("page_token").asText()) : 0;
        ObjectNode result = results.addObject();
        if (page < ids.size()) {
          result
              .putArray("vulns")
              .addObject()
              .put("id", ids.get(page))
              .put("modified", "2026-01-01T00:00:00Z");
          if (page + 1 < ids.size()) {
            result.put("next_page_token", String.valueOf(page + 1));
          }
        }
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse json(JsonNode body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body.toString())
        .build();
  }

  private OsvApi api() {
    HttpSettings settings =
        HttpSettings.defaults("pyrelease-test")
            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
            .withRetries(
                new RetryPolicy(
                    3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)));
    return new OsvApi(new HttpClient(settings), server.url("/").toString());
  }

  private long count(String prefix) {
    return requests.stream().filter(r -> r.getUrl().encodedPath().startsWith(prefix)).count();
  }

  @Test
  void onePostPerThousandPackagesPagesFollowedAndEachAdvisoryFetchedOnce() {
    List<PackageVersion> packages = new ArrayList<>();
    packages.add(new PackageVersion("Jinja2", "2.10"));
    packages.add(new PackageVersion("werkzeug", "0.15.0"));
    packages.add(new PackageVersion("jinja2", "2.10.1"));
    for (int k = 0; k < 1_197; k++) {
      packages.add(new PackageVersion("package-" + k, "1.0"));
    }

    Map<PackageVersion, AuditedPackage> online = api().audit(packages);

    assertThat(online).hasSize(1_200);
    Map<PackageVersion, AuditedPackage> offline = truth.audit(packages.subList(0, 3));
    for (PackageVersion pkg : packages.subList(0, 3)) {
      assertThat(online.get(pkg).vulnerabilities()).isEqualTo(offline.get(pkg).vulnerabilities());
      assertThat(online.get(pkg).vulnerabilities()).isNotEmpty();
    }
    assertThat(online.get(packages.get(0)).upgrade()).isEqualTo("2.11.3");
    assertThat(online.get(new PackageVersion("package-7", "1.0")).vulnerabilities()).isEmpty();
    // 1,000 + 200 queries, then a page more for each paginated query still open
    assertThat(batchSizes.get(0)).isEqualTo(1000);
    assertThat(batchSizes).containsOnlyOnce(200);
    assertThat(batchSizes)
        .filteredOn(size -> size != 1000 && size != 200)
        .allMatch(size -> size <= 3);
    long distinct =
        offline.values().stream()
            .flatMap(a -> a.vulnerabilities().stream())
            .map(Vulnerability::id)
            .distinct()
            .count();
    assertThat(count("/v1/vulns/")).isEqualTo(distinct);
  }

  @Test
  void tooManyRequestsAndServerErrorsAreRetried() {
    failures.add(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
    failures.add(new MockResponse.Builder().code(503).build());
    Map<PackageVersion, AuditedPackage> audited =
        api().audit(List.of(new PackageVersion("jinja2", "2.10")));
    assertThat(audited.get(new PackageVersion("jinja2", "2.10")).vulnerabilities()).hasSize(2);
  }

  @Test
  void aServerThatKeepsFailingIsAFactNotObtainedNamingTheStatus() {
    for (int k = 0; k < 3; k++) {
      failures.add(new MockResponse.Builder().code(502).build());
    }
    assertThatThrownBy(() -> api().audit(List.of(new PackageVersion("jinja2", "2.10"))))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessageContaining("the OSV API answered HTTP 502")
        .hasMessageContaining("/v1/querybatch");
  }

  @Test
  void aServerThatHangsIsAFactNotObtained() {
    for (int k = 0; k < 3; k++) {
      failures.add(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).build());
    }
    long start = System.nanoTime();
    assertThatThrownBy(() -> api().audit(List.of(new PackageVersion("jinja2", "2.10"))))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessageContaining("no answer from")
        .hasMessageContaining("in time");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void anAnswerThatIsNotTheApisIsAFactNotObtained() {
    failures.add(new MockResponse.Builder().body("<html>proxy login</html>").build());
    assertThatThrownBy(() -> api().audit(List.of(new PackageVersion("jinja2", "2.10"))))
        .isInstanceOf(FactUnavailableException.class)
        .hasMessageContaining("did not answer JSON");
  }
}
