package io.github.pyrelease.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * A loopback GitHub that keeps releases and assets: it assigns ids, serves {@code upload_url}
 * pointing at itself, paginates with {@code Link} headers, hides drafts from the by-tag lookup,
 * makes published releases immutable when the repository asks, computes asset digests, renames odd
 * asset names as GitHub does, redirects asset downloads to a "storage" server on another origin,
 * and misbehaves on purpose when told to.
 */
final class FakeGithub extends Dispatcher {

  /** What the next upload (or creation) does wrong. */
  enum Fault {
    /** Nothing goes wrong. */
    NONE,
    /** 502, leaving an asset in state {@code starter}. */
    BAD_GATEWAY_LEAVING_STARTER,
    /** The connection drops before the answer; nothing is stored. */
    RESET_STORING_NOTHING,
    /** The connection drops before the answer, though the asset was stored: a lost answer. */
    RESET_AFTER_STORING,
    /** The connection drops before the answer to a release creation that happened. */
    RESET_AFTER_CREATING
  }

  static final class Asset {
    long id;
    String name;
    String contentType;
    String state;
    byte[] bytes;
    Release release;
  }

  static final class Release {
    long id;
    String tag;
    String name;
    String body;
    String target;
    boolean draft;
    boolean prerelease;
    boolean immutable;
    boolean generateNotes;
    String makeLatest;
    final List<Asset> assets = new ArrayList<>();
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REPO = Pattern.compile("/repos/([^/]+)/([^/]+)(/.*)?");

  final MockWebServer server = new MockWebServer();
  final MockWebServer storage = new MockWebServer();
  final String owner;
  final String repo;
  final String token;
  final String apiPrefix;
  final String uploadPrefix;

  final List<Release> releases = new CopyOnWriteArrayList<>();
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<String> storageAuthorizations = new CopyOnWriteArrayList<>();
  final List<JsonNode> releaseBodies = new CopyOnWriteArrayList<>();
  final Map<String, String> uploadHeaders = new LinkedHashMap<>();
  private final Deque<Fault> uploadFaults = new ArrayDeque<>();
  private final Deque<Fault> createFaults = new ArrayDeque<>();
  private long nextId = 1000;

  boolean immutableReleases;
  boolean digests = true;
  boolean canWrite = true;

  /** A careless server that repeats the Authorization header it got in an error message. */
  boolean echoAuthorization;

  int maxPerPage = 100;
  int rateLimitedAnswers;
  int secondaryLimitedAnswers;
  long rateLimitReset;
  int publishFailures;

  /** A github.com-like fake: API at the root, uploads under /uploads. */
  FakeGithub(String repository, String token) throws IOException {
    this(repository, token, "", "/uploads");
  }

