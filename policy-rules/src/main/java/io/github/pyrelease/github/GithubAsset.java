package io.github.pyrelease.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A release asset as GitHub describes it.
 *
 * @param id GitHub's id
 * @param name its name (GitHub may have renamed it)
 * @param state {@code uploaded}, or {@code starter} when an upload did not finish
 * @param size in bytes
 * @param digest {@code sha256:<hex>} as GitHub computed it (since June 2025), or {@code null}
 * @param contentType the media type it is served with
 * @param browserDownloadUrl where users download it
 */
public record GithubAsset(
    long id,
    String name,
    String state,
    long size,
    String digest,
    String contentType,
    String browserDownloadUrl) {

  static GithubAsset from(JsonNode json) {
    return new GithubAsset(
        json.path("id").asLong(),
        json.path("name").asText(""),
        json.path("state").asText(""),
        json.path("size").asLong(-1),
        text(json, "digest"),
        json.path("content_type").asText(""),
        json.path("browser_download_url").asText(""));
  }

  /** Whether the upload finished. */
  public boolean uploaded() {
    return "uploaded".equals(state);
  }

  /** The lower-case hex sha256 of GitHub's digest, or {@code null} when it gave none. */
  public String sha256() {
    if (digest == null || !digest.regionMatches(true, 0, "sha256:", 0, 7)) {
      return null;
    }
    return digest.substring(7).toLowerCase(Locale.ROOT);
  }

  static String text(JsonNode json, String field) {
    JsonNode value = json.path(field);
    return value.isTextual() ? value.asText() : null;
  }
}
