package io.github.pyrelease.index;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpRequest;
import io.github.pyrelease.http.HttpResponse;
import io.github.pyrelease.http.HttpTransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks an index for the sha256 of one file it holds, to tell "the same file is already there" from
 * "another file took that name": the JSON API's per-version page ({@code urls[].digests.sha256})
 * first, then the project's simple API page (PEP 691 {@code files[].hashes.sha256}, or PEP 503
 * {@code #sha256=} link fragments). Give it a client without an answer cache ({@link
 * HttpClient#forUploads()}): an answer kept from before the upload would be stale.
 */
public final class FileDigestLookup {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;

  public FileDigestLookup(HttpClient http) {
    this.http = http;
  }

  /**
   * The sha256 the index at {@code indexUrl} gives for {@code fileName}.
   *
   * @param login credentials to read the index with, or {@code null}
   * @param project the project name as the metadata declares it (normalised here)
   * @param version the version as the metadata declares it
   * @return the digest with where it came from, or no digest and every place asked with its answer
   */
  public FileDigest find(
      String indexUrl, Credentials login, String project, String version, String fileName) {
    IndexLocation location = IndexLocation.of(indexUrl);
    String name = ProjectNames.normalize(project);
    List<String> asked = new ArrayList<>();
    if (location.jsonUrl() != null) {
      String url = location.jsonUrl() + "pypi/" + name + "/" + version + "/json";
      Optional<FileDigest> found = fromJsonApi(url, login, fileName, asked);
      if (found.isPresent()) {
        return found.get();
      }
    }
    String url = location.simpleUrl() + name + "/";
    return fromSimpleApi(url, login, fileName, asked)
        .orElseGet(() -> new FileDigest(fileName, null, null, null, asked));
  }

  private Optional<FileDigest> fromJsonApi(
      String url, Credentials login, String fileName, List<String> asked) {
    Optional<HttpResponse> response = get(url, "application/json", login, asked);
    if (response.isEmpty()) {
      return Optional.empty();
    }
    return fromJsonApiPage(url, response.get().url(), response.get().text(), fileName, asked);
  }

  /**
   * The digest a JSON API per-version page gives for {@code fileName}, or empty with what the page
   * said added to {@code asked}.
   *
   * @param url the page asked
   * @param answered the page that answered (after redirects)
   */
  static Optional<FileDigest> fromJsonApiPage(
      String url, String answered, String body, String fileName, List<String> asked) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JacksonException e) {
      asked.add(url + " (" + HttpIndexFacts.JSON_API + "): not JSON");
      return Optional.empty();
    }
    if (root == null || !root.path("urls").isArray()) {
      asked.add(url + " (" + HttpIndexFacts.JSON_API + "): no 'urls' list");
      return Optional.empty();
    }
    for (JsonNode file : root.path("urls")) {
      if (fileName.equals(file.path("filename").asText())) {
        JsonNode sha256 = file.path("digests").path("sha256");
        if (sha256.isTextual()) {
          return Optional.of(
              new FileDigest(
                  fileName,
                  sha256.asText().toLowerCase(Locale.ROOT),
                  answered,
                  HttpIndexFacts.JSON_API,
                  asked));
        }
        asked.add(url + " (" + HttpIndexFacts.JSON_API + "): lists the file without a sha256");
        return Optional.empty();
      }
    }
    asked.add(url + " (" + HttpIndexFacts.JSON_API + "): does not list " + fileName);
    return Optional.empty();
  }

  private Optional<FileDigest> fromSimpleApi(
      String url, Credentials login, String fileName, List<String> asked) {
    Optional<HttpResponse> response = get(url, SimplePage.ACCEPT, login, asked);
    if (response.isEmpty()) {
      return Optional.empty();
    }
    return fromSimplePage(
        url,
        response.get().url(),
        response.get().mediaType(),
        response.get().text(),
        fileName,
        login,
        asked);
  }

  /**
   * The digest a project's simple API page of media type {@code type} gives for {@code fileName},
   * or empty with what the page said added to {@code asked}.
   *
   * @param login the credentials the page was asked with, masked in what it says, or {@code null}
   */
  static Optional<FileDigest> fromSimplePage(
      String url,
      String answered,
      String type,
      String body,
      String fileName,
      Credentials login,
      List<String> asked) {
    boolean json = type.equals(SimplePage.JSON) || type.equals("application/json");
    String api = json ? HttpIndexFacts.SIMPLE_JSON : HttpIndexFacts.SIMPLE_HTML;
    SimplePage page;
    try {
      page = json ? SimplePage.fromJson(body) : SimplePage.fromHtml(body);
    } catch (SimplePage.NotSimpleException e) {
      asked.add(url + ": not a simple API page (" + SimplePage.masked(e.getMessage(), login) + ")");
      return Optional.empty();
    }
    for (SimplePage.File file : page.files()) {
      if (file.filename().equals(fileName)) {
        if (file.sha256() == null) {
          asked.add(url + " (" + api + "): lists the file without a sha256");
          return Optional.empty();
        }
        return Optional.of(new FileDigest(fileName, file.sha256(), answered, api, asked));
      }
    }
    asked.add(url + " (" + api + "): does not list " + fileName);
    return Optional.empty();
  }

  /** A 2xx answer, or empty with what happened noted. */
  private Optional<HttpResponse> get(
      String url, String accept, Credentials login, List<String> asked) {
    HttpResponse response;
    try {
      response =
          http.send(HttpRequest.get(url).withHeader("Accept", accept).withCredentials(login));
    } catch (HttpTransportException e) {
      asked.add(url + ": " + e.getMessage());
      return Optional.empty();
    }
    if (!response.successful()) {
      asked.add(url + ": answered " + response.status());
      return Optional.empty();
    }
    return Optional.of(response);
  }

  /**
   * What the index says about one file.
   *
   * @param fileName the file asked about
   * @param sha256 its sha256 on the index (lower-case hex), or {@code null} when none was found
   * @param url the page that gave it, or {@code null}
   * @param api which API gave it, or {@code null}
   * @param asked the places asked before (or instead of) the one that answered, each with what it
   *     said, for messages
   */
  public record FileDigest(
      String fileName, String sha256, String url, String api, List<String> asked) {

    public FileDigest {
      asked = List.copyOf(asked);
    }

    public Optional<String> sha256Value() {
      return Optional.ofNullable(sha256);
    }
  }
}
