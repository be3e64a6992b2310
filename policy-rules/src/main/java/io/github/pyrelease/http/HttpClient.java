package io.github.pyrelease.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The one HTTP client of pyrelease: https-or-loopback, timeouts, retries with backoff and jitter
 * (see {@link RetryPolicy}), {@code Retry-After}, proxies, redirects checked hop by hop, and an
 * optional per-build cache of GET answers. It returns every HTTP answer, even an error status, and
 * throws only when no answer came; what a status means is for the caller to say. Credentials go
 * only to the origin they were given for, and never into a message.
 */
public final class HttpClient {

  private static final int MAX_REDIRECTS = 10;

  private final HttpSettings settings;
  private final OkHttpClient client;
  private final ResponseCache cache;
  private final Sleeper sleeper;
  private final Clock clock;

  public HttpClient(HttpSettings settings) {
    this(settings, null);
  }

  /**
   * @param cache where GET answers are kept for this build, or {@code null} for none
   */
  public HttpClient(HttpSettings settings, ResponseCache cache) {
    this(settings, cache, Sleeper.SYSTEM, Clock.systemUTC());
  }

  HttpClient(HttpSettings settings, ResponseCache cache, Sleeper sleeper, Clock clock) {
    this(settings, cache, sleeper, clock, build(settings));
  }

  private HttpClient(
      HttpSettings settings,
      ResponseCache cache,
      Sleeper sleeper,
      Clock clock,
      OkHttpClient client) {
    this.settings = settings;
    this.cache = cache;
    this.sleeper = sleeper;
    this.clock = clock;
    this.client = client;
  }

  /**
   * This client as uploads need it: HTTP/1.1 only (PyPI puts its error text in the status line's
   * reason phrase, which HTTP/2 has not), no per-attempt call timeout (a large file takes as long
   * as the link needs; a stalled transfer still ends at the read timeout) and no answer cache (what
   * an index says right after an upload must be asked afresh). Same retries, proxies and connection
   * pool.
   */
  public HttpClient forUploads() {
    OkHttpClient uploads =
        client
            .newBuilder()
            .protocols(List.of(Protocol.HTTP_1_1))
            .callTimeout(Duration.ZERO)
            .build();
    return new HttpClient(settings.withCallTimeout(Duration.ZERO), null, sleeper, clock, uploads);
  }

  public HttpSettings settings() {
    return settings;
  }

  /**
   * Sends {@code request}, retrying as the settings allow, and reads the answer whole.
   *
   * @throws HttpTransportException when no answer came after every attempt
   * @throws io.github.pyrelease.PyreleaseException when the URL is not https (or http to loopback)
   */
  public HttpResponse send(HttpRequest request) throws HttpTransportException {
    HttpUrl url = SecureUrls.require(request.url(), "request");
    String key = cacheKey(request);
    if (key != null) {
      HttpResponse cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    HttpResponse response = follow(request, url);
    if (key != null) {
      cache.put(key, response);
    }
    return response;
  }

  private HttpResponse follow(HttpRequest request, HttpUrl url) throws HttpTransportException {
    HttpUrl origin = url;
    HttpUrl current = url;
    for (int hop = 0; ; hop++) {
      boolean sameOrigin = sameOrigin(origin, current);
      HttpResponse response = withRetries(request, current, sameOrigin);
      String location = response.header("location");
      if (!request.followRedirects() || !isRedirect(response.status()) || location == null) {
        return response;
      }
      if (hop == MAX_REDIRECTS) {
        throw new HttpTransportException(
            "more than " + MAX_REDIRECTS + " redirects from " + SecureUrls.redact(url.toString()),
            SecureUrls.redact(url.toString()),
            response.attempts(),
            null);
      }
      HttpUrl next = current.resolve(location);
      if (next == null) {
        return response;
      }
      if (current.isHttps() && !next.isHttps() && !SecureUrls.isLoopback(next.host())) {
        throw new io.github.pyrelease.PyreleaseException(
            "refusing a redirect from https to plain http: " + SecureUrls.redact(next.toString()),
            SecureUrls.redact(url.toString()),
            "ask the server's owner to redirect to https");
      }
      current = SecureUrls.require(next.toString(), "redirect target");
    }
  }

  private HttpResponse withRetries(HttpRequest request, HttpUrl url, boolean sendCredentials)
      throws HttpTransportException {
    RetryPolicy policy = settings.retries();
    for (int attempt = 1; ; attempt++) {
      RetryPolicy.Decision decision;
      try {
        HttpResponse response = once(request, url, sendCredentials, attempt);
        if (!RetryPolicy.retriable(response.status())) {
          return response;
        }
        decision = policy.after(attempt, response.header("retry-after"), clock.instant());
        if (!decision.retry()) {
          return withNote(response, decision.reason());
        }
      } catch (TooLargeException e) {
        throw new HttpTransportException(
            e.getMessage(), SecureUrls.redact(url.toString()), attempt, e);
      } catch (IOException e) {
        decision = policy.after(attempt, null, clock.instant());
        if (!decision.retry()) {
          throw new HttpTransportException(
              describe(e, url) + " (" + decision.reason() + ")",
              SecureUrls.redact(url.toString()),
              attempt,
              e);
        }
      }
      try {
        sleeper.sleep(decision.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HttpTransportException(
            "interrupted while waiting to retry " + SecureUrls.redact(url.toString()),
            SecureUrls.redact(url.toString()),
            attempt,
            e);
      }
    }
  }

  private HttpResponse once(HttpRequest request, HttpUrl url, boolean sendCredentials, int attempt)
      throws IOException {
    Request.Builder builder = new Request.Builder().url(url);
    builder.header("User-Agent", settings.userAgent());
    request
        .headers()
        .forEach(
            (name, value) -> {
              // an Authorization header (a bearer token) goes, like credentials, to its origin only
              if (sendCredentials || !name.equalsIgnoreCase("Authorization")) {
                builder.header(name, value);
              }
            });
    if (request.credentials() != null && sendCredentials) {
      builder.header(
          "Authorization",
          Credentials.basic(
              request.credentials().username(),
              request.credentials().password().reveal(),
              StandardCharsets.UTF_8));
    }
    builder.method(request.method(), request.body());
    Call call = client.newCall(builder.build());
    try (Response response = call.execute()) {
      byte[] body = read(response.body(), url);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      response
          .headers()
          .toMultimap()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
      return new HttpResponse(
          response.code(),
          SecureUrls.redact(url.toString()),
          headers,
          body,
          attempt,
          null,
          response.message());
    }
  }

  private byte[] read(ResponseBody body, HttpUrl url) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    long limit = settings.maxResponseBytes();
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() <= limit) {
      if (source.read(buffer, 64 * 1024) == -1) {
        return buffer.readByteArray();
      }
    }
    throw new TooLargeException(
        "the answer from "
            + SecureUrls.redact(url.toString())
            + " is larger than "
            + limit
            + " bytes");
  }

