package io.github.pyrelease.http;

import io.github.pyrelease.PyreleaseException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The transport rule: https everywhere, plain http only to this machine (loopback), where tests and
 * local mirrors live. Answers and credentials sent over plain http to another host could be read or
 * changed on the way.
 */
public final class SecureUrls {

  private SecureUrls() {}

  /**
   * Parses {@code url} and checks it may be asked.
   *
   * @param what what the URL is, for the message, such as "package index"
   * @throws PyreleaseException when the URL is malformed, or plain http to another host
   */
  public static HttpUrl require(String url, String what) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new PyreleaseException(
          "the " + what + " URL '" + redact(url) + "' is not an http(s) URL",
          null,
          "write a URL such as https://pypi.org/");
    }
    if (!parsed.isHttps() && !isLoopback(parsed.host())) {
      throw new PyreleaseException(
          "refusing plain http to "
              + parsed.host()
              + " for the "
              + what
              + ": answers and credentials could be read or changed on the way",
          redact(url),
          "use https (plain http is allowed only to loopback addresses such as 127.0.0.1)");
    }
    return parsed;
  }

  /** Whether {@code host} is this machine: {@code localhost} or a loopback address literal. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|\\[?[0-9a-f:.]+]?")) {
      return false; // a name: no DNS lookup here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** {@code url} (or a message holding URLs) without user info, for messages. */
  public static String redact(String url) {
    if (url == null) {
      return null;
    }
    return url.replaceAll("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]*@", "$1");
  }
}
