package io.github.pyrelease.upload;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.dist.ReleaseFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Distributions with rich metadata, written by the tests that upload them. */
final class UploadFixtures {

  static final String TOKEN = "pypi-AgEIcHlwaS5vcmcCJFAKE-TOKEN-7f3a9c";

  /**
   * Metadata with every kind of field: multiple-use ones, Unicode, an empty value, keywords to
   * split, project URLs with and without a space, a header that is not core metadata, a body.
   */
  static String richMetadata(String metadataVersion) {
    return "Metadata-Version: "
        + metadataVersion
        + "\nName: Acme_Widgets.Extra\nVersion: 1.4.0\n"
        + "Summary: Widgets f\u00fcr Acme \u2014 \u00fcn\u00efcode \u2713\n"
        + "Keywords: widgets,acme ,  \u00fcn\u00ef,\n"
        + "Home-page: https://acme.example/\n"
        + "Author: J\u00f6hn D\u0153\nAuthor-email: john@example.com\nMaintainer:\n"
        + "License-Expression: MIT OR Apache-2.0\n"
        + "License-File: LICENSE-MIT\nLicense-File: LICENSES/APACHE.txt\n"
        + "Classifier: Programming Language :: Python :: 3\n"
        + "Classifier: Operating System :: OS Independent\n"
        + "Requires-Dist: requests>=2.31\nRequires-Dist: rich; extra == \"cli\"\n"
        + "Requires-Python: >=3.9\nRequires-External: libfoo (>=1.0)\n"
        + "Project-URL: Source, https://github.com/acme/widgets\n"
        + "Project-URL: Docs,https://acme.example/docs\n"
        + "Provides-Extra: cli\nProvides-Dist: acme_compat\nObsoletes-Dist: acme-old\n"
        + "Platform: linux\nPlatform: macos\nSupported-Platform: linux-x86_64\n"
        + "Dynamic: Requires-Dist\n"
        + "Description-Content-Type: text/markdown; charset=UTF-8; variant=GFM\n"
        + "X-Custom: not core metadata\n"
        + "\n# Acme\n\nWidgets \u2014 \u00fcn\u00efcode.\n";
  }

  static Path wheel(Path dir, String metadata, String tag) throws IOException {
    return new Archives.Wheel("acme_widgets.extra", "1.4.0")
        .tag(tag)
        .metadata(metadata)
        .file("LICENSE-MIT", "MIT\n")
        .write(dir);
  }

  static Path sdist(Path dir, String metadata) throws IOException {
    Path file = dir.resolve("acme_widgets_extra-1.4.0.tar.gz");
    Files.write(file, Archives.tarGz(Archives.sdist("acme_widgets_extra", "1.4.0", metadata)));
    return file;
  }

  /** The release file of {@code file}, read as publishing reads it. */
  static ReleaseFile read(Path file) throws IOException {
    Path alone = Files.createTempDirectory(file.getParent(), "one");
    Files.copy(file, alone.resolve(file.getFileName()));
    List<ReleaseFile> files = ReleaseFiles.read(alone);
    return files.get(0);
  }

  static Credentials token() {
    return new Credentials("__token__", Secret.of(TOKEN), "environment PYRELEASE_PYPI_TOKEN");
  }

  private UploadFixtures() {}
}
