package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.cli.CliFixture.Run;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.RawZip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pyrelease check --stage dist} on hand-made hostile distributions: each ends in the message
 * a user will read (the real names filled in), and no report in any format carries a template
 * placeholder.
 */
class HostileDistributionsCheckTest {

  /** A template placeholder left unfilled: {@code {name}}, {@code {0}}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z0-9_][A-Za-z0-9_ .-]*\\}");

  private static final String META =
      "Metadata-Version: 2.1\nName: demo\nVersion: 1.0.0\nSummary: A demo.\n"
          + "Description-Content-Type: text/markdown\n\n";

  @TempDir Path dir;

  @Test
  void anOversizeMetadataIsRefusedWithItsSizeAndTheLimitNotCalledMissing() throws Exception {
    // text that barely compresses, so the size alone is what is wrong (no ratio finding)
    Random random = new Random(17);
    StringBuilder big = new StringBuilder(META);
    while (big.length() < 20 << 20) {
      big.append(Long.toString(random.nextLong(), 36)).append(' ');
    }
    wheel(Map.of("demo-1.0.0.dist-info/METADATA", big.toString().getBytes(StandardCharsets.UTF_8)));

    Run run = check();

    long size = big.length();
    assertThat(run.out())
        .contains(
            "FAIL dist-metadata: the core metadata of demo-1.0.0-py3-none-any.whl was refused:"
                + " demo-1.0.0.dist-info/METADATA is "
                + size
                + " bytes, more than the 16 MiB pyrelease reads of a core metadata file (a fixed"
                + " safety limit, not a policy option)")
        .contains("fix: shrink it: the long description (the README) is most of a METADATA file")
        .doesNotContain("has no core metadata");
    assertNoPlaceholders();
  }

  @Test
  void anOversizePkgInfoInAnSdistIsRefusedToo() throws Exception {
    Random random = new Random(18);
    StringBuilder big = new StringBuilder(META);
    while (big.length() < 17 << 20) {
      big.append(Long.toString(random.nextLong(), 36)).append(' ');
    }
    List<Archives.TarMember> members = Archives.sdist("demo", "1.0.0", big.toString());
    Files.createDirectories(dir.resolve("dist"));
    Files.write(dir.resolve("dist/demo-1.0.0.tar.gz"), Archives.tarGz(members));

    Run run = check();

    assertThat(run.out())
        .contains(
            "FAIL dist-metadata: the core metadata of demo-1.0.0.tar.gz was refused:"
                + " demo-1.0.0/PKG-INFO is "
                + big.length()
                + " bytes, more than the 16 MiB pyrelease reads");
    assertNoPlaceholders();
  }

  @Test
  void aTruncatedWheelNamesTheMetadataPathFromItsFileName() throws Exception {
    byte[] whole = wheelBytes(Map.of());
    Files.createDirectories(dir.resolve("dist"));
    Files.write(
        dir.resolve("dist/demo-1.0.0-py3-none-any.whl"),
        java.util.Arrays.copyOf(whole, whole.length / 2));

    Run run = check();

    assertThat(run.out())
        .contains(
            "FAIL dist-metadata: demo-1.0.0-py3-none-any.whl has no core metadata at"
                + " demo-1.0.0.dist-info/METADATA (the archive cannot be read as a zip archive")
        .contains("fix: rebuild it: the file is damaged");
    assertNoPlaceholders();
  }

  @Test
  void metadataThatIsNotUtf8IsReportedAtItsPath() throws Exception {
    byte[] meta = (META + "caf").getBytes(StandardCharsets.UTF_8);
    byte[] bad = java.util.Arrays.copyOf(meta, meta.length + 2);
    bad[meta.length] = (byte) 0xE9;
    bad[meta.length + 1] = '\n';
    wheel(Map.of("demo-1.0.0.dist-info/METADATA", bad));

    Run run = check();

    assertThat(run.out())
        .contains(
            "FAIL dist-metadata: demo-1.0.0.dist-info/METADATA is not valid UTF-8 (first bad byte"
                + " at offset "
                + meta.length
                + ")");
    assertNoPlaceholders();
  }

  @Test
  void anSdistWhosePkgInfoIsMissingNamesWhereItShouldBe() throws Exception {
    List<Archives.TarMember> members = new ArrayList<>();
    members.add(Archives.TarMember.file("demo-1.0.0/pyproject.toml", "[project]\n"));
    Files.createDirectories(dir.resolve("dist"));
    Files.write(dir.resolve("dist/demo-1.0.0.tar.gz"), Archives.tarGz(members));

    Run run = check();

    assertThat(run.out())
        .contains(
            "FAIL dist-metadata: demo-1.0.0.tar.gz has no core metadata at demo-1.0.0/PKG-INFO");
    assertNoPlaceholders();
  }

  @Test
  void aTwoGibibyteZeroMemberIsRefusedAsABombWithoutBeingInflated() throws Exception {
    long zeros = 2L << 30;
    Bomb bomb = Bomb.zeros(zeros);
    Files.createDirectories(dir.resolve("dist"));
    Files.write(dir.resolve("dist/demo-1.0.0-py3-none-any.whl"), bomb.wheel());

    long start = System.nanoTime();
    Run run = check();
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(run.out())
        .contains(
            "FAIL dist-contents: demo/zeros.bin in demo-1.0.0-py3-none-any.whl declares "
                + zeros
                + " bytes from "
                + bomb.stored()
                + " stored, more than 1000:1; not read (a zip bomb)")
        .contains("FAIL dist-record: demo/zeros.bin cannot be verified: declares " + zeros);
    // inflating it costs 5 s and more here; refusing it, a fraction of a second (generous bound)
    assertThat(millis).as("refusing the bomb took %d ms", millis).isLessThan(10_000);
    assertNoPlaceholders();
  }

  private Run check() throws IOException {
    Files.writeString(
        dir.resolve("pyproject.toml"), "[project]\nname = \"demo\"\nversion = \"1.0.0\"\n");
    Run run =
        CliFixture.run(
            Map.of(),
            false,
            "",
            "check",
            dir.toString(),
            "--stage",
            "dist",
            "--offline",
            "--out",
            dir.resolve("out").toString());
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    return run;
  }

  /** Every report format: text, JSON, SARIF, JUnit XML, HTML. */
  private void assertNoPlaceholders() throws IOException {
    List<Path> reports;
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      reports = files.filter(f -> f.getFileName().toString().startsWith("report.")).toList();
    }
    assertThat(reports).extracting(p -> p.getFileName().toString()).hasSize(5);
    for (Path report : reports) {
      Matcher m = PLACEHOLDER.matcher(Files.readString(report));
      assertThat(m.find())
          .as("%s holds the placeholder %s", report.getFileName(), m.hitEnd() ? "" : m.group())
          .isFalse();
    }
  }

  private void wheel(Map<String, byte[]> replacing) throws IOException {
    Files.createDirectories(dir.resolve("dist"));
    Files.write(dir.resolve("dist/demo-1.0.0-py3-none-any.whl"), wheelBytes(replacing));
  }

  private static byte[] wheelBytes(Map<String, byte[]> replacing) {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    files.put("demo/__init__.py", "".getBytes(StandardCharsets.UTF_8));
    files.put(
        "demo-1.0.0.dist-info/METADATA", (META + "# demo\n").getBytes(StandardCharsets.UTF_8));
    files.put("demo-1.0.0.dist-info/WHEEL", wheelFile());
    files.putAll(replacing);
    StringBuilder record = new StringBuilder();
    files.forEach((name, bytes) -> record.append(Archives.recordRow(name, bytes)).append('\n'));
    record.append("demo-1.0.0.dist-info/RECORD,,\n");
    files.put("demo-1.0.0.dist-info/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
    return Archives.zip(files);
  }

  private static byte[] wheelFile() {
    return "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A wheel with {@code demo/zeros.bin}: gibibytes of zeros deflated to about a thousandth. */
  private record Bomb(byte[] wheel, long stored) {

    static Bomb zeros(long size) {
      RawZip.Member bomb = RawZip.Member.zeros("demo/zeros.bin", size);
      List<RawZip.Member> members = new ArrayList<>();
      members.add(RawZip.Member.stored("demo/__init__.py", new byte[0]));
      members.add(bomb);
      byte[] meta = (META + "# demo\n").getBytes(StandardCharsets.UTF_8);
      members.add(RawZip.Member.stored("demo-1.0.0.dist-info/METADATA", meta));
      members.add(RawZip.Member.stored("demo-1.0.0.dist-info/WHEEL", wheelFile()));
      String record =
          Archives.recordRow("demo/__init__.py", new byte[0])
              + "\n"
              // the true digest would take seconds to compute; the member is never read
              + "demo/zeros.bin,sha256=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA,"
              + size
              + "\n"
              + Archives.recordRow("demo-1.0.0.dist-info/METADATA", meta)
              + "\n"
              + Archives.recordRow("demo-1.0.0.dist-info/WHEEL", wheelFile())
              + "\ndemo-1.0.0.dist-info/RECORD,,\n";
      members.add(
          RawZip.Member.stored(
              "demo-1.0.0.dist-info/RECORD", record.getBytes(StandardCharsets.UTF_8)));
      return new Bomb(RawZip.of(members), bomb.data().length);
    }
  }
}
