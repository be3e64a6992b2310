package io.github.pyrelease.index;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpRequest;
import io.github.pyrelease.http.HttpResponse;
import io.github.pyrelease.http.HttpTransportException;
import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks package indexes over HTTP: the JSON API's per-version page first ({@code
 * /pypi/<name>/<version>/json}, which compares versions under PEP 440 as PyPI does), then, when it
 * says 404 or the index has none, the project's simple API page (PEP 691 JSON, else PEP 503 HTML).
 * A 404 from the JSON API alone never means "not published": an index without that API answers 404
 * for everything. Yanked files count as published: their names can never be uploaded again.
 */
public final class HttpIndexFacts implements IndexFacts {

  static final String JSON_API = "JSON API";
  static final String SIMPLE_JSON = "simple API (PEP 691 JSON)";
  static final String SIMPLE_HTML = "simple API (PEP 503 HTML)";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final IndexLocations locations;
  private final CredentialLookup credentials;
  private final boolean offline;

  public HttpIndexFacts(
      HttpClient http, IndexLocations locations, CredentialLookup credentials, boolean offline) {
    this.http = http;
    this.locations = locations;
    this.credentials = credentials;
    this.offline = offline;
  }

  @Override
  public IndexAnswer lookup(String index, String serverId, String project, String version) {
    String url = locations.urlOf(index);
    if (offline) {
      throw new FactUnavailableException(
          "offline",
          url,
          "run without Maven's -o (CLI: --offline) to ask the index whether "
              + project
              + " "
              + version
              + " is published",
          null);
    }
    IndexLocation location = IndexLocation.of(url);
    String server = serverId != null ? serverId : locations.defaultServerOf(index);
    Credentials login = credentials.find(server).orElse(null);
    String name = ProjectNames.normalize(project);
    Version wanted = Version.parse(version);
    if (location.jsonUrl() != null) {
      Optional<IndexAnswer> answer = fromJsonApi(location, name, version, serverId, login);
      if (answer.isPresent()) {
        return answer.get();
      }
    }
    return fromSimpleApi(location, name, wanted, server, login);
  }

  private Optional<IndexAnswer> fromJsonApi(
      IndexLocation location, String name, String version, String serverId, Credentials login) {
    String url = location.jsonUrl() + "pypi/" + name + "/" + version + "/json";
    HttpResponse response = get(url, "application/json", login, location);
    if (response.status() == 404 || response.status() == 410) {
      return Optional.empty();
    }
    requireAuthorised(response, serverId, login);
    if (!response.successful()) {
      throw unavailable(location, response);
    }
    return fromJsonApiPage(location.url(), response.url(), response.text());
  }

