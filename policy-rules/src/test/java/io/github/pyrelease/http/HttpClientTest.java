package io.github.pyrelease.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpClientTest {

  private static final String TOKEN = "pypi-FAKE-TOKEN-3b9f2c";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  private final MockWebServer server = new MockWebServer();
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpClient client(HttpSettings settings) {
    return new HttpClient(settings, null, waits::add, CLOCK);
  }

  private HttpClient client(int attempts) {
    return client(
        HttpSettings.defaults("pyrelease-test").withRetries(RetryPolicy.withAttempts(attempts)));
  }

  private String url(String path) {
    return server.url(path).toString();
  }

  private static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("status " + code).build();
  }

  @Test
  void aServerErrorIsRetriedWithBackoffUntilItAnswers() throws Exception {
    server.enqueue(status(503));
    server.enqueue(status(502));
    server.enqueue(new MockResponse.Builder().body("ok").build());

    HttpResponse response = client(3).send(HttpRequest.get(url("/simple/acme/")));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("ok");
    assertThat(response.attempts()).isEqualTo(3);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void atMostTheConfiguredAttemptsThenTheLastAnswerWithTheReason() throws Exception {
    for (int i = 0; i < 5; i++) {
      server.enqueue(status(500));
    }

    HttpResponse response = client(3).send(HttpRequest.get(url("/x")));

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.retryNote()).isEqualTo("gave up after 3 attempts");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void tooManyRequestsWaitsAsLongAsRetryAfterSays() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "4").build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    HttpResponse response = client(3).send(HttpRequest.get(url("/x")));

    assertThat(response.status()).isEqualTo(200);
    assertThat(waits).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void aRetryAfterBeyondTheBoundIsNotWaitedFor() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

    HttpResponse response = client(3).send(HttpRequest.get(url("/x")));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.retryNote()).contains("3600 s");
    assertThat(waits).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void notFoundAndClientErrorsAreAnswersNotRetried() throws Exception {
    server.enqueue(status(404));

    HttpResponse response = client(3).send(HttpRequest.get(url("/pypi/acme/1.0/json")));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.retryNote()).isNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRefusedConnectionIsRetriedThenReported() throws Exception {
    String closed = url("/x");
    server.close();

    assertThatThrownBy(() -> client(3).send(HttpRequest.get(closed)))
        .isInstanceOf(HttpTransportException.class)
        .hasMessageContaining("cannot reach")
        .hasMessageContaining("gave up after 3 attempts")
        .satisfies(e -> assertThat(((HttpTransportException) e).attempts()).isEqualTo(3));
    assertThat(waits).hasSize(2);
  }

  @Test
  void aConnectionDroppedMidAnswerIsRetried() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .body("partial")
            .onResponseStart(new SocketEffect.CloseSocket(true, true, true))
            .build());
    server.enqueue(new MockResponse.Builder().body("ok").build());

    assertThat(client(2).send(HttpRequest.get(url("/x"))).text()).isEqualTo("ok");
  }

  @Test
  void aServerThatNeverAnswersTimesOutAtTheReadTimeout() {
    server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).build());
    HttpClient client =
        client(
            HttpSettings.defaults("t")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
                .withRetries(RetryPolicy.withAttempts(1)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.send(HttpRequest.get(url("/hang"))))
        .isInstanceOf(HttpTransportException.class)
        .hasMessageContaining("no answer from");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aServerThatNeverAcceptsTimesOutAtTheConnectTimeout() throws Exception {
    // a loopback listener that never accepts: once its queue is full, a connect hangs
    try (java.net.ServerSocket listener =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      List<java.net.Socket> fillers = new ArrayList<>();
      try {
        for (int i = 0; i < 8; i++) {
          java.net.Socket filler = new java.net.Socket();
          try {
            filler.connect(listener.getLocalSocketAddress(), 200);
          } catch (java.io.IOException queueFull) {
            break;
          } finally {
            fillers.add(filler);
          }
        }
        HttpClient client =
            client(
                HttpSettings.defaults("t")
                    .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(10))
                    .withRetries(RetryPolicy.withAttempts(2)));
        String url = "http://127.0.0.1:" + listener.getLocalPort() + "/simple/";

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.send(HttpRequest.get(url)))
            .isInstanceOf(HttpTransportException.class)
            .hasMessageContaining(
                "no answer from 127.0.0.1:" + listener.getLocalPort() + " in time")
            .hasMessageContaining("gave up after 2 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      } finally {
        for (java.net.Socket filler : fillers) {
          filler.close();
        }
      }
    }
  }

  @Test
  void aServerThatTricklesBytesIsCutOffByTheCallTimeout() {
    server.enqueue(
        new MockResponse.Builder()
            .body("x".repeat(200))
            .throttleBody(1, 100, TimeUnit.MILLISECONDS)
            .build());
    HttpClient client =
        client(
            HttpSettings.defaults("t")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1))
                .withCallTimeout(Duration.ofMillis(700))
                .withRetries(RetryPolicy.withAttempts(1)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> client.send(HttpRequest.get(url("/slow"))))
        .isInstanceOf(HttpTransportException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void credentialsGoAsBasicAuthToTheOriginOnlyAndNeverIntoMessages() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      server.enqueue(
          new MockResponse.Builder()
              .code(302)
              .addHeader(
                  "Location",
                  other.url("/files/acme.whl").toString().replace("localhost", "127.0.0.1"))
              .build());
      other.enqueue(new MockResponse.Builder().body("bytes").build());
      Credentials login = new Credentials("__token__", Secret.of(TOKEN), "test");

      HttpResponse response =
          client(1).send(HttpRequest.get(url("/simple/acme/")).withCredentials(login));

      assertThat(response.text()).isEqualTo("bytes");
      RecordedRequest first = server.takeRequest();
      assertThat(first.getHeaders().get("Authorization")).startsWith("Basic ");
      RecordedRequest second = other.takeRequest();
      assertThat(second.getHeaders().get("Authorization")).isNull();
      assertThat(HttpRequest.get(url("/")).withCredentials(login).toString()).doesNotContain(TOKEN);
    }
  }

  @Test
  void aBearerTokenGoesToTheOriginOnlyNotToARedirectTargetElsewhere() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start();
      server.enqueue(
          new MockResponse.Builder().code(302).addHeader("Location", url("/same-origin")).build());
      server.enqueue(
          new MockResponse.Builder()
              .code(302)
              .addHeader("Location", other.url("/signed/asset").toString())
              .build());
      other.enqueue(new MockResponse.Builder().body("bytes").build());

      HttpResponse response =
          client(1).send(HttpRequest.get(url("/asset")).withBearerToken(Secret.of(TOKEN)));

      assertThat(response.text()).isEqualTo("bytes");
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Bearer " + TOKEN);
      assertThat(server.takeRequest().getHeaders().get("Authorization"))
          .isEqualTo("Bearer " + TOKEN);
      assertThat(other.takeRequest().getHeaders().get("Authorization")).isNull();
      assertThat(HttpRequest.get(url("/")).withBearerToken(Secret.of(TOKEN)).toString())
          .doesNotContain(TOKEN);
    }
  }

  @Test
  void plainHttpToAnotherHostIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> client(1).send(HttpRequest.get("http://pypi.example.com/simple/")))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("refusing plain http to pypi.example.com");
    assertThatThrownBy(
            () -> client(1).send(HttpRequest.get("http://user:" + TOKEN + "@example.com/")))
        .isInstanceOf(PyreleaseException.class)
        .satisfies(e -> assertThat(((PyreleaseException) e).describe()).doesNotContain(TOKEN));
    assertThat(SecureUrls.isLoopback("127.0.0.1")).isTrue();
    assertThat(SecureUrls.isLoopback("127.8.9.10")).isTrue();
    assertThat(SecureUrls.isLoopback("[::1]")).isTrue();
    assertThat(SecureUrls.isLoopback("localhost")).isTrue();
    assertThat(SecureUrls.isLoopback("10.0.0.1")).isFalse();
    assertThat(SecureUrls.isLoopback("localhost.example.com")).isFalse();
  }

  @Test
  void aRedirectIsCheckedLikeTheFirstUrl() {
    server.enqueue(
        new MockResponse.Builder()
            .code(301)
            .addHeader("Location", "http://evil.example.com/")
            .build());

    assertThatThrownBy(() -> client(1).send(HttpRequest.get(url("/x"))))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("refusing plain http to evil.example.com");
  }

  @Test
  void anAnswerLargerThanTheLimitIsRefusedNotBuffered() {
    server.enqueue(new MockResponse.Builder().body("y".repeat(5000)).build());
    HttpSettings small = HttpSettings.defaults("t").withRetries(RetryPolicy.withAttempts(3));
    small =
        new HttpSettings(
            small.connectTimeout(),
            small.readTimeout(),
            small.callTimeout(),
            small.retries(),
            List.of(),
            1000,
            "t");

    HttpClient client = client(small);
    assertThatThrownBy(() -> client.send(HttpRequest.get(url("/big"))))
        .isInstanceOf(HttpTransportException.class)
        .hasMessageContaining("larger than 1000 bytes");
  }

  @Test
  void theBuildCacheAnswersARepeatedQuestionWithoutAskingAgain() throws Exception {
    server.enqueue(new MockResponse.Builder().body("first").build());
    server.enqueue(new MockResponse.Builder().body("second").build());
    ResponseCache cache = new ResponseCache();
    HttpClient client = new HttpClient(HttpSettings.defaults("t"), cache, waits::add, CLOCK);

    assertThat(client.send(HttpRequest.get(url("/a"))).text()).isEqualTo("first");
    assertThat(client.send(HttpRequest.get(url("/a"))).text()).isEqualTo("first");
    assertThat(new HttpClient(HttpSettings.defaults("t")).send(HttpRequest.get(url("/a"))).text())
        .isEqualTo("second");
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void theUserAgentAndHeadersAreSent() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());

    client(1).send(HttpRequest.get(url("/a")).withHeader("Accept", "application/json"));

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("User-Agent")).isEqualTo("pyrelease-test");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void proxiesFromSettingsServeTheirSchemeExceptNonProxyHostsAndLoopback() {
    ProxySettings corporate =
        new ProxySettings(
            "http", "proxy.acme", 3128, null, List.of("*.acme.internal", "localhost"));
    HttpSettings settings = HttpSettings.defaults("t").withProxies(List.of(corporate));
    java.net.ProxySelector selector = HttpClient.proxySelector(settings);

    Proxy viaProxy = selector.select(URI.create("https://pypi.org/simple/")).get(0);
    assertThat(viaProxy.type()).isEqualTo(Proxy.Type.HTTP);
    assertThat(((InetSocketAddress) viaProxy.address()).getHostString()).isEqualTo("proxy.acme");
    assertThat(selector.select(URI.create("https://pypi.acme.internal/simple/")))
        .containsExactly(Proxy.NO_PROXY);
    assertThat(selector.select(URI.create("http://127.0.0.1:8080/")))
        .containsExactly(Proxy.NO_PROXY);
  }
}
