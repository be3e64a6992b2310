package io.github.pyrelease.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A response read whole.
 *
 * @param status the HTTP status code
 * @param url the URL that answered (after redirects), without user info
 * @param headers the response headers, names in lower case
 * @param body the body bytes
 * @param attempts how many attempts it took
 * @param retryNote why the retries ended when this is a failure they could not cure (such as "gave
 *     up after 3 attempts"), or {@code null}
 * @param reason the status line's reason phrase (HTTP/1.1 only; PyPI puts its error text there), or
 *     "" when there is none
 */
public record HttpResponse(
    int status,
    String url,
    Map<String, List<String>> headers,
    byte[] body,
    int attempts,
    String retryNote,
    String reason) {

  public HttpResponse {
    Objects.requireNonNull(url, "url");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
    reason = reason == null ? "" : reason;
  }

  /** A response without a reason phrase (HTTP/2, or made by a test). */
  public HttpResponse(
      int status,
      String url,
      Map<String, List<String>> headers,
      byte[] body,
      int attempts,
      String retryNote) {
    this(status, url, headers, body, attempts, retryNote, "");
  }

  /** The first value of header {@code name}, or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The media type without parameters, lower case, or "" when there is none. */
  public String mediaType() {
    String type = header("content-type");
    if (type == null) {
      return "";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean successful() {
    return status >= 200 && status < 300;
  }
}