  private static HttpResponse withNote(HttpResponse response, String note) {
    return new HttpResponse(
        response.status(),
        response.url(),
        response.headers(),
        response.body(),
        response.attempts(),
        note,
        response.reason());
  }

  private String cacheKey(HttpRequest request) {
    if (cache == null || !request.method().equals("GET")) {
      return null;
    }
    String login =
        request.credentials() == null
            ? ""
            : request.credentials().username() + "@" + request.credentials().origin();
    return request.url() + "\n" + request.headers().getOrDefault("Accept", "") + "\n" + login;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }

  /** What went wrong, in words, without the stack trace. */
  private static String describe(IOException e, HttpUrl url) {
    String where = url.host() + ":" + url.port();
    if (e instanceof UnknownHostException) {
      return "cannot resolve the host " + url.host();
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return "no answer from " + where + " in time (" + e.getMessage() + ")";
    }
    if (e instanceof SSLException) {
      return "TLS with " + where + " failed: " + e.getMessage();
    }
    return "cannot reach "
        + where
        + ": "
        + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
  }

  private static OkHttpClient build(HttpSettings settings) {
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .writeTimeout(settings.readTimeout())
            .callTimeout(settings.callTimeout())
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false);
    if (!settings.proxies().isEmpty()) {
      builder.proxySelector(proxySelector(settings));
      builder.proxyAuthenticator(
          (route, response) -> {
            if (route == null || response.request().header("Proxy-Authorization") != null) {
              return null; // no route, or the credentials were already refused
            }
            InetSocketAddress address = (InetSocketAddress) route.proxy().address();
            return settings.proxies().stream()
                .filter(
                    p ->
                        p.credentials() != null
                            && p.host().equalsIgnoreCase(address.getHostString())
                            && p.port() == address.getPort())
                .findFirst()
                .map(
                    p ->
                        response
                            .request()
                            .newBuilder()
                            .header(
                                "Proxy-Authorization",
                                Credentials.basic(
                                    p.credentials().username(),
                                    p.credentials().password().reveal(),
                                    StandardCharsets.UTF_8))
                            .build())
                .orElse(null);
          });
    }
    return builder.build();
  }

  static ProxySelector proxySelector(HttpSettings settings) {
    return new SettingsProxySelector(settings.proxies());
  }

  /** Chooses among the build's proxies by scheme and non-proxy hosts. */
  private static final class SettingsProxySelector extends ProxySelector {

    private final List<ProxySettings> proxies;

    SettingsProxySelector(List<ProxySettings> proxies) {
      this.proxies = proxies;
    }

    @Override
    public List<Proxy> select(URI uri) {
      String scheme = uri.getScheme() == null ? "http" : uri.getScheme();
      String host = uri.getHost() == null ? "" : uri.getHost();
      if (SecureUrls.isLoopback(host)) {
        return List.of(Proxy.NO_PROXY);
      }
      Optional<ProxySettings> exact =
          proxies.stream()
              .filter(p -> p.protocol().equalsIgnoreCase(scheme) && p.serves(scheme, host))
              .findFirst();
      return exact
          .or(() -> proxies.stream().filter(p -> p.serves(scheme, host)).findFirst())
          .map(
              p ->
                  List.of(
                      new Proxy(
                          Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port()))))
          .orElse(List.of(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
      // the retry policy decides what happens next
    }
  }

  /** An answer larger than the settings allow: not retried as a transient failure would be. */
  private static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(String message) {
      super(message);
    }
  }
}
