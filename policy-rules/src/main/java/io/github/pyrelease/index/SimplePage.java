package io.github.pyrelease.index;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.text.JsonProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project's page of the simple repository API, in either form: PEP 691 JSON or PEP 503 HTML (with
 * PEP 592 {@code data-yanked}, PEP 629 API version and PEP 700 {@code versions}).
 *
 * @param files the files listed
 * @param versions the versions listed by PEP 700 (may include versions without files), or empty
 */
record SimplePage(List<File> files, List<String> versions) {

  static final String JSON = "application/vnd.pypi.simple.v1+json";
  static final String HTML = "application/vnd.pypi.simple.v1+html";

  /** The Accept header PEP 691 recommends: JSON first, HTML as the fallback. */
  static final String ACCEPT = JSON + ", " + HTML + ";q=0.2, text/html;q=0.01";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern ANCHOR =
      Pattern.compile("<a\\b([^>]*)>(.*?)</a\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ATTRIBUTE =
      Pattern.compile(
          "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
  private static final Pattern REPOSITORY_VERSION =
      Pattern.compile(
          "<meta\\s+name=[\"']pypi:repository-version[\"']\\s+content=[\"']([^\"']*)[\"']",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SHA256_FRAGMENT =
      Pattern.compile("#(?:.*&)?sha256=([0-9a-fA-F]{64})(?:&|$)");

  SimplePage {
    files = List.copyOf(files);
    versions = List.copyOf(versions);
  }

  /**
   * One file.
   *
   * @param filename the file name
   * @param yanked whether it is yanked
   * @param yankedReason the reason, or {@code null}
   * @param sha256 its sha256 as the page gives it (lower-case hex), or {@code null}
   */
  record File(String filename, boolean yanked, String yankedReason, String sha256) {

    File(String filename, boolean yanked, String yankedReason) {
      this(filename, yanked, yankedReason, null);
    }
  }

  /**
   * Reads a PEP 691 JSON page.
   *
   * @throws NotSimpleException when it is not JSON, or not the simple API's, or of API version 2+
   */
  static SimplePage fromJson(String text) throws NotSimpleException {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JacksonException e) {
      // not the parser's message: it quotes the page, which may echo the credentials sent
      throw new NotSimpleException("the JSON is malformed (" + JsonProblems.where(e) + ")");
    }
    if (root == null || !root.isObject() || !root.path("files").isArray()) {
      throw new NotSimpleException("the JSON has no 'files' list");
    }
    checkApiVersion(root.path("meta").path("api-version").asText("1.0"));
    List<File> files = new ArrayList<>();
    for (JsonNode file : root.path("files")) {
      String name = file.path("filename").asText(null);
      if (name == null) {
        throw new NotSimpleException("a file has no 'filename'");
      }
      JsonNode yanked = file.path("yanked");
      boolean isYanked = yanked.isTextual() || yanked.asBoolean(false);
      JsonNode sha256 = file.path("hashes").path("sha256");
      files.add(
          new File(
              name,
              isYanked,
              yanked.isTextual() ? yanked.asText() : null,
              sha256.isTextual() ? sha256.asText().toLowerCase(Locale.ROOT) : null));
    }
    List<String> versions = new ArrayList<>();
    root.path("versions").forEach(v -> versions.add(v.asText()));
    return new SimplePage(files, versions);
  }

  /**
   * Reads a PEP 503 HTML page: one anchor per file, its text the file name.
   *
   * @throws NotSimpleException when the page is of API version 2+, or lists nothing and does not
   *     say it is a simple page (a login page of a proxy, say)
   */
  static SimplePage fromHtml(String text) throws NotSimpleException {
    Matcher version = REPOSITORY_VERSION.matcher(text);
    boolean declared = version.find();
    if (declared) {
      checkApiVersion(version.group(1));
    }
    List<File> files = new ArrayList<>();
    Matcher anchor = ANCHOR.matcher(text);
    while (anchor.find()) {
      String attributes = anchor.group(1);
      String name = unescape(anchor.group(2).replaceAll("<[^>]*>", "").strip());
      String yankedReason = attribute(attributes, "data-yanked");
      files.add(
          new File(
              name,
              yankedReason != null,
              yankedReason == null || yankedReason.isEmpty() ? null : yankedReason,
              sha256Fragment(attribute(attributes, "href"))));
    }
    if (files.isEmpty() && !declared && !text.toLowerCase(Locale.ROOT).contains("links for")) {
      throw new NotSimpleException("the HTML page lists no files and is not a simple API page");
    }
    return new SimplePage(files, List.of());
  }

  /** The hex of a {@code #sha256=<hex>} fragment of a PEP 503 link, or {@code null}. */
  private static String sha256Fragment(String href) {
    if (href == null) {
      return null;
    }
    Matcher m = SHA256_FRAGMENT.matcher(href);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  private static void checkApiVersion(String apiVersion) throws NotSimpleException {
    String major = apiVersion.strip().split("\\.")[0];
    if (!major.equals("1")) {
      throw new NotSimpleException(
          "the index speaks simple API version " + apiVersion + "; pyrelease reads version 1");
    }
  }

  /**
   * {@code said} (why a page is not a simple page, which may quote it) with {@code login}'s secret
   * masked, as an index may echo what it was sent.
   */
  static String masked(String said, Credentials login) {
    return login == null ? said : login.password().maskIn(said);
  }

  /** The attribute's value, "" when it has none, {@code null} when absent. */
  private static String attribute(String attributes, String name) {
    Matcher m = ATTRIBUTE.matcher(attributes);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase(name)) {
        String value =
            m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        return value == null ? "" : unescape(value);
      }
    }
    return null;
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }

  /** The answer is not a simple API page; the message says why. */
  static final class NotSimpleException extends Exception {
    private static final long serialVersionUID = 1L;

    NotSimpleException(String message) {
      super(message);
    }
  }
}
