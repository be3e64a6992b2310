package io.github.pyrelease.github;

import io.github.pyrelease.PyreleaseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The GitHub Release to publish for a version's tag.
 *
 * @param repository where
 * @param tag the version's tag, such as {@code v1.2.0}
 * @param name the release's title (the tag when not given)
 * @param body its notes, markdown ("" for none)
 * @param generateNotes whether GitHub generates notes too; a given {@code body} comes first
 * @param prerelease marks a pre-release, which is never made "latest"
 * @param targetCommitish the commit GitHub tags when the tag does not exist there yet, or {@code
 *     null} (GitHub would then tag the default branch's head)
 * @param assets the files to attach, with unique names
 * @param listener hears each step
 */
public record GithubReleaseRequest(
    GithubRepository repository,
    String tag,
    String name,
    String body,
    boolean generateNotes,
    boolean prerelease,
    String targetCommitish,
    List<AssetFile> assets,
    GithubReleaseListener listener) {

  public GithubReleaseRequest {
    Objects.requireNonNull(repository, "repository");
    if (tag == null
        || tag.isBlank()
        || !tag.equals(tag.strip())
        || tag.chars().anyMatch(c -> c <= ' ')) {
      throw new PyreleaseException(
          "the release tag '" + tag + "' is empty or holds spaces or control characters",
          null,
          "use the version's tag, such as v1.2.0");
    }
    name = name == null || name.isBlank() ? tag : name;
    body = body == null ? "" : body;
    targetCommitish = targetCommitish == null || targetCommitish.isBlank() ? null : targetCommitish;
    assets = List.copyOf(assets);
    listener = listener == null ? GithubReleaseListener.NONE : listener;
    Set<String> names = new HashSet<>();
    for (AssetFile asset : assets) {
      if (!names.add(asset.name().toLowerCase(Locale.ROOT))) {
        throw new PyreleaseException(
            "two release assets are named " + asset.name(),
            asset.path().toString(),
            "give every asset its own name");
      }
    }
  }

  /**
   * A request for {@code tag} in {@code repository} ({@code owner/name}); the rest by the builder.
   */
  public static Builder builder(String repository, String tag) {
    return new Builder(GithubRepository.parse(repository), tag);
  }

  /** Builds a {@link GithubReleaseRequest}. */
  public static final class Builder {
    private final GithubRepository repository;
    private final String tag;
    private String name;
    private String body = "";
    private boolean generateNotes;
    private boolean prerelease;
    private String targetCommitish;
    private final List<AssetFile> assets = new ArrayList<>();
    private GithubReleaseListener listener = GithubReleaseListener.NONE;

    private Builder(GithubRepository repository, String tag) {
      this.repository = repository;
      this.tag = tag;
    }

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder body(String markdown) {
      this.body = markdown;
      return this;
    }

    public Builder generateNotes(boolean value) {
      this.generateNotes = value;
      return this;
    }

    public Builder prerelease(boolean value) {
      this.prerelease = value;
      return this;
    }

    public Builder targetCommitish(String commit) {
      this.targetCommitish = commit;
      return this;
    }

    public Builder asset(AssetFile asset) {
      this.assets.add(asset);
      return this;
    }

    public Builder assets(List<AssetFile> list) {
      this.assets.addAll(list);
      return this;
    }

    public Builder listener(GithubReleaseListener value) {
      this.listener = value;
      return this;
    }

    public GithubReleaseRequest build() {
      return new GithubReleaseRequest(
          repository,
          tag,
          name,
          body,
          generateNotes,
          prerelease,
          targetCommitish,
          assets,
          listener);
    }
  }
}
