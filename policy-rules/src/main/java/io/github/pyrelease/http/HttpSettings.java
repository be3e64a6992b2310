package io.github.pyrelease.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How requests go out.
 *
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest silence while reading a response
 * @param callTimeout the longest one attempt may take in all, however slowly a server trickles
 *     bytes; {@link Duration#ZERO} for none (large uploads)
 * @param retries when and how failed requests are tried again
 * @param proxies proxies from the build's settings; none means the JVM's default proxy selector
 * @param maxResponseBytes the largest response body read into memory
 * @param userAgent the {@code User-Agent} sent
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    RetryPolicy retries,
    List<ProxySettings> proxies,
    long maxResponseBytes,
    String userAgent) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  public HttpSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(retries, "retries");
    Objects.requireNonNull(userAgent, "userAgent");
    proxies = List.copyOf(proxies);
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("the connect timeout must be positive");
    }
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("the read timeout must be positive");
    }
  }

  /** 10 s to connect, 30 s of silence, 2 minutes per attempt, 3 attempts, 64 MiB responses. */
  public static HttpSettings defaults(String userAgent) {
    return new HttpSettings(
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        Duration.ofMinutes(2),
        RetryPolicy.defaults(),
        List.of(),
        64L << 20,
        userAgent);
  }

  public HttpSettings withTimeouts(Duration connect, Duration read) {
    return new HttpSettings(
        connect, read, callTimeout, retries, proxies, maxResponseBytes, userAgent);
  }

  public HttpSettings withRetries(RetryPolicy policy) {
    return new HttpSettings(
        connectTimeout, readTimeout, callTimeout, policy, proxies, maxResponseBytes, userAgent);
  }

  public HttpSettings withCallTimeout(Duration call) {
    return new HttpSettings(
        connectTimeout, readTimeout, call, retries, proxies, maxResponseBytes, userAgent);
  }

  public HttpSettings withProxies(List<ProxySettings> list) {
    return new HttpSettings(
        connectTimeout, readTimeout, callTimeout, retries, list, maxResponseBytes, userAgent);
  }
}
