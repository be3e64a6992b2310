package io.github.pyrelease.publish.plan;

import java.util.List;
import java.util.Optional;

/**
 * The release's stages in the order they run.
 *
 * @param stages the stages, in order
 * @param origin the policy file that declares them, for messages
 */
public record PublishPlan(List<PublishStage> stages, String origin) {

  public PublishPlan {
    stages = List.copyOf(stages);
  }

  public static PublishPlan empty(String origin) {
    return new PublishPlan(List.of(), origin);
  }

  public boolean isEmpty() {
    return stages.isEmpty();
  }

  public Optional<PublishStage> stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The stages that publish the release, in order: every stage but the notify ones. */
  public List<PublishStage> publishing() {
    return stages.stream().filter(s -> !(s instanceof PublishStage.Notify)).toList();
  }

  /** The notify stages, which run once every other stage is done (the policy puts them last). */
  public List<PublishStage> notifications() {
    return stages.stream().filter(s -> s instanceof PublishStage.Notify).toList();
  }

  /** The repository of the first GitHub Release stage that names one. */
  public Optional<String> githubRepository() {
    return stages.stream()
        .filter(s -> s instanceof PublishStage.GithubRelease g && g.repository() != null)
        .map(s -> ((PublishStage.GithubRelease) s).repository())
        .findFirst();
  }
}
