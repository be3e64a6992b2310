package io.github.pyrelease.upload;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpRequest;
import io.github.pyrelease.http.HttpResponse;
import io.github.pyrelease.http.HttpTransportException;
import io.github.pyrelease.http.SecureUrls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * PyPI Trusted Publishing from GitHub Actions: the index's OIDC audience, a GitHub ID token for it
 * (the job needs {@code permissions: id-token: write}, which sets {@code
 * ACTIONS_ID_TOKEN_REQUEST_URL} and {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}), exchanged at the index
 * for a short-lived upload token. In GitHub Actions each token is masked ({@code ::add-mask::}) the
 * moment it is read, before anything could print it. A minted token is reused while more than five
 * minutes of it remain, as twine does.
 */
final class TrustedPublishing {

  static final String REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
  static final String REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final Duration MARGIN = Duration.ofMinutes(5);

  private final HttpClient http;
  private final Map<String, String> environment;
  private final Consumer<String> console;
  private final Clock clock;
  private final Map<String, Minted> minted = new ConcurrentHashMap<>();

  record Minted(Credentials credentials, Instant expires) {}

  TrustedPublishing(
      HttpClient http, Map<String, String> environment, Consumer<String> console, Clock clock) {
    this.http = http;
    this.environment = environment;
    this.console = console;
    this.clock = clock;
  }

  /** Whether the job may ask GitHub for an ID token. */
  boolean available() {
    return notBlank(environment.get(REQUEST_URL)) && notBlank(environment.get(REQUEST_TOKEN));
  }

  /** Why it is not available, for the list of places looked at. */
  String whyNot() {
    return "not in a GitHub Actions job with permissions id-token: write ("
        + REQUEST_URL
        + " and "
        + REQUEST_TOKEN
        + " are not both set)";
  }

  /**
   * An upload token for the index {@code uploadUrl} belongs to.
   *
   * @throws UploadException when a step fails; the message says which and what the index said
   */
  Credentials credentials(String uploadUrl) {
    HttpUrl upload;
    try {
      upload = SecureUrls.require(uploadUrl, "upload");
    } catch (PyreleaseException e) {
      throw new UploadException(
          UploadException.Kind.CONFIGURATION,
          "trusted publishing: " + e.getMessage(),
          e.where(),
          e.fix());
    }
    String origin = upload.scheme() + "://" + upload.host() + ":" + upload.port();
    Minted known = minted.get(origin);
    if (known != null && clock.instant().plus(MARGIN).isBefore(known.expires())) {
      return known.credentials();
    }
    String audience = audience(upload);
    Secret idToken = idToken(audience);
    Minted fresh = mint(upload, audience, idToken);
    minted.put(origin, fresh);
    return fresh.credentials();
  }

  private String audience(HttpUrl upload) {
    HttpUrl url = upload.resolve("/_/oidc/audience");
    HttpResponse response =
        send(HttpRequest.get(url.toString()), "ask " + url + " for its audience");
    return audienceFrom(url, response);
  }

  /** The audience in the index's answer {@code response} from {@code url}. */
  String audienceFrom(HttpUrl url, HttpResponse response) {
    JsonNode json = json(response);
    if (response.status() != 200 || !json.path("audience").isTextual()) {
      throw failure(
          url
              + " answered "
              + response.status()
              + messageOf(json, response)
              + ": the index does not offer trusted publishing there",
          "publish with an API token instead, or check the stage's upload URL");
    }
    return json.path("audience").asText();
  }

  private Secret idToken(String audience) {
    String url =
        environment.get(REQUEST_URL)
            + (environment.get(REQUEST_URL).contains("?") ? "&" : "?")
            + "audience="
            + URLEncoder.encode(audience, StandardCharsets.UTF_8);
    Secret requestToken = Secret.of(environment.get(REQUEST_TOKEN));
    HttpRequest request =
        new HttpRequest(
            "GET",
            url,
            Map.of("Authorization", "bearer " + requestToken.reveal()),
            null,
            null,
            false);
    HttpResponse response = send(request, "ask GitHub for an ID token");
    return idTokenFrom(audience, requestToken, response);
  }

  /** The ID token in GitHub's answer {@code response} to {@code requestToken}'s request. */
  Secret idTokenFrom(String audience, Secret requestToken, HttpResponse response) {
    JsonNode json = json(response);
    if (response.status() != 200 || !json.path("value").isTextual()) {
      throw failure(
          "GitHub answered "
              + response.status()
              + " to the request for an ID token with audience '"
              + audience
              + "'"
              + requestToken.maskIn(messageOf(json, response)),
          "give the job 'permissions: id-token: write' and run it again");
    }
    Secret token = Secret.of(json.path("value").asText());
    mask(token);
    return token;
  }

