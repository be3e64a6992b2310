package io.github.pyrelease.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.dist.FileDigests;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpRequest;
import io.github.pyrelease.http.HttpResponse;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.HttpTransportException;
import io.github.pyrelease.http.RetryPolicy;
import io.github.pyrelease.http.SecureUrls;
import io.github.pyrelease.http.Sleeper;
import io.github.pyrelease.text.JsonProblems;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * The few calls of GitHub's REST API (version 2022-11-28) that releases need, over the project's
 * {@link HttpClient}: https (or loopback), timeouts, retries of connection failures, 5xx and 429.
 * POSTs (creating a release, uploading an asset) are never retried by the transport, since a lost
 * answer may hide a success: {@link GithubReleases} looks at what GitHub holds before asking again.
 * A rate limit that resets soon is waited for; a longer one is an error saying when it resets. The
 * token is sent as {@code Authorization: Bearer} to the API and upload hosts only, never to a
 * download's redirect target, and never appears in a message.
 */
public final class GithubClient {

  /** github.com's API; GitHub Enterprise Server's is {@code https://HOST/api/v3}. */
  public static final String DEFAULT_API_URL = "https://api.github.com";

  /** The longest wait for a rate limit to reset before giving up with an error. */
  public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

  static final String API_VERSION = "2022-11-28";
  private static final String ACCEPT_JSON = "application/vnd.github+json";
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PER_PAGE = 100;
  private static final int MAX_PAGES = 100;
  private static final int MAX_RATE_LIMIT_WAITS = 3;

  private final HttpUrl api;
  private final Credentials token;
  private final HttpClient http;
  private final HttpClient once;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxRateLimitWait;
  private final Consumer<String> log;

  /**
   * @param apiUrl {@link #DEFAULT_API_URL}, or {@code https://HOST/api/v3} for GitHub Enterprise
   * @param token the token (its password) and where it was found (for messages)
   * @param settings timeouts, retries, proxies and the User-Agent
   */
  public GithubClient(String apiUrl, Credentials token, HttpSettings settings) {
    this(apiUrl, token, settings, Clock.systemUTC(), Sleeper.SYSTEM, DEFAULT_MAX_RATE_LIMIT_WAIT);
  }

  /**
   * @param clock reads rate limit resets
   * @param sleeper waits for them
   * @param maxRateLimitWait the longest wait for a rate limit before giving up with an error
   */
  public GithubClient(
      String apiUrl,
      Credentials token,
      HttpSettings settings,
      Clock clock,
      Sleeper sleeper,
      Duration maxRateLimitWait) {
    this(
        apiBase(apiUrl),
        Objects.requireNonNull(token, "token"),
        new HttpClient(settings),
        new HttpClient(
            settings.withRetries(RetryPolicy.withAttempts(1)).withCallTimeout(Duration.ZERO)),
        clock,
        sleeper,
        maxRateLimitWait,
        line -> {});
  }

  private GithubClient(
      HttpUrl api,
      Credentials token,
      HttpClient http,
      HttpClient once,
      Clock clock,
      Sleeper sleeper,
      Duration maxRateLimitWait,
      Consumer<String> log) {
    this.api = api;
    this.token = token;
    this.http = http;
    this.once = once;
    this.clock = clock;
    this.sleeper = sleeper;
    this.maxRateLimitWait = maxRateLimitWait;
    this.log = log;
  }

  /** The API's base URL, as given. */
  public String apiUrl() {
    return api.toString();
  }

  /** This client, telling {@code lines} when it waits for a rate limit. */
  GithubClient loggingTo(Consumer<String> lines) {
    return new GithubClient(api, token, http, once, clock, sleeper, maxRateLimitWait, lines);
  }

  /** The published release of {@code tag}, if any (drafts are not found by tag). */
  Optional<GithubRelease> publishedRelease(GithubRepository repository, String tag)
      throws HttpTransportException {
    String action = "reading the release of tag " + tag + " in " + repository;
    HttpResponse response =
        send(http, request("GET", url(repository, "releases", "tags", tag), null), action);
    if (response.status() == 404) {
      return Optional.empty(); // no such release, or no such repository: listing tells which
    }
    return Optional.of(GithubRelease.from(expect(response, 200, action, repository)));
  }