  /**
   * The answer of a JSON API per-version page, or empty when {@code body} is not that API's (an
   * HTML catch-all page, say), so that the simple API is asked.
   */
  static Optional<IndexAnswer> fromJsonApiPage(String indexUrl, String url, String body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JacksonException e) {
      return Optional.empty();
    }
    if (root == null || !root.path("info").isObject()) {
      return Optional.empty();
    }
    JsonNode info = root.path("info");
    List<String> files = new ArrayList<>();
    boolean allYanked = root.path("urls").size() > 0;
    for (JsonNode file : root.path("urls")) {
      files.add(file.path("filename").asText());
      allYanked &= file.path("yanked").asBoolean(false);
    }
    boolean yanked = info.path("yanked").asBoolean(false) || allYanked;
    String reason =
        info.path("yanked_reason").isTextual() ? info.path("yanked_reason").asText() : null;
    return Optional.of(new IndexAnswer(indexUrl, url, JSON_API, true, true, yanked, reason, files));
  }

  private IndexAnswer fromSimpleApi(
      IndexLocation location, String name, Version wanted, String serverId, Credentials login) {
    String url = location.simpleUrl() + name + "/";
    HttpResponse response = get(url, SimplePage.ACCEPT, login, location);
    if (response.status() == 404 || response.status() == 410) {
      return new IndexAnswer(
          location.url(), response.url(), "simple API", false, false, false, null, List.of());
    }
    requireAuthorised(response, serverId, login);
    if (!response.successful()) {
      throw unavailable(location, response);
    }
    return fromSimplePage(
        location, response.url(), response.mediaType(), response.text(), name, wanted, login);
  }

  /**
   * The answer of a project's simple API page of media type {@code type} for version {@code wanted}
   * of project {@code name} (normalised).
   *
   * @param login the credentials the page was asked with, masked in what it says, or {@code null}
   * @throws FactUnavailableException when {@code body} is not a simple API page
   */
  static IndexAnswer fromSimplePage(
      IndexLocation location,
      String url,
      String type,
      String body,
      String name,
      Version wanted,
      Credentials login) {
    SimplePage page;
    String api;
    try {
      if (type.equals(SimplePage.JSON) || type.equals("application/json")) {
        page = SimplePage.fromJson(body);
        api = SIMPLE_JSON;
      } else if (type.equals(SimplePage.HTML) || type.equals("text/html") || type.isEmpty()) {
        page = SimplePage.fromHtml(body);
        api = SIMPLE_HTML;
      } else {
        throw new SimplePage.NotSimpleException(
            "it answered with " + type + ", neither the simple API's JSON nor its HTML");
      }
    } catch (SimplePage.NotSimpleException e) {
      throw new FactUnavailableException(
          url + " is not a simple API page: " + SimplePage.masked(e.getMessage(), login),
          location.url(),
          "check the index URL: it should be the index root (such as https://pypi.org/) or its"
              + " simple API (ending in /simple/)",
          null);
    }
    return answer(location, url, api, page, name, wanted);
  }

  private static IndexAnswer answer(
      IndexLocation location,
      String url,
      String api,
      SimplePage page,
      String name,
      Version wanted) {
    List<SimplePage.File> matching =
        page.files().stream()
            .filter(
                f ->
                    DistributionFiles.versionOf(f.filename(), name)
                        .map(wanted::equals)
                        .orElse(false))
            .toList();
    boolean listed =
        page.versions().stream()
            .anyMatch(v -> Version.tryParse(v).map(wanted::equals).orElse(false));
    boolean published = listed || !matching.isEmpty();
    boolean yanked = !matching.isEmpty() && matching.stream().allMatch(SimplePage.File::yanked);
    String reason =
        matching.stream()
            .map(SimplePage.File::yankedReason)
            .filter(r -> r != null)
            .findFirst()
            .orElse(null);
    return new IndexAnswer(
        location.url(),
        url,
        api,
        true,
        published,
        yanked,
        reason,
        matching.stream().map(SimplePage.File::filename).toList());
  }

  private HttpResponse get(String url, String accept, Credentials login, IndexLocation location) {
    try {
      return http.send(HttpRequest.get(url).withHeader("Accept", accept).withCredentials(login));
    } catch (HttpTransportException e) {
      throw new FactUnavailableException(
          credentials.maskAll(e.getMessage()),
          location.url(),
          "check the network and the index URL, or raise pyrelease.readTimeout /"
              + " pyrelease.httpAttempts (CLI: --read-timeout, --http-attempts)",
          null);
    }
  }

  private static void requireAuthorised(HttpResponse response, String serverId, Credentials login) {
    int status = response.status();
    if (status != 401 && status != 403) {
      return;
    }
    String answered =
        response.url() + " answered " + status + (status == 401 ? " Unauthorized" : " Forbidden");
    if (serverId == null) {
      throw new PyreleaseException(
          answered + ": the index needs credentials and the rule names no server id",
          response.url(),
          "set the option server: <id> of rule version-unpublished and put the credentials in "
              + CredentialLookup.whereToPut("<id>"));
    }
    if (login == null) {
      throw new PyreleaseException(
          answered
              + ": the index needs credentials and none are configured for server '"
              + serverId
              + "'",
          response.url(),
          "put them in " + CredentialLookup.whereToPut(serverId));
    }
    throw new PyreleaseException(
        answered
            + ": the index refused the credentials of server '"
            + serverId
            + "' (from "
            + login.origin()
            + ")"
            + (status == 403 ? "; they may lack read access" : ""),
        response.url(),
        "check the user name and password or token of server '"
            + serverId
            + "' ("
            + CredentialLookup.whereToPut(serverId)
            + ")");
  }

  private static FactUnavailableException unavailable(
      IndexLocation location, HttpResponse response) {
    return new FactUnavailableException(
        response.url()
            + " answered "
            + response.status()
            + (response.retryNote() == null ? "" : " (" + response.retryNote() + ")"),
        location.url(),
        "try again later; if it persists, check the index's status page",
        null);
  }
}
