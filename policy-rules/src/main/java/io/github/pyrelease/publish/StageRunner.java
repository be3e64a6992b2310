package io.github.pyrelease.publish;

import io.github.pyrelease.publish.plan.PublishStage;
import java.util.List;

/** Publishes one type of stage: an index, a GitHub Release, a static index. */
public interface StageRunner {

  /** Where {@code stage} publishes (an upload URL, a repository, a folder), for the record. */
  String target(PublishStage stage, Release release);

  /** What {@link #publish} would send or write, line by line, sending and writing nothing. */
  List<String> describe(PublishStage stage, Release release);

  /**
   * Publishes the release's files, skipping those {@code progress} says are done and recording each
   * one as soon as it is published.
   *
   * @throws io.github.pyrelease.PyreleaseException when the stage cannot finish; what was recorded
   *     stays recorded
   */
  void publish(PublishStage stage, Release release, StageProgress progress);
}
