package io.github.pyrelease.publish;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.http.SecureUrls;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * A webhook's URL. The whole URL is the secret (Slack's path is its key), so it is shown only as
 * scheme and host, and every form of it is masked in what a server or the HTTP client says.
 */
final class WebhookUrl {

  private final Secret url;
  private final HttpUrl parsed;
  private final String origin;

  private WebhookUrl(Secret url, HttpUrl parsed, String origin) {
    this.url = url;
    this.parsed = parsed;
    this.origin = origin;
  }

  /**
   * @param origin where the URL was found, such as {@code environment PYRELEASE_NOTIFY_WEBHOOK}
   * @param where the stage's declaration, for messages
   * @throws PyreleaseException when it is no http(s) URL, or plain http to another host (the
   *     messages never hold the value)
   */
  static WebhookUrl of(Secret url, String origin, String where) {
    HttpUrl parsed = HttpUrl.parse(url.reveal().strip());
    if (parsed == null) {
      throw new PyreleaseException(
          "the webhook URL in " + origin + " is not an http(s) URL",
          where,
          "give the whole URL the service shows for its incoming webhook, such as"
              + " https://hooks.slack.com/services/...");
    }
    if (!parsed.isHttps() && !SecureUrls.isLoopback(parsed.host())) {
      throw new PyreleaseException(
          "refusing plain http to "
              + parsed.host()
              + " for the webhook in "
              + origin
              + ": the URL is a secret and could be read on the way",
          where,
          "use the webhook's https URL (plain http is allowed only to loopback addresses such"
              + " as 127.0.0.1)");
    }
    return new WebhookUrl(url, parsed, origin);
  }

  /** The value, for the one place that sends the request. */
  String reveal() {
    return parsed.toString();
  }

  /** Scheme, host and a port other than the scheme's: all of it that may be shown. */
  String shown() {
    return shown(parsed);
  }

  static String shown(HttpUrl url) {
    boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
    return url.scheme() + "://" + url.host() + (defaultPort ? "" : ":" + url.port());
  }

  /** Where the URL was found. */
  String origin() {
    return origin;
  }

  /** {@code text} with the URL masked, as written and as parsed, and its path and query alone. */
  String maskIn(String text) {
    if (text == null) {
      return null;
    }
    List<Secret> forms = new ArrayList<>();
    forms.add(url);
    forms.add(Secret.of(url.reveal().strip()));
    forms.add(Secret.of(parsed.toString()));
    String query = parsed.encodedQuery();
    String rest = parsed.encodedPath() + (query == null ? "" : "?" + query);
    if (rest.length() > 1) {
      forms.add(Secret.of(rest));
    }
    if (query != null) {
      forms.add(Secret.of(query));
    }
    String masked = text;
    for (Secret form : forms) {
      masked = form.maskIn(masked);
    }
    return masked;
  }

  @Override
  public String toString() {
    return shown() + "/******";
  }
}