  FakeGithub(String repository, String token, String apiPrefix, String uploadPrefix)
      throws IOException {
    this.owner = repository.substring(0, repository.indexOf('/'));
    this.repo = repository.substring(repository.indexOf('/') + 1);
    this.token = token;
    this.apiPrefix = apiPrefix;
    this.uploadPrefix = uploadPrefix;
    server.setDispatcher(this);
    storage.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String auth = request.getHeaders().get("Authorization");
            storageAuthorizations.add(auth == null ? "" : auth);
            long id = Long.parseLong(request.getUrl().pathSegments().get(1));
            return asset(id)
                .map(a -> new MockResponse.Builder().body(new okio.Buffer().write(a.bytes)).build())
                .orElse(json(404, error("Not Found")));
          }
        });
    server.start();
    storage.start();
  }

  /** The API's base URL, to give the client. */
  String apiUrl() {
    return server.url(apiPrefix.isEmpty() ? "/" : apiPrefix).toString();
  }

  void failUploads(Fault... faults) {
    uploadFaults.addAll(List.of(faults));
  }

  void failCreations(Fault... faults) {
    createFaults.addAll(List.of(faults));
  }

  synchronized Release addRelease(String tag, boolean draft) {
    Release release = new Release();
    release.id = nextId++;
    release.tag = tag;
    release.name = tag;
    release.body = "";
    release.draft = draft;
    releases.add(release);
    return release;
  }

  synchronized Asset addAsset(Release release, String name, byte[] bytes, String state) {
    Asset asset = new Asset();
    asset.id = nextId++;
    asset.name = name;
    asset.contentType = "application/octet-stream";
    asset.state = state;
    asset.bytes = bytes;
    asset.release = release;
    release.assets.add(asset);
    return asset;
  }

  List<Release> releasesOf(String tag) {
    return releases.stream().filter(r -> r.tag.equals(tag)).toList();
  }

  long count(String methodAndPathStart) {
    return requests.stream().filter(r -> r.startsWith(methodAndPathStart)).count();
  }

  long uploads() {
    return requests.stream().filter(r -> r.startsWith("POST " + uploadPrefix + "/")).count();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    HttpUrl url = request.getUrl();
    String path = url.encodedPath();
    requests.add(request.getMethod() + " " + path);
    if (!("Bearer " + token).equals(request.getHeaders().get("Authorization"))) {
      return json(401, error("Bad credentials"));
    }
    if (!"2022-11-28".equals(request.getHeaders().get("X-GitHub-Api-Version"))) {
      return json(400, error("missing or wrong X-GitHub-Api-Version"));
    }
    if (rateLimitedAnswers > 0) {
      rateLimitedAnswers--;
      return new MockResponse.Builder()
          .code(403)
          .addHeader("Content-Type", "application/json")
          .addHeader("x-ratelimit-limit", "5000")
          .addHeader("x-ratelimit-remaining", "0")
          .addHeader("x-ratelimit-reset", Long.toString(rateLimitReset))
          .addHeader("x-ratelimit-resource", "core")
          .body(error("API rate limit exceeded for user ID 1.").toString())
          .build();
    }
    if (secondaryLimitedAnswers > 0) {
      secondaryLimitedAnswers--;
      return new MockResponse.Builder()
          .code(429)
          .addHeader("Content-Type", "application/json")
          .addHeader("retry-after", "7")
          .body(error("You have exceeded a secondary rate limit.").toString())
          .build();
    }
    boolean upload = path.startsWith(uploadPrefix + "/repos/");
    String rest = upload ? path.substring(uploadPrefix.length()) : strip(path, apiPrefix);
    if (rest == null) {
      return json(404, error("Not Found"));
    }
    Matcher m = REPO.matcher(rest);
    if (!m.matches() || !m.group(1).equalsIgnoreCase(owner) || !m.group(2).equalsIgnoreCase(repo)) {
      return json(404, error("Not Found"));
    }
    if (!request.getMethod().equals("GET") && !canWrite) {
      return json(
          403,
          error(
              "Resource not accessible by personal access token"
                  + (echoAuthorization
                      ? " (" + request.getHeaders().get("Authorization") + ")"
                      : "")));
    }
    String route = m.group(3) == null ? "" : m.group(3);
    try {
      return upload ? upload(request, route) : api(request, route);
    } catch (RuntimeException e) {
      return json(500, error("fake failed: " + e));
    }
  }

  private MockResponse api(RecordedRequest request, String route) {
    String method = request.getMethod();
    List<String> parts = List.of(route.substring(1).split("/"));
    if (method.equals("GET") && parts.size() == 3 && route.startsWith("/releases/tags/")) {
      String tag = URLDecoder.decode(parts.get(2).replace("+", "%2B"), StandardCharsets.UTF_8);
      return releases.stream()
          .filter(r -> r.tag.equals(tag) && !r.draft)
          .findFirst()
          .map(r -> json(200, release(r)))
          .orElse(json(404, error("Not Found")));
    }
    if (method.equals("GET") && route.equals("/releases")) {
      List<Release> sorted =
          releases.stream()
              .sorted(Comparator.comparingLong((Release r) -> r.id).reversed())
              .toList();
      return page(request, sorted.stream().map(this::release).toList());
    }
    if (method.equals("POST") && route.equals("/releases")) {
      return create(request);
    }
    if (method.equals("PATCH") && parts.size() == 2 && parts.get(0).equals("releases")) {
      return update(request, Long.parseLong(parts.get(1)));
    }
    if (method.equals("GET") && parts.size() == 3 && parts.get(2).equals("assets")) {
      Optional<Release> release = release(Long.parseLong(parts.get(1)));
      if (release.isEmpty()) {
        return json(404, error("Not Found"));
      }
      return page(request, release.get().assets.stream().map(this::asset).toList());
    }
    if (parts.size() == 3 && parts.get(1).equals("assets")) {
      long id = Long.parseLong(parts.get(2));
      Optional<Asset> asset = asset(id);
      if (asset.isEmpty()) {
        return json(404, error("Not Found"));
      }
      if (method.equals("DELETE")) {
        if (asset.get().release.immutable) {
          return json(422, error("Cannot delete an asset of an immutable release."));
        }
        asset.get().release.assets.remove(asset.get());
        return new MockResponse.Builder().code(204).build();
      }
      if (method.equals("GET")
          && "application/octet-stream".equals(request.getHeaders().get("Accept"))) {
        return new MockResponse.Builder()
            .code(302)
            .addHeader("Location", storage.url("/download/" + id).toString())
            .build();
      }
      return json(200, asset(asset.get()));
    }
    return json(404, error("Not Found"));
  }

  private MockResponse create(RecordedRequest request) {
    JsonNode body = body(request);
    releaseBodies.add(body);
    String tag = body.path("tag_name").asText();
    if (releases.stream().anyMatch(r -> r.tag.equals(tag) && !r.draft)) {
      return json(422, validation("Release", "tag_name", "already_exists"));
    }
    Release release = addRelease(tag, body.path("draft").asBoolean(false));
    release.name = body.path("name").asText(tag);
    release.body = body.path("body").asText("");
    release.target = body.path("target_commitish").asText(null);
    release.prerelease = body.path("prerelease").asBoolean(false);
    release.generateNotes = body.path("generate_release_notes").asBoolean(false);
    release.makeLatest = body.path("make_latest").asText(null);
    if (release.generateNotes) {
      release.body = release.body + "\n\n## What's Changed\n* generated by the fake";
    }
    if (createFaults.pollFirst() == Fault.RESET_AFTER_CREATING) {
      return dropConnection();
    }
    return json(201, release(release));
  }

  private MockResponse update(RecordedRequest request, long id) {
    JsonNode body = body(request);
    releaseBodies.add(body);
    Optional<Release> found = release(id);
    if (found.isEmpty()) {
      return json(404, error("Not Found"));
    }
    if (publishFailures > 0) {
      publishFailures--;
      return json(500, error("Server Error"));
    }
    Release release = found.get();
    if (body.has("prerelease")) {
      release.prerelease = body.path("prerelease").asBoolean();
    }
    if (body.has("make_latest")) {
      release.makeLatest = body.path("make_latest").asText();
    }
    if (body.has("draft") && !body.path("draft").asBoolean() && release.draft) {
      if (releases.stream().anyMatch(r -> r != release && r.tag.equals(release.tag) && !r.draft)) {
        return json(422, validation("Release", "tag_name", "already_exists"));
      }
      release.draft = false;
      release.immutable = immutableReleases;
    }
    return json(200, release(release));
  }

  private MockResponse upload(RecordedRequest request, String route) {
    Matcher m = Pattern.compile("/releases/(\\d+)/assets").matcher(route);
    if (!request.getMethod().equals("POST") || !m.matches()) {
      return json(404, error("Not Found"));
    }
    Optional<Release> release = release(Long.parseLong(m.group(1)));
    if (release.isEmpty()) {
      return json(404, error("Not Found"));
    }
    String length = request.getHeaders().get("Content-Length");
    uploadHeaders.put("Content-Type", request.getHeaders().get("Content-Type"));
    uploadHeaders.put("Content-Length", length);
    uploadHeaders.put("Transfer-Encoding", request.getHeaders().get("Transfer-Encoding"));
    byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    if (length == null || Long.parseLong(length) != bytes.length) {
      return json(400, error("Content-Length is required"));
    }
    if (release.get().immutable) {
      return json(422, error("Cannot upload assets to an immutable release."));
    }
    String name = githubName(query(request.getUrl(), "name"));
    if (release.get().assets.stream().anyMatch(a -> a.name.equals(name))) {
      return json(422, validation("ReleaseAsset", "name", "already_exists"));
    }
    Fault fault = uploadFaults.pollFirst();
    if (fault == Fault.RESET_STORING_NOTHING) {
      return dropConnection();
    }
    if (fault == Fault.BAD_GATEWAY_LEAVING_STARTER) {
      addAsset(release.get(), name, new byte[0], "starter");
      return json(502, error("Upstream Error"));
    }
    Asset asset = addAsset(release.get(), name, bytes, "uploaded");
    asset.contentType = request.getHeaders().get("Content-Type");
    if (fault == Fault.RESET_AFTER_STORING) {
      return dropConnection();
    }
    return json(201, asset(asset));
  }

  /** Names as GitHub stores them: odd characters become '.', no leading or trailing dots. */
  static String githubName(String name) {
    return name.replaceAll("[^A-Za-z0-9._+-]+", ".").replaceAll("^\\.+|\\.+$", "");
  }

  /** A query parameter read the way Rails reads it: '+' is a space. */
  private static String query(HttpUrl url, String name) {
    String query = url.encodedQuery() == null ? "" : url.encodedQuery();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private MockResponse page(RecordedRequest request, List<ObjectNode> items) {
    HttpUrl url = request.getUrl();
    int perPage =
        Math.min(
            maxPerPage,
            Integer.parseInt(Optional.ofNullable(url.queryParameter("per_page")).orElse("30")));
    int page = Integer.parseInt(Optional.ofNullable(url.queryParameter("page")).orElse("1"));
    int from = Math.min(items.size(), (page - 1) * perPage);
    int to = Math.min(items.size(), from + perPage);
    ArrayNode array = JSON.createArrayNode();
    items.subList(from, to).forEach(array::add);
    MockResponse.Builder response =
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json; charset=utf-8")
            .addHeader("x-ratelimit-remaining", "4999")
            .body(array.toString());
    int last = Math.max(1, (items.size() + perPage - 1) / perPage);
    if (page < last) {
      String base =
          url.newBuilder()
              .setQueryParameter("per_page", Integer.toString(perPage))
              .build()
              .toString();
      String next =
          HttpUrl.get(base)
              .newBuilder()
              .setQueryParameter("page", Integer.toString(page + 1))
              .build()
              .toString();
      String lastUrl =
          HttpUrl.get(base)
              .newBuilder()
              .setQueryParameter("page", Integer.toString(last))
              .build()
              .toString();
      response.addHeader("Link", "<" + next + ">; rel=\"next\", <" + lastUrl + ">; rel=\"last\"");
    }
    return response.build();
  }

  private ObjectNode release(Release r) {
    ObjectNode json = JSON.createObjectNode();
    String api =
        server.url(apiPrefix + "/repos/" + owner + "/" + repo + "/releases/" + r.id).toString();
    json.put("url", api);
    json.put("assets_url", api + "/assets");
    json.put(
        "upload_url",
        server.url(uploadPrefix + "/repos/" + owner + "/" + repo + "/releases/" + r.id + "/assets")
            + "{?name,label}");
    json.put(
        "html_url",
        "https://github.example/"
            + owner
            + "/"
            + repo
            + "/releases/tag/"
            + (r.draft ? "untagged-" + Long.toHexString(r.id * 7919) : r.tag));
    json.put("id", r.id);
    json.put("node_id", "RE_" + r.id);
    json.put("tag_name", r.tag);
    json.put("target_commitish", r.target == null ? "main" : r.target);
    json.put("name", r.name);
    json.put("body", r.body);
    json.put("draft", r.draft);
    json.put("prerelease", r.prerelease);
    json.put("immutable", r.immutable);
    json.put("created_at", "2026-11-25T10:00:00Z");
    if (r.draft) {
      json.putNull("published_at");
    } else {
      json.put("published_at", "2026-11-25T10:05:00Z");
    }
    ArrayNode assets = json.putArray("assets");
    r.assets.forEach(a -> assets.add(asset(a)));
    return json;
  }

  private ObjectNode asset(Asset a) {
    ObjectNode json = JSON.createObjectNode();
    json.put(
        "url",
        server
            .url(apiPrefix + "/repos/" + owner + "/" + repo + "/releases/assets/" + a.id)
            .toString());
    json.put("id", a.id);
    json.put("name", a.name);
    json.putNull("label");
    json.put("content_type", a.contentType);
    json.put("state", a.state);
    json.put("size", a.bytes.length);
    if (digests && a.state.equals("uploaded")) {
      json.put("digest", "sha256:" + sha256(a.bytes));
    } else {
      json.putNull("digest");
    }
    json.put("download_count", 0);
    json.put(
        "browser_download_url",
        "https://github.example/"
            + owner
            + "/"
            + repo
            + "/releases/download/"
            + a.release.tag
            + "/"
            + a.name);
    return json;
  }

  private Optional<Release> release(long id) {
    return releases.stream().filter(r -> r.id == id).findFirst();
  }

  private Optional<Asset> asset(long id) {
    return releases.stream().flatMap(r -> r.assets.stream()).filter(a -> a.id == id).findFirst();
  }

  private static String strip(String path, String prefix) {
    if (prefix.isEmpty()) {
      return path;
    }
    return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : null;
  }

  private static JsonNode body(RecordedRequest request) {
    try {
      return JSON.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ObjectNode error(String message) {
    ObjectNode json = JSON.createObjectNode();
    json.put("message", message);
    json.put("documentation_url", "https://docs.github.com/rest");
    return json;
  }

  private static ObjectNode validation(String resource, String field, String code) {
    ObjectNode json = error("Validation Failed");
    ObjectNode error = json.putArray("errors").addObject();
    error.put("resource", resource);
    error.put("code", code);
    error.put("field", field);
    json.put("status", "422");
    return json;
  }

  private static MockResponse json(int status, JsonNode body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json; charset=utf-8")
        .addHeader("x-ratelimit-remaining", "4999")
        .body(body.toString())
        .build();
  }

  private static MockResponse dropConnection() {
    return new MockResponse.Builder()
        .onResponseStart(new SocketEffect.CloseSocket(true, true, true))
        .build();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops both servers (not {@code close()}: the server calls that on its dispatcher). */
  void stop() {
    server.close();
    storage.close();
  }
}