  /** Every draft of {@code tag}, oldest first (drafts are found only by listing releases). */
  List<GithubRelease> draftsOf(GithubRepository repository, String tag)
      throws HttpTransportException {
    List<GithubRelease> drafts = new ArrayList<>();
    for (JsonNode item :
        pages(url(repository, "releases"), "listing the releases of " + repository, repository)) {
      GithubRelease release = GithubRelease.from(item);
      if (release.draft() && release.tagName().equals(tag)) {
        drafts.add(release);
      }
    }
    drafts.sort((a, b) -> Long.compare(a.id(), b.id()));
    return drafts;
  }

  /** Creates a draft release; sent once, since a lost answer may hide a created draft. */
  GithubRelease createDraft(GithubReleaseRequest request) throws HttpTransportException {
    ObjectNode body = JSON.createObjectNode();
    body.put("tag_name", request.tag());
    if (request.targetCommitish() != null) {
      body.put("target_commitish", request.targetCommitish());
    }
    body.put("name", request.name());
    body.put("body", request.body());
    body.put("draft", true);
    body.put("prerelease", request.prerelease());
    body.put("generate_release_notes", request.generateNotes());
    if (request.prerelease()) {
      body.put("make_latest", "false");
    }
    String action =
        "creating a draft release of tag " + request.tag() + " in " + request.repository();
    HttpResponse response =
        send(once, request("POST", url(request.repository(), "releases"), json(body)), action);
    return GithubRelease.from(expect(response, 201, action, request.repository()));
  }

  /** Publishes draft {@code id}: {@code draft: false}, and never "latest" for a pre-release. */
  GithubRelease publish(GithubRepository repository, long id, boolean prerelease)
      throws HttpTransportException {
    ObjectNode body = JSON.createObjectNode();
    body.put("draft", false);
    body.put("prerelease", prerelease);
    if (prerelease) {
      body.put("make_latest", "false");
    }
    String action = "publishing the draft release " + id + " of " + repository;
    HttpResponse response =
        send(
            http,
            request("PATCH", url(repository, "releases", Long.toString(id)), json(body)),
            action);
    return GithubRelease.from(expect(response, 200, action, repository));
  }

  /** The assets of release {@code id}, every page. */
  List<GithubAsset> assets(GithubRepository repository, long id) throws HttpTransportException {
    List<GithubAsset> assets = new ArrayList<>();
    for (JsonNode item :
        pages(
            url(repository, "releases", Long.toString(id), "assets"),
            "listing the assets of release " + id + " of " + repository,
            repository)) {
      assets.add(GithubAsset.from(item));
    }
    return assets;
  }

  /**
   * Uploads {@code file} to {@code release}'s upload URL: the raw bytes streamed from disk, sent
   * once (a failed upload may leave an asset behind, which the caller must look for).
   *
   * @return GitHub's answer and the sha256 of the bytes sent
   */
  Upload upload(GithubRepository repository, GithubRelease release, AssetFile file)
      throws HttpTransportException {
    HttpUrl base = uploadBase(release, token);
    HttpUrl url = base.newBuilder().addQueryParameter("name", file.name()).build();
    UploadBody body = new UploadBody(file);
    String action =
        "uploading " + file.name() + " to release " + release.id() + " of " + repository;
    HttpRequest request =
        new HttpRequest("POST", url.toString(), headers(ACCEPT_JSON), null, body, false)
            .withBearerToken(token.password());
    HttpResponse response = send(once, request, action);
    GithubAsset asset = GithubAsset.from(expect(response, 201, action, repository));
    return new Upload(asset, body.sentSha256());
  }

