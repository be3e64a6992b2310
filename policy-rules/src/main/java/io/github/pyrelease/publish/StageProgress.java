package io.github.pyrelease.publish;

import io.github.pyrelease.dist.ReleaseFile;
import java.util.Optional;

/** What a stage has done so far; every change is written to the state file at once. */
public interface StageProgress {

  /** Whether an earlier run of this stage published {@code file} with the same sha256. */
  boolean done(ReleaseFile file);

  /** Records {@code file} as published ({@code uploaded}, {@code already-present}, ...). */
  void published(ReleaseFile file, String outcome, String url);

  /** A stage-specific fact kept for a later run, such as a draft's id. */
  void detail(String key, String value);

  Optional<String> detail(String key);

  /** The page a person opens to see what the stage published. */
  void url(String url);

  void log(String message);
}
