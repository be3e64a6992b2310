package io.github.pyrelease.http;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.RequestBody;

/**
 * A request to send.
 *
 * @param method GET, POST, ...
 * @param url the URL (https, or http to loopback)
 * @param headers extra headers, such as {@code Accept}; an {@code Authorization} header is sent
 *     only to the request's own origin
 * @param credentials sent as HTTP Basic authentication, or {@code null}; never logged
 * @param body the body, which must be readable again for a retry (a file or bytes), or {@code null}
 * @param followRedirects whether to follow redirects (never for uploads: a redirected POST loses
 *     its body or its credentials)
 */
public record HttpRequest(
    String method,
    String url,
    Map<String, String> headers,
    Credentials credentials,
    RequestBody body,
    boolean followRedirects) {

  public HttpRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
  }

  /** A GET that follows redirects. */
  public static HttpRequest get(String url) {
    return new HttpRequest("GET", url, Map.of(), null, null, true);
  }

  public HttpRequest withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpRequest(method, url, more, credentials, body, followRedirects);
  }

  public HttpRequest withCredentials(Credentials login) {
    return new HttpRequest(method, url, headers, login, body, followRedirects);
  }

  /**
   * This request with {@code Authorization: Bearer <token>} (GitHub's API): sent, like {@link
   * #credentials()}, only to the request's own origin, never to a redirect target elsewhere.
   */
  public HttpRequest withBearerToken(Secret token) {
    return withHeader("Authorization", "Bearer " + token.reveal());
  }

  @Override
  public String toString() {
    return method + " " + SecureUrls.redact(url) + (credentials == null ? "" : " (authenticated)");
  }
}
