package io.github.pyrelease.upload;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an index said, fit to show: the reason phrase (where PyPI puts its message) or else the
 * body's text without its HTML, and never a secret, even one the server echoes back as it was sent
 * (the token, the {@code Authorization} header's base64, the token URL-encoded).
 */
final class ServerText {

  private static final int MAX = 2000;
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern HEAD =
      Pattern.compile(
          "<(head|script|style)\\b.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final String MASK = "******";
  private static final Set<String> GENERIC =
      Set.of("informational", "success", "redirection", "client error", "server error", "error");

  private ServerText() {}

  /** The index's own words: the reason phrase when it says more than the status's name. */
  static String of(HttpResponse response, Credentials credentials) {
    String reason = response.reason().strip();
    String body = plain(response.text());
    String text = informative(reason, response.status()) ? reason : body;
    if (text.isEmpty()) {
      text = reason;
    }
    return abbreviate(mask(text, credentials));
  }

  /** Both the reason and the body, lower case, to look for phrases such as "already exist". */
  static String searchable(HttpResponse response) {
    return (response.reason() + "\n" + response.text()).toLowerCase(Locale.ROOT);
  }

  /** {@code text} without every form of the secret a server could echo. */
  static String mask(String text, Credentials credentials) {
    if (text == null || credentials == null) {
      return text;
    }
    String secret = credentials.password().reveal();
    if (secret.isEmpty()) {
      return text;
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (credentials.username() + ":" + secret).getBytes(StandardCharsets.UTF_8));
    String masked = text;
    for (String form :
        List.of(
            basic, secret, URLEncoder.encode(secret, StandardCharsets.UTF_8), unpadded(basic))) {
      if (!form.isEmpty()) {
        masked = masked.replace(form, MASK);
      }
    }
    return masked;
  }

  private static String unpadded(String base64) {
    int end = base64.length();
    while (end > 0 && base64.charAt(end - 1) == '=') {
      end--;
    }
    return base64.substring(0, end);
  }

  /**
   * A reason phrase that says more than the status's standard name ("Bad Request") or a generic
   * class name ("Client Error").
   */
  private static boolean informative(String reason, int status) {
    if (reason.isEmpty() || GENERIC.contains(reason.toLowerCase(Locale.ROOT))) {
      return false;
    }
    String standard = standardReason(status);
    return standard == null || !standard.equalsIgnoreCase(reason);
  }

  private static String standardReason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 413 -> "Payload Too Large";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> null;
    };
  }

  /** The text of an HTML (or plain) body on one line. */
  static String plain(String body) {
    String text = HEAD.matcher(body).replaceAll(" ");
    text = TAG.matcher(text).replaceAll(" ");
    text =
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&nbsp;", " ")
            .replace("&amp;", "&");
    return SPACE.matcher(text).replaceAll(" ").strip();
  }

  private static String abbreviate(String text) {
    return text.length() <= MAX ? text : text.substring(0, MAX - 3) + "...";
  }
}