  private Minted mint(HttpUrl upload, String audience, Secret idToken) {
    HttpUrl url = upload.resolve("/_/oidc/mint-token");
    ObjectNode payload = MAPPER.createObjectNode().put("token", idToken.reveal());
    HttpRequest request =
        new HttpRequest(
            "POST",
            url.toString(),
            Map.of("Accept", "application/json"),
            null,
            RequestBody.create(payload.toString(), JSON),
            false);
    HttpResponse response = send(request, "exchange the ID token at " + url);
    return mintedFrom(url, audience, idToken, response);
  }

  /** The upload token in the index's answer {@code response} from {@code url}. */
  Minted mintedFrom(HttpUrl url, String audience, Secret idToken, HttpResponse response) {
    JsonNode json = json(response);
    if (response.status() == 200 && json.path("token").isTextual()) {
      Secret token = Secret.of(json.path("token").asText());
      mask(token);
      Instant expires =
          expiry(json.path("expires")).orElseGet(() -> clock.instant().plus(LIFETIME));
      return new Minted(
          new Credentials(
              "__token__",
              token,
              "PyPI trusted publishing (GitHub Actions OIDC, audience " + audience + ")"),
          expires);
    }
    if (response.status() == 422 && json.isObject()) {
      List<String> errors = new ArrayList<>();
      for (JsonNode error : json.path("errors")) {
        errors.add(error.path("code").asText("?") + ": " + error.path("description").asText(""));
      }
      throw failure(
          url
              + " refused the GitHub ID token: "
              + masked(
                  json.path("message").asText("Token request failed")
                      + (errors.isEmpty() ? "" : " (" + String.join("; ", errors) + ")"),
                  idToken),
          "register this repository and workflow as a trusted publisher of the project on the"
              + " index (or a pending publisher for a new project); see"
              + " https://docs.pypi.org/trusted-publishers/");
    }
    throw failure(
        url
            + " answered "
            + response.status()
            + " to the token exchange"
            + masked(messageOf(json, null), idToken),
        "try again later; if it persists, publish with an API token");
  }

  /** The index's {@code expires} (epoch seconds), when it is a time at all. */
  private static Optional<Instant> expiry(JsonNode expires) {
    if (!expires.canConvertToLong()) {
      return Optional.empty();
    }
    long seconds = expires.asLong();
    return seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()
        ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(seconds));
  }

  /** {@code text} without the ID token nor the token that asked for it. */
  private String masked(String text, Secret idToken) {
    return Secret.of(environment.get(REQUEST_TOKEN)).maskIn(idToken.maskIn(text));
  }

  /** In GitHub Actions, tells the runner to hide {@code secret} in every log line from now on. */
  private void mask(Secret secret) {
    if ("true".equalsIgnoreCase(environment.get("GITHUB_ACTIONS"))) {
      console.accept("::add-mask::" + secret.reveal());
    }
  }

  private HttpResponse send(HttpRequest request, String what) {
    try {
      return http.send(request);
    } catch (HttpTransportException e) {
      throw new UploadException(
          UploadException.Kind.TRANSPORT,
          "trusted publishing: cannot " + what + ": " + e.getMessage(),
          e.url(),
          "check the network and run again",
          e);
    } catch (PyreleaseException e) {
      throw new UploadException(
          UploadException.Kind.CONFIGURATION,
          "trusted publishing: cannot " + what + ": " + e.getMessage(),
          e.where(),
          e.fix());
    }
  }

  private static JsonNode json(HttpResponse response) {
    try {
      JsonNode node = MAPPER.readTree(response.text());
      return node == null ? MAPPER.createObjectNode() : node;
    } catch (JacksonException e) {
      return MAPPER.createObjectNode();
    }
  }

  /** ": <message>" from a JSON error body, else from the reason phrase; "" when neither says. */
  private static String messageOf(JsonNode json, HttpResponse response) {
    if (json.path("message").isTextual()) {
      return ": " + json.path("message").asText();
    }
    if (response != null && !response.reason().isBlank()) {
      return " " + response.reason().strip();
    }
    return "";
  }

  private static UploadException failure(String what, String fix) {
    return new UploadException(
        UploadException.Kind.CREDENTIALS, "trusted publishing: " + what, null, fix);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
