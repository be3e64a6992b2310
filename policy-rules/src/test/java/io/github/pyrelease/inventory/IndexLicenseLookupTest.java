package io.github.pyrelease.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.Origin;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.RetryPolicy;
import io.github.pyrelease.license.DetectedLicense.Basis;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Licences asked of a loopback server that speaks PyPI's JSON API. */
class IndexLicenseLookupTest {

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

  private static MockResponse json(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void fillsInTheLicencesTheIndexStatesAndLeavesTheRestUnknown() {
    routes.put(
        "/pypi/flask-login/0.6.3/json",
        json("{\"info\":{\"license\":\"MIT\",\"classifiers\":[]}}"));
    routes.put(
        "/pypi/idna/3.10/json",
        json(
            "{\"info\":{\"license_expression\":\"BSD-3-Clause\",\"license\":null,"
                + "\"classifiers\":[\"License :: OSI Approved :: BSD License\"]}}"));
    routes.put("/pypi/broken/1.0/json", json("<html>not json</html>"));
    routes.put("/pypi/failing/1.0/json", new MockResponse.Builder().code(503).build());
    Origin at = new Origin("requirements.txt", 1);
    DependencyInventory inventory =
        new DependencyInventory(
            InventorySource.REQUIREMENTS,
            List.of("requirements.txt"),
            List.of(
                Dependency.pinned("Flask_Login", "0.6.3", at, InventorySource.REQUIREMENTS),
                Dependency.pinned("idna", "3.10", at, InventorySource.REQUIREMENTS),
                Dependency.pinned("broken", "1.0", at, InventorySource.REQUIREMENTS),
                Dependency.pinned("failing", "1.0", at, InventorySource.REQUIREMENTS),
                Dependency.pinned("absent", "9.9", at, InventorySource.REQUIREMENTS),
                Dependency.unpinned("ranged", "ranged>=1", at)));
    HttpClient http =
        new HttpClient(
            HttpSettings.defaults("pyrelease-test").withRetries(RetryPolicy.withAttempts(1)));

    DependencyInventory completed =
        new IndexLicenseLookup(http, server.url("/").toString()).complete(inventory);

    var flask = completed.licenseOf(completed.dependencies().get(0)).orElseThrow();
    assertThat(flask.license().expression()).isEqualTo("MIT");
    assertThat(flask.license().basis()).isEqualTo(Basis.LICENSE_FIELD);
    assertThat(flask.origin().file()).endsWith("/pypi/flask-login/0.6.3/json");
    assertThat(completed.licenseOf(completed.dependencies().get(1)).orElseThrow().license().basis())
        .isEqualTo(Basis.LICENSE_EXPRESSION);
    for (int i = 2; i < 6; i++) {
      assertThat(completed.licenseOf(completed.dependencies().get(i))).isEmpty();
    }
    // the unpinned one is not asked: there is no version to ask about
    assertThat(server.getRequestCount()).isEqualTo(5);
  }
}
