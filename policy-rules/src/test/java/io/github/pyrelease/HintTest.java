package io.github.pyrelease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.project.ProjectReadException;
import io.github.pyrelease.project.PythonProjectReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintTest {

  @TempDir Path dir;

  @Test
  void aHintSpellsEachSettingAsTheFrontEndThatShowsIt() {
    Hint hint = Hint.of("force it (", Setting.FORCE.is("true"), ") or ", Setting.TAG.is("false"));

    assertThat(hint.render(FrontEnd.MAVEN))
        .isEqualTo("force it (-Dpyrelease.force=true) or -Dpyrelease.tag=false");
    assertThat(hint.render(FrontEnd.CLI)).isEqualTo("force it (--force) or --no-tag");
  }

  @Test
  void aHintHoldsOnlyTextAndSettings() {
    assertThatThrownBy(() -> Hint.of("text", 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMissingProjectDirectoryNamesTheSettingOfEachFrontEnd() {
    Path missing = dir.resolve("nowhere");
    ProjectReadException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ProjectReadException.class, () -> new PythonProjectReader().read(missing));

    assertThat(e.fix()).contains("-Dpyrelease.projectDir=path");
    assertThat(e.fix(FrontEnd.CLI)).contains("the DIR argument").doesNotContain("-D");
  }
}
