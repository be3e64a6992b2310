package io.github.pyrelease.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A release as GitHub describes it.
 *
 * @param id GitHub's id
 * @param tagName the tag it is for
 * @param name its title
 * @param draft whether it is a draft (visible only to those with push access)
 * @param prerelease whether it is marked as a pre-release
 * @param immutable whether it is published and immutable: no asset can be added, changed or removed
 * @param htmlUrl its page
 * @param uploadUrl where assets are uploaded, without the {@code {?name,label}} template
 * @param assets its assets, as the release object lists them
 */
public record GithubRelease(
    long id,
    String tagName,
    String name,
    boolean draft,
    boolean prerelease,
    boolean immutable,
    String htmlUrl,
    String uploadUrl,
    List<GithubAsset> assets) {

  public GithubRelease {
    assets = List.copyOf(assets);
  }

  static GithubRelease from(JsonNode json) {
    List<GithubAsset> assets = new ArrayList<>();
    json.path("assets").forEach(asset -> assets.add(GithubAsset.from(asset)));
    return new GithubRelease(
        json.path("id").asLong(),
        json.path("tag_name").asText(""),
        json.path("name").asText(""),
        json.path("draft").asBoolean(false),
        json.path("prerelease").asBoolean(false),
        json.path("immutable").asBoolean(false),
        json.path("html_url").asText(""),
        stripTemplate(json.path("upload_url").asText("")),
        assets);
  }

  /**
   * {@code https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}} without the RFC
   * 6570 template.
   */
  static String stripTemplate(String uploadUrl) {
    int brace = uploadUrl.indexOf('{');
    return brace < 0 ? uploadUrl : uploadUrl.substring(0, brace);
  }
}
