package io.github.pyrelease.pages;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The file URLs the pages link: percent-encoded where needed, then checked. */
final class Urls {

  /** Characters RFC 3986 allows in a URL as they are (besides letters, digits and '%'). */
  private static final String ALLOWED = "-._~:/?#@!$&'()*+,;=";

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Urls() {}

  /**
   * Percent-encodes what may not appear in a URL as it is (spaces, quotes, angle brackets,
   * non-ASCII as UTF-8, a '%' that starts no escape), leaving valid {@code %XX} escapes alone so
   * that an encoded URL is not encoded twice. Square brackets are kept only in the authority (an
   * IPv6 address).
   */
  static String encode(String url) {
    int authorityEnd = authorityEnd(url);
    byte[] bytes = url.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean inAuthority = i < authorityEnd;
      if (isAlphanumeric(b)
          || (b < 0x80 && ALLOWED.indexOf(b) >= 0)
          || (inAuthority && (b == '[' || b == ']'))
          || (b == '%' && isHex(bytes, i + 1) && isHex(bytes, i + 2))) {
        out.append((char) b);
      } else {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  /** The end (in UTF-8 bytes) of "scheme://authority", or 0 when the URL has no authority. */
  private static int authorityEnd(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return 0;
    }
    int end = start + 3;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    return url.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
  }

  /** {@code url} with any user and password in it replaced by {@code ***}, for messages. */
  static String redacted(String url) {
    int start = url.indexOf("://");
    if (start < 0) {
      return url;
    }
    int end = start + 3;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    return at < start + 3 ? url : url.substring(0, start + 3) + "***" + url.substring(at);
  }

  private static boolean isAlphanumeric(int b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  }

  private static boolean isHex(byte[] bytes, int i) {
    return i < bytes.length && Character.digit(bytes[i], 16) >= 0;
  }

  /**
   * Why {@code encoded} cannot be the link to {@code fileName}, or {@code null} when it can: it
   * must be an absolute http(s) URL without credentials or fragment whose last path segment is the
   * file name (PEP 503: the anchor text matches the final path component of the URL).
   */
  static String problem(String encoded, String fileName) {
    URI uri;
    try {
      uri = new URI(encoded);
    } catch (URISyntaxException e) {
      return "it is not a valid URL (" + e.getReason() + ")";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
      return "it is not an absolute http(s) URL";
    }
    if (uri.getHost() == null) {
      return "it names no host";
    }
    if (uri.getRawUserInfo() != null) {
      return "it carries credentials, which a public page would show to everyone";
    }
    if (uri.getRawFragment() != null) {
      return "it has a fragment (#...), where pyrelease puts the file's sha256";
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    if (!last.equals(fileName)) {
      return "its last path segment is '"
          + last
          + "', not the file name (pip names the file it"
          + " downloads after the URL)";
    }
    return null;
  }
}
