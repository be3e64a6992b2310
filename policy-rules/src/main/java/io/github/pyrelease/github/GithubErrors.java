package io.github.pyrelease.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.http.HttpResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns GitHub's error answers into messages that say what was asked, what GitHub said ({@code
 * message} and {@code errors[]}) and what to do. Every message is masked with the token.
 */
final class GithubErrors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PERMISSION =
      "'contents: write' on the repository (fine-grained token or GitHub App: Repository"
          + " permissions > Contents: Read and write; classic token: the 'repo' scope, or"
          + " 'public_repo' for a public repository; GitHub Actions: permissions: contents: write)";

  private GithubErrors() {}

  /** GitHub's {@code message}, or {@code null} when the answer has none. */
  static String message(HttpResponse response) {
    JsonNode json = json(response);
    return json == null ? null : GithubAsset.text(json, "message");
  }

  /**
   * What GitHub said: its {@code message} and each of {@code errors[]}, or the start of the body.
   */
  static String said(HttpResponse response) {
    JsonNode json = json(response);
    if (json == null) {
      String text = response.text().replaceAll("\\s+", " ").strip();
      return text.isEmpty()
          ? "no message"
          : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
    StringBuilder said = new StringBuilder(json.path("message").asText("no message"));
    List<String> errors = new ArrayList<>();
    for (JsonNode error : json.path("errors")) {
      if (error.isTextual()) {
        errors.add(error.asText());
      } else {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("resource", "field", "code", "message")) {
          if (error.path(field).isTextual()) {
            parts.add(field + " " + error.path(field).asText());
          }
        }
        errors.add(String.join(", ", parts));
      }
    }
    if (!errors.isEmpty()) {
      said.append(" (").append(String.join("; ", errors)).append(')');
    }
    return said.toString();
  }

  static List<String> codes(HttpResponse response) {
    JsonNode json = json(response);
    List<String> codes = new ArrayList<>();
    if (json != null) {
      json.path("errors").forEach(error -> codes.add(error.path("code").asText("")));
    }
    return codes;
  }

  /** The error for an answer that was not the one expected. */
  static GithubApiException fail(
      HttpResponse response, String action, GithubRepository repository, Credentials token) {
    int status = response.status();
    String said = said(response);
    String what;
    String fix;
    if (status == 401) {
      what = "GitHub refused the token from " + token.origin() + " (401 " + said + ")";
      fix = "the token is wrong, expired or revoked: create a new one with " + PERMISSION;
    } else if (status == 403) {
      what =
          "GitHub refused "
              + action
              + " (403 "
              + said
              + "): the token from "
              + token.origin()
              + " lacks a permission";
      fix = "give the token " + PERMISSION;
    } else if (status == 404) {
      what =
          "GitHub answered 404 to "
              + action
              + ": the repository "
              + repository
              + " does not exist, or the token from "
              + token.origin()
              + " cannot see it (GitHub answers 404 for both)";
      fix =
          "check the repository name, and that the token may access "
              + repository
              + " (a fine-grained token lists its repositories) with "
              + PERMISSION;
    } else if (status >= 500) {
      what =
          "GitHub answered "
              + status
              + " to "
              + action
              + (response.retryNote() == null ? "" : " (" + response.retryNote() + ")")
              + ": "
              + said;
      fix =
          "GitHub may be having trouble (https://www.githubstatus.com): run again later; pyrelease"
              + " resumes where it stopped";
    } else {
      what = "GitHub answered " + status + " to " + action + ": " + said;
      fix = null;
    }
    return new GithubApiException(
        token.password().maskIn(what),
        response.url(),
        token.password().maskIn(fix),
        status,
        codes(response));
  }

  /** The error for a rate limit too long to wait for. */
  static GithubApiException rateLimited(
      HttpResponse response, RateLimit limit, String action, Instant now, Credentials token) {
    long minutes = Math.max(1, Duration.between(now, limit.resetsAt()).toMinutes());
    String what =
        "GitHub's "
            + limit.what()
            + " is used up ("
            + response.status()
            + " "
            + said(response)
            + ") while "
            + action
            + "; it resets at "
            + limit.resetsAt().truncatedTo(ChronoUnit.SECONDS)
            + " (in about "
            + minutes
            + (minutes == 1 ? " minute)" : " minutes)");
    return new GithubApiException(
        token.password().maskIn(what),
        response.url(),
        "run again after the reset: pyrelease resumes where it stopped (in GitHub Actions the"
            + " GITHUB_TOKEN has 1,000 requests an hour per repository)",
        response.status(),
        codes(response));
  }

  private static JsonNode json(HttpResponse response) {
    if (response.body().length == 0) {
      return null;
    }
    try {
      JsonNode json = JSON.readTree(response.body());
      return json != null && json.isObject() ? json : null;
    } catch (IOException e) {
      return null;
    }
  }
}
