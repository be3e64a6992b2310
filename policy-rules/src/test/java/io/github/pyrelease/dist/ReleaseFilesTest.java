package io.github.pyrelease.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseFilesTest {

  private static final String PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");

  @TempDir Path dir;

  @Test
  void digestsAreThoseOfPythonsHashlib() throws Exception {
    byte[] bytes = new byte[3 * (1 << 16) + 17]; // several buffers and a partial one
    new Random(7).nextBytes(bytes);
    Path file = Files.write(dir.resolve("blob.bin"), bytes);

    FileDigests digests = FileDigests.of(file);

    String python =
        python(
            "import hashlib,sys; d=open(sys.argv[1],'rb').read();"
                + " print(hashlib.sha256(d).hexdigest(), hashlib.blake2b(d, digest_size=32).hexdigest(),"
                + " hashlib.md5(d).hexdigest())",
            file.toString());
    assertThat(digests.sha256() + " " + digests.blake2b256() + " " + digests.md5())
        .isEqualTo(python);
    assertThat(digests.size()).isEqualTo(bytes.length);
  }

  @Test
  void emptyFileHasTheDigestsOfNothing() throws Exception {
    FileDigests digests = FileDigests.of(Files.write(dir.resolve("empty"), new byte[0]));
    assertThat(digests.sha256())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // RFC 7693 BLAKE2b with a 32-byte digest of the empty string
    assertThat(digests.blake2b256())
        .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    assertThat(digests.md5()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
  }

  @Test
  void readsSdistsFirstWithTheirOwnMetadata() throws Exception {
    new Archives.Wheel("acme-widgets", "1.4.0").write(dir);
    Files.write(
        dir.resolve("acme_widgets-1.4.0.tar.gz"),
        Archives.tarGz(
            Archives.sdist("acme-widgets", "1.4.0", Archives.pkgInfo("acme-widgets", "1.4.0"))));
    Files.writeString(dir.resolve("notes.txt"), "not a distribution");

    List<ReleaseFile> files = ReleaseFiles.read(dir);

    assertThat(files)
        .extracting(ReleaseFile::fileName)
        .containsExactly("acme_widgets-1.4.0.tar.gz", "acme_widgets-1.4.0-py3-none-any.whl");
    assertThat(files)
        .extracting(ReleaseFile::kind)
        .containsExactly(DistributionKind.SDIST, DistributionKind.WHEEL);
    assertThat(files).extracting(ReleaseFile::name).containsOnly("acme-widgets");
    assertThat(files).extracting(ReleaseFile::version).containsOnly("1.4.0");
    assertThat(files.get(1).size()).isEqualTo(Files.size(files.get(1).path()));
  }

  @Test
  void anEmptyDistDirectoryIsAClearError() {
    assertThatThrownBy(() -> ReleaseFiles.read(dir.resolve("missing")))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("no wheel or sdist to publish in")
        .satisfies(e -> assertThat(((PyreleaseException) e).fix()).contains("pyrelease build"));
  }

  @Test
  void aWheelWithoutMetadataIsAClearError() throws IOException {
    Files.write(
        dir.resolve("broken-1.0-py3-none-any.whl"),
        Archives.zip(java.util.Map.of("broken/__init__.py", new byte[0])));
    assertThatThrownBy(() -> ReleaseFiles.read(dir))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("broken-1.0-py3-none-any.whl has no core metadata");
  }

  @Test
  void aTruncatedSdistIsAClearError() throws IOException {
    byte[] whole = Archives.tarGz(Archives.sdist("cut", "1.0", Archives.pkgInfo("cut", "1.0")));
    byte[] cut = java.util.Arrays.copyOf(whole, 20);
    Files.write(dir.resolve("cut-1.0.tar.gz"), cut);
    assertThatThrownBy(() -> ReleaseFiles.read(dir))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("cut-1.0.tar.gz");
  }

  private static String python(String code, String arg) throws Exception {
    Process process = new ProcessBuilder(PYTHON, "-c", code, arg).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.strip();
  }
}
