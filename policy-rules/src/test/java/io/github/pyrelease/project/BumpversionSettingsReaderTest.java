package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BumpversionSettingsReaderTest {

  @TempDir Path dir;

  private BumpversionSettings read() {
    return new PythonProjectReader().readBumpversionSettings(dir).orElseThrow();
  }

  @Test
  void cfgComesFirstAndReadsLabelledFileSectionsPartsAndLists() throws IOException {
    Files.writeString(
        dir.resolve("pyproject.toml"), "[tool.bumpversion]\ncurrent_version = \"9\"\n");
    Files.writeString(
        dir.resolve(".bumpversion.cfg"),
        "[bumpversion]\ncurrent_version = 1.0.0\ncommit = yes\ntag = Off\nserialize =\n"
            + "    {major}.{minor}.{patch}\n    {major}.{minor}\n\n"
            + "[bumpversion:part:release]\nvalues =\n    dev\n    prod\noptional_value = prod\n\n"
            + "[bumpversion:file(notes):docs/a.txt]\nsearch = v{current_version}\n\n"
            + "[bumpversion:glob:**/*.yaml]\nignore_missing_version = true\n");
    BumpversionSettings settings = read();
    assertThat(settings.file()).isEqualTo(".bumpversion.cfg");
    assertThat(settings.currentVersion()).isEqualTo("1.0.0");
    assertThat(settings.commit()).isTrue();
    assertThat(settings.tag()).isFalse();
    assertThat(settings.serialize()).containsExactly("{major}.{minor}.{patch}", "{major}.{minor}");
    assertThat(settings.parts().get("release").values()).containsExactly("dev", "prod");
    assertThat(settings.files()).hasSize(2);
    assertThat(settings.files().get(0).filename()).isEqualTo("docs/a.txt");
    assertThat(settings.files().get(0).search()).isEqualTo("v{current_version}");
    assertThat(settings.files().get(1).glob()).isEqualTo("**/*.yaml");
    assertThat(settings.files().get(1).ignoreMissingVersion()).isTrue();
  }

  @Test
  void setupCfgWithoutBumpversionSectionIsSkipped() throws IOException {
    Files.writeString(dir.resolve("setup.cfg"), "[metadata]\nname = x\n");
    Files.writeString(
        dir.resolve("pyproject.toml"),
        "[tool.bumpversion]\ncurrent_version = \"2.0\"\n[tool.bumpversion.parts.build]\n"
            + "first_value = 1\n[[tool.bumpversion.files]]\nglob = \"*.txt\"\n"
            + "glob_exclude = \"skip.txt\"\n");
    BumpversionSettings settings = read();
    assertThat(settings.file()).isEqualTo("pyproject.toml");
    assertThat(settings.parts().get("build").firstValue()).isEqualTo("1");
    assertThat(settings.files().get(0).globExclude()).containsExactly("skip.txt");
    assertThat(settings.files().get(0).where()).isEqualTo("pyproject.toml:5");
  }

  @Test
  void noConfigurationIsEmpty() throws IOException {
    Files.writeString(dir.resolve("pyproject.toml"), "[project]\nname = \"x\"\nversion = \"1\"\n");
    assertThat(new PythonProjectReader().readBumpversionSettings(dir)).isEmpty();
  }

  @Test
  void badValuesNameTheFileAndLine() throws IOException {
    Files.writeString(dir.resolve(".bumpversion.cfg"), "[bumpversion]\ncommit = maybe\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(ProjectReadException.class)
        .hasMessage("commit must be True or False, not 'maybe'")
        .satisfies(
            e -> assertThat(((ProjectReadException) e).where()).isEqualTo(".bumpversion.cfg:2"));

    Files.delete(dir.resolve(".bumpversion.cfg"));
    Files.writeString(
        dir.resolve(".bumpversion.toml"),
        "[tool.bumpversion]\n[[tool.bumpversion.files]]\nfilename = 3\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(ProjectReadException.class)
        .hasMessage("the [[tool.bumpversion.files]] entry's filename must be a string");

    Files.writeString(dir.resolve(".bumpversion.toml"), "[tool.bumpversion]\nserialize = 3\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(ProjectReadException.class)
        .hasMessageContaining("tool.bumpversion.serialize must be a string or an array of strings");

    Files.writeString(dir.resolve(".bumpversion.toml"), "[tool.bumpversion\ncurrent_version = 1\n");
    assertThatThrownBy(this::read)
        .isInstanceOf(ProjectReadException.class)
        .hasMessageStartingWith(".bumpversion.toml is not valid TOML");
  }
}
