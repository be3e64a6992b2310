package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.license.ProjectLicense;
import io.github.pyrelease.license.ProjectLicense.Form;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLicenseReaderTest {

  @TempDir Path dir;

  private ProjectLicense read(String pyproject) throws IOException {
    Files.writeString(dir.resolve("pyproject.toml"), pyproject);
    return new ProjectLicenseReader().read(dir).orElseThrow();
  }

  @Test
  void readsTheExpressionTheGlobsWithTheirMatchesAndTheClassifiers() throws IOException {
    Files.writeString(dir.resolve("LICENSE"), "MIT");
    Files.createDirectories(dir.resolve("licenses/vendored"));
    Files.writeString(dir.resolve("licenses/vendored/BSD.txt"), "BSD");
    Files.createDirectories(dir.resolve(".venv/x"));
    Files.writeString(dir.resolve(".venv/x/LICENSE"), "not the project's");
    ProjectLicense license =
        read(
            """
            [project]
            name = "demo"
            version = "1.0"
            license = "MIT"
            license-files = [
              "LICEN[CS]E*",
              "licenses/**/*.txt",
              "NOTICE",
            ]
            classifiers = ["Programming Language :: Python", "License :: OSI Approved :: MIT License"]
            """);
    assertThat(license.form()).isEqualTo(Form.EXPRESSION);
    assertThat(license.value()).isEqualTo("MIT");
    assertThat(license.line()).isEqualTo(4);
    assertThat(license.licenseFiles())
        .extracting(ProjectLicense.FilePattern::matches)
        .containsExactly(
            java.util.List.of("LICENSE"),
            java.util.List.of("licenses/vendored/BSD.txt"),
            java.util.List.of());
    assertThat(license.classifiers())
        .extracting(ProjectLicense.Classifier::text)
        .containsExactly("License :: OSI Approved :: MIT License");
  }

  @Test
  void readsTheLegacyTables() throws IOException {
    ProjectLicense text =
        read("[project]\nname = \"d\"\nversion = \"1\"\nlicense = { text = \"MIT\" }\n");
    assertThat(text.form()).isEqualTo(Form.TABLE_TEXT);
    assertThat(text.value()).isEqualTo("MIT");
    ProjectLicense file =
        read("[project]\nname = \"d\"\nversion = \"1\"\nlicense = { file = \"COPYING\" }\n");
    assertThat(file.form()).isEqualTo(Form.TABLE_FILE);
    assertThat(file.fileExists()).isFalse();
    ProjectLicense dynamic =
        read("[project]\nname = \"d\"\nversion = \"1\"\ndynamic = [\"license\"]\n");
    assertThat(dynamic.form()).isEqualTo(Form.DYNAMIC);
    ProjectLicense none = read("[project]\nname = \"d\"\nversion = \"1\"\n");
    assertThat(none.form()).isEqualTo(Form.NONE);
  }
}
