package io.github.pyrelease.publish.plan;

import io.github.pyrelease.policyfile.Position;
import java.util.Set;

/** One stage of the release, as the policy's {@code publish} section declares it. */
public sealed interface PublishStage
    permits PublishStage.Index,
        PublishStage.GithubRelease,
        PublishStage.PagesIndex,
        PublishStage.Notify {

  /** The stage's name, unique in the section: what {@code pyrelease.approve} names. */
  String name();

  /**
   * The stage type as written: {@code index}, {@code github-release}, {@code pages-index} or {@code
   * notify}.
   */
  String type();

  Set<Gate> gates();

  /** Where the stage is declared. */
  Position at();

  /**
   * A PyPI-compatible index, through its legacy upload API.
   *
   * @param uploadUrl the upload endpoint, such as {@code https://upload.pypi.org/legacy/}
   * @param indexUrl where the index is read (JSON or simple API), or {@code null} for the one the
   *     upload URL implies
   * @param serverId settings.xml server id of the credentials
   * @param verifyExtraIndex an index {@code verify-install} may take dependencies from, or {@code
   *     null} to install the package alone
   */
  record Index(
      String name,
      String uploadUrl,
      String indexUrl,
      String serverId,
      String verifyExtraIndex,
      Set<Gate> gates,
      Position at)
      implements PublishStage {
    @Override
    public String type() {
      return "index";
    }
  }

  /**
   * A GitHub Release of the version's tag, with the distributions and SHA256SUMS as assets.
   *
   * @param repository {@code owner/name}, or {@code null} for {@code GITHUB_REPOSITORY}
   * @param apiUrl the REST API root (GitHub Enterprise: {@code https://host/api/v3})
   * @param serverId settings.xml server id of the token
   * @param tagFormat the tag's name, {@code {version}} and {@code {name}} filled in
   * @param generatedNotes whether GitHub writes the notes (the changelog section goes first)
   */
  record GithubRelease(
      String name,
      String repository,
      String apiUrl,
      String serverId,
      String tagFormat,
      boolean generatedNotes,
      Set<Gate> gates,
      Position at)
      implements PublishStage {
    @Override
    public String type() {
      return "github-release";
    }
  }

  /**
   * A static PEP 503/691 index whose links point at the release's assets, for GitHub Pages.
   *
   * @param output the folder to write, relative to the project
   * @param filesUrl where each file is downloaded, {@code {repository}}, {@code {tag}}, {@code
   *     {version}} and {@code {file}} filled in
   * @param repository {@code owner/name} for the default files URL, or {@code null}
   * @param tagFormat the tag's name in the files URL
   */
  record PagesIndex(
      String name,
      String output,
      String filesUrl,
      String repository,
      String tagFormat,
      Set<Gate> gates,
      Position at)
      implements PublishStage {
    @Override
    public String type() {
      return "pages-index";
    }
  }

  /**
   * A JSON summary of what the stages before it published, posted to a webhook (Slack-compatible):
   * it publishes nothing, so it comes after every stage that does.
   *
   * @param serverId the settings.xml server whose password is the webhook URL
   * @param webhookEnv the environment variable that holds the webhook URL when settings.xml has no
   *     such server
   */
  record Notify(String name, String serverId, String webhookEnv, Set<Gate> gates, Position at)
      implements PublishStage {

    public static final String TYPE = "notify";

    @Override
    public String type() {
      return TYPE;
    }
  }
}
