package io.github.pyrelease.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.ReleaseFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The form fields, field by field, as twine maps core metadata to them. */
class UploadFormTest {

  @TempDir Path dir;

  private static List<String> pair(String name, String value) {
    return List.of(name, value);
  }

  private static List<List<String>> pairs(ReleaseFile file) {
    return UploadForm.fieldsOf(file).stream().map(f -> List.of(f.name(), f.value())).toList();
  }

  @Test
  void aWheelWithMetadata24SendsEveryFieldUnderItsFormName() throws Exception {
    ReleaseFile wheel =
        UploadFixtures.read(
            UploadFixtures.wheel(dir, UploadFixtures.richMetadata("2.4"), "py3-none-any"));

    assertThat(pairs(wheel))
        .containsExactly(
            pair("metadata_version", "2.4"),
            pair("name", "Acme-Widgets.Extra"),
            pair("version", "1.4.0"),
            pair("summary", "Widgets f\u00fcr Acme \u2014 \u00fcn\u00efcode \u2713"),
            pair("keywords", "widgets, acme, \u00fcn\u00ef, "),
            pair("home_page", "https://acme.example/"),
            pair("author", "J\u00f6hn D\u0153"),
            pair("author_email", "john@example.com"),
            pair("maintainer", ""),
            pair("license_expression", "MIT OR Apache-2.0"),
            pair("license_file", "LICENSE-MIT"),
            pair("license_file", "LICENSES/APACHE.txt"),
            pair("classifiers", "Programming Language :: Python :: 3"),
            pair("classifiers", "Operating System :: OS Independent"),
            pair("requires_dist", "requests>=2.31"),
            pair("requires_dist", "rich; extra == \"cli\""),
            pair("requires_python", ">=3.9"),
            pair("requires_external", "libfoo (>=1.0)"),
            pair("project_urls", "Source, https://github.com/acme/widgets"),
            pair("project_urls", "Docs, https://acme.example/docs"),
            pair("provides_extra", "cli"),
            pair("provides_dist", "acme_compat"),
            pair("obsoletes_dist", "acme-old"),
            pair("platform", "linux"),
            pair("platform", "macos"),
            pair("supported_platform", "linux-x86_64"),
            pair("dynamic", "Requires-Dist"),
            pair("description_content_type", "text/markdown; charset=UTF-8; variant=GFM"),
            pair("description", "# Acme\n\nWidgets \u2014 \u00fcn\u00efcode.\n"),
            pair("pyversion", "py3"),
            pair("filetype", "bdist_wheel"),
            pair("md5_digest", wheel.digests().md5()),
            pair("sha256_digest", wheel.sha256()),
            pair("blake2_256_digest", wheel.digests().blake2b256()),
            pair(":action", "file_upload"),
            pair("protocol_version", "1"));
  }

  @Test
  void licenseFilesAreDroppedBelowMetadata24AsTwineDoes() throws Exception {
    // setuptools writes License-File under Metadata-Version 2.1 with another meaning
    ReleaseFile old =
        UploadFixtures.read(
            UploadFixtures.wheel(dir, UploadFixtures.richMetadata("2.1"), "py3-none-any"));
    ReleaseFile v23 =
        UploadFixtures.read(UploadFixtures.sdist(dir, UploadFixtures.richMetadata("2.3")));
    ReleaseFile v210 =
        UploadFixtures.read(
            UploadFixtures.wheel(dir, UploadFixtures.richMetadata("2.10"), "py3-none-any"));

    assertThat(pairs(old)).extracting(p -> p.get(0)).doesNotContain("license_file");
    assertThat(pairs(old)).contains(pair("license_expression", "MIT OR Apache-2.0"));
    assertThat(pairs(v23)).extracting(p -> p.get(0)).doesNotContain("license_file");
    assertThat(pairs(v210)).extracting(p -> p.get(0)).contains("license_file");
  }

  @Test
  void anSdistIsSourceAndItsFieldsComeFromPkgInfo() throws Exception {
    ReleaseFile sdist =
        UploadFixtures.read(UploadFixtures.sdist(dir, UploadFixtures.richMetadata("2.4")));

    assertThat(pairs(sdist))
        .contains(
            pair("pyversion", "source"),
            pair("filetype", "sdist"),
            pair("name", "Acme-Widgets.Extra"),
            pair("license_file", "LICENSE-MIT"),
            pair("md5_digest", sdist.digests().md5()),
            pair("sha256_digest", sdist.sha256()));
    assertThat(pairs(sdist)).extracting(p -> p.get(0)).doesNotContain("x_custom", "X-Custom");
  }

  @Test
  void pyversionIsTheWheelsPythonTagBuildTagOrNot() throws Exception {
    String metadata = Archives.pkgInfo("acme", "1.0");
    for (String[] c :
        new String[][] {
          {"cp312-cp312-manylinux_2_17_x86_64", "cp312"},
          {"py2.py3-none-any", "py2.py3"},
          {"1b-py3-none-any", "py3"}
        }) {
      Path sub = Files.createDirectories(dir.resolve(c[1] + c[0].length()));
      ReleaseFile wheel =
          UploadFixtures.read(
              new Archives.Wheel("acme", "1.0").tag(c[0]).metadata(metadata).write(sub));
      assertThat(UploadForm.pyversion(wheel)).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void safeNameIsTwines() {
    assertThat(UploadForm.safeName("Zope.Interface")).isEqualTo("Zope.Interface");
    assertThat(UploadForm.safeName("foo__bar baz")).isEqualTo("foo-bar-baz");
    assertThat(UploadForm.safeName("a_-_b")).isEqualTo("a-b");
  }

  @Test
  void olderMetadataKeepsItsDescriptionHeaderUnfolded() throws Exception {
    String metadata =
        "Metadata-Version: 1.1\nName: acme\nVersion: 1.0\nDescription: First line\n"
            + "        second line\n        \n        third\n";
    ReleaseFile wheel =
        UploadFixtures.read(new Archives.Wheel("acme", "1.0").metadata(metadata).write(dir));

    assertThat(pairs(wheel)).contains(pair("description", "First line\nsecond line\n\nthird"));
  }

  @Test
  void aFileThatIsNeitherWheelNorSdistIsRefused() throws Exception {
    Path zip = Files.write(dir.resolve("acme-1.0.zip"), new byte[] {1});
    ReleaseFile wheel =
        UploadFixtures.read(
            new Archives.Wheel("acme", "1.0").write(Files.createTempDirectory(dir, "w")));
    ReleaseFile other =
        new ReleaseFile(
            zip,
            io.github.pyrelease.dist.DistributionKind.OTHER,
            wheel.digests(),
            wheel.metadata());

    assertThatThrownBy(() -> UploadForm.fieldsOf(other))
        .isInstanceOf(UploadException.class)
        .hasMessageContaining("acme-1.0.zip is neither a wheel");
  }
}