  /**
   * Where {@code release}'s assets are uploaded, as GitHub's answer says: https (or loopback). An
   * error shows that URL masked, as a server could have put the token in it.
   */
  static HttpUrl uploadBase(GithubRelease release, Credentials token) {
    try {
      return SecureUrls.require(release.uploadUrl(), "GitHub upload");
    } catch (PyreleaseException e) {
      throw new PyreleaseException(
          token.password().maskIn(e.getMessage()), token.password().maskIn(e.where()), e.fix());
    }
  }

  /**
   * What an upload answered.
   *
   * @param asset the asset GitHub made
   * @param sentSha256 the sha256 of the bytes sent
   */
  record Upload(GithubAsset asset, String sentSha256) {}

  /** Deletes asset {@code id}; one already gone counts as deleted. */
  void deleteAsset(GithubRepository repository, long id) throws HttpTransportException {
    String action = "deleting the release asset " + id + " of " + repository;
    HttpResponse response =
        send(
            http,
            request("DELETE", url(repository, "releases", "assets", Long.toString(id)), null),
            action);
    if (response.status() != 204 && response.status() != 404) {
      throw GithubErrors.fail(response, action, repository, token);
    }
  }

  /**
   * Downloads {@code asset} and hashes it, for an asset GitHub gives no digest for. GitHub answers
   * with the bytes or a redirect to its storage, where the token is not sent.
   */
  String downloadSha256(GithubRepository repository, GithubAsset asset)
      throws HttpTransportException {
    long limit = http.settings().maxResponseBytes();
    if (asset.size() > limit) {
      throw new PyreleaseException(
          "cannot tell whether the asset "
              + asset.name()
              + " on GitHub is the local file: GitHub gives no digest for it and it is larger ("
              + asset.size()
              + " bytes) than the "
              + limit
              + " bytes pyrelease downloads to compare",
          repository.toString(),
          "delete the asset from the release on GitHub if it is not published yet, and run again");
    }
    String action = "downloading the release asset " + asset.name() + " of " + repository;
    HttpRequest request =
        new HttpRequest(
                "GET",
                url(repository, "releases", "assets", Long.toString(asset.id())).toString(),
                headers("application/octet-stream"),
                null,
                null,
                true)
            .withBearerToken(token.password());
    HttpResponse response = send(http, request, action);
    if (response.status() != 200) {
      throw GithubErrors.fail(response, action, repository, token);
    }
    return FileDigests.sha256(response.body());
  }

  /** Every item of every page, following {@code Link: rel="next"} on the API's own origin. */
  private List<JsonNode> pages(HttpUrl first, String action, GithubRepository repository)
      throws HttpTransportException {
    List<JsonNode> items = new ArrayList<>();
    HttpUrl url =
        first.newBuilder().addQueryParameter("per_page", Integer.toString(PER_PAGE)).build();
    for (int page = 1; url != null; page++) {
      if (page > MAX_PAGES) {
        log.accept(
            "stopped " + action + " after " + MAX_PAGES + " pages of " + PER_PAGE + " items");
        break;
      }
      HttpResponse response = send(http, request("GET", url, null), action);
      items.addAll(listOf(expect(response, 200, action, repository), response, action));
      url = nextPage(api, response, action, token);
    }
    return items;
  }

  /** The items of one page of a list answer. */
  static List<JsonNode> listOf(JsonNode json, HttpResponse response, String action) {
    if (!json.isArray()) {
      throw new GithubApiException(
          "GitHub's answer to " + action + " is not a list",
          response.url(),
          null,
          response.status(),
          List.of());
    }
    List<JsonNode> items = new ArrayList<>();
    json.forEach(items::add);
    return items;
  }

  /**
   * The page after {@code response}, on {@code api}'s own origin, or {@code null} at the end. An
   * error shows the link masked, as GitHub's answer could hold the token.
   */
  static HttpUrl nextPage(HttpUrl api, HttpResponse response, String action, Credentials token) {
    Optional<String> next = LinkHeader.next(response.header("link"));
    if (next.isEmpty()) {
      return null;
    }
    HttpUrl url = api.resolve(next.get());
    if (url == null
        || !url.scheme().equals(api.scheme())
        || !url.host().equals(api.host())
        || url.port() != api.port()) {
      throw new PyreleaseException(
          "GitHub's next page for "
              + action
              + " is on another server ("
              + token.password().maskIn(SecureUrls.redact(next.get()))
              + "): pyrelease does not send the token there",
          response.url(),
          "check the GitHub API URL; it must be the server that answers it");
    }
    return url;
  }

