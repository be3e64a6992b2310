package io.github.pyrelease.publish;

import io.github.pyrelease.publish.plan.PublishStage;

/** The {@code verify-install} gate: the version just published installs and imports. */
public interface InstallCheck {

  /**
   * Installs {@code release} from the index of {@code stage} into a fresh environment, imports it
   * and compares the installed version.
   *
   * @return what was verified, for the log and the record
   * @throws io.github.pyrelease.PyreleaseException when it does not install, import or match
   */
  String verify(PublishStage.Index stage, Release release);
}