  /** Sends {@code request}, waiting out a rate limit that resets soon. */
  private HttpResponse send(HttpClient client, HttpRequest request, String action)
      throws HttpTransportException {
    for (int waits = 0; ; waits++) {
      HttpResponse response = client.send(request);
      RateLimit limit = RateLimit.of(response, GithubErrors.message(response), clock.instant());
      if (limit == null) {
        return response;
      }
      if (waits >= MAX_RATE_LIMIT_WAITS || limit.delay().compareTo(maxRateLimitWait) > 0) {
        throw GithubErrors.rateLimited(response, limit, action, clock.instant(), token);
      }
      log.accept(
          "GitHub's "
              + limit.what()
              + " is reached while "
              + action
              + ": waiting "
              + Math.max(1, limit.delay().toSeconds())
              + " s for it to reset");
      try {
        sleeper.sleep(limit.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PyreleaseException(
            "interrupted while waiting for GitHub's rate limit", null, "run again", e);
      }
    }
  }

  private JsonNode expect(
      HttpResponse response, int status, String action, GithubRepository repository) {
    if (response.status() != status) {
      throw GithubErrors.fail(response, action, repository, token);
    }
    return jsonOf(response, action, api);
  }

  /**
   * The JSON of an answer, which must be some. A parser's message quotes the text it stopped at,
   * which may be the token echoed back: the error says where it stopped instead.
   */
  static JsonNode jsonOf(HttpResponse response, String action, HttpUrl api) {
    String problem;
    try {
      JsonNode json = JSON.readTree(response.body());
      if (json != null && !json.isMissingNode()) {
        return json;
      }
      problem = "empty answer";
    } catch (JsonProcessingException e) {
      problem = JsonProblems.where(e);
    } catch (IOException e) {
      problem = "unreadable";
    }
    throw new GithubApiException(
        "GitHub's answer to " + action + " is not JSON (" + problem + ")",
        response.url(),
        "check the GitHub API URL " + api,
        response.status(),
        List.of());
  }

  private HttpRequest request(String method, HttpUrl url, RequestBody body) {
    return new HttpRequest(method, url.toString(), headers(ACCEPT_JSON), null, body, true)
        .withBearerToken(token.password());
  }

  private static Map<String, String> headers(String accept) {
    return Map.of("Accept", accept, "X-GitHub-Api-Version", API_VERSION);
  }

  private HttpUrl url(GithubRepository repository, String... segments) {
    HttpUrl.Builder builder =
        api.newBuilder()
            .addPathSegment("repos")
            .addPathSegment(repository.owner())
            .addPathSegment(repository.name());
    for (String segment : segments) {
      builder.addPathSegment(segment);
    }
    return builder.build();
  }

  private static RequestBody json(ObjectNode body) {
    try {
      return RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON object always serialises", e);
    }
  }

  private static HttpUrl apiBase(String apiUrl) {
    String value = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
    HttpUrl url = SecureUrls.require(value, "GitHub API");
    if (url.querySize() > 0 || url.fragment() != null) {
      throw new PyreleaseException(
          "the GitHub API URL '" + SecureUrls.redact(value) + "' has a query or fragment",
          null,
          "write " + DEFAULT_API_URL + ", or https://HOST/api/v3 for GitHub Enterprise Server");
    }
    if (!url.username().isEmpty() || !url.password().isEmpty()) {
      throw new PyreleaseException(
          "the GitHub API URL '" + SecureUrls.redact(value) + "' holds a user name or password",
          null,
          "give the token as a credential, not in the URL");
    }
    return url;
  }
}
