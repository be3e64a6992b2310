package io.github.pyrelease.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pyrelease's own zip parser (plain wheels) against commons-compress: wheels written by Python's
 * zipfile (as every build backend's are), by commons-compress and by the JDK, small and larger than
 * what is read in one go, must read the same both ways; and damaged archives, whatever the damage,
 * must come out exactly as commons-compress alone reads them.
 */
class ZipParsersTest {

  @TempDir Path dir;

  private final ZipReader reader = new ZipReader(ReadLimits.DEFAULT);

  @Test
  void wheelsWrittenByPythonsZipfileReadTheSameBothWays() throws Exception {
    Path out = Files.createDirectories(dir.resolve("python"));
    String script =
        String.join(
            "\n",
            "import base64, hashlib, os, random, sys, zipfile",
            "rnd = random.Random(5)",
            "def row(p, d):",
            "    h = base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b'=').decode()",
            "    return '%s,sha256=%s,%d' % (p, h, len(d))",
            "for i, (method, comment) in enumerate([(zipfile.ZIP_DEFLATED, b''),",
            "        (zipfile.ZIP_STORED, b''), (zipfile.ZIP_DEFLATED, b'built by a test'),",
            "        (zipfile.ZIP_DEFLATED, b'big')]):",
            "    info = 'pkg%d-1.0.dist-info' % i",
            "    files = {'pkg%d/__init__.py' % i: b'', 'pkg%d/caf\\u00e9.py' % i: b'x = 1\\n',",
            "             'pkg%d/data.bin' % i: bytes(rnd.getrandbits(8) for _ in range(3000)),",
            "             info + '/METADATA': b'Metadata-Version: 2.1\\nName: pkg%d\\nVersion: 1.0\\n' % i,",
            "             info + '/WHEEL': b'Wheel-Version: 1.0\\nTag: py3-none-any\\n'}",
            "    if comment == b'big':",
            "        files['pkg%d/big.bin' % i] = os.urandom(5 << 20)",
            "    files[info + '/RECORD'] = ('\\n'.join(row(p, d) for p, d in files.items())",
            "                               + '\\n%s/RECORD,,\\n' % info).encode()",
            "    with zipfile.ZipFile(os.path.join(sys.argv[1], 'pkg%d-1.0-py3-none-any.whl' % i),",
            "                         'w', method) as z:",
            "        z.writestr(zipfile.ZipInfo('pkg%d/' % i), b'')",
            "        for p, d in files.items():",
            "            z.writestr(p, d)",
            "        z.comment = comment if comment != b'big' else b''",
            "");
    Path py = Files.writeString(dir.resolve("make_wheels.py"), script);
    String python = System.getProperty("pyrelease.test.python", "/usr/bin/python3");
    Process process = new ProcessBuilder(python, py.toString(), out.toString()).inheritIO().start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).isZero();
    try (var files = Files.list(out)) {
      List<Path> wheels = files.sorted().toList();
      assertThat(wheels).hasSize(4);
      for (Path wheel : wheels) {
        assertReadsTheSameThroughTheOwnParser(wheel);
      }
    }
  }

  @Test
  void wheelsWrittenByCommonsCompressAndTheJdkReadTheSameBothWays() throws IOException {
    Path wheel =
        new Archives.Wheel("acme-widgets", "1.4.0")
            .file("acme_widgets/core.py", "def f():\n    return 1\n".repeat(200))
            .file("acme_widgets/empty.py", "")
            .write(dir);
    assertReadsTheSameThroughTheOwnParser(wheel);

    Path stored = dir.resolve("stored-1.0-py3-none-any.whl");
    Files.write(stored, jdkZip(ZipEntry.STORED, 100));
    assertReadsTheSameThroughTheOwnParser(stored);
    Path deflated = dir.resolve("deflated-1.0-py3-none-any.whl");
    Files.write(deflated, jdkZip(ZipEntry.DEFLATED, 100));
    assertReadsTheSameThroughTheOwnParser(deflated);
  }

  /**
   * Every kind of damage, at random: single bytes changed anywhere (headers, names, sizes, data,
   * the end record), bytes cut off the end, bytes added. Whatever the own parser makes of it, the
   * result is commons-compress's.
   */
  @Test
  void damagedArchivesReadExactlyAsCommonsCompressReadsThem() throws IOException {
    byte[] good =
        new Archives.Wheel("acme", "1.0")
            .file("acme/core.py", "print('hello')\n".repeat(40))
            .bytes();
    Random random = new Random(99);
    Path file = dir.resolve("acme-1.0-py3-none-any.whl");
    List<String> differences = new ArrayList<>();
    for (int t = 0; t < 1500; t++) {
      byte[] bad;
      switch (t % 10) {
        case 0 -> bad = java.util.Arrays.copyOf(good, random.nextInt(good.length));
        case 1 -> {
          bad = java.util.Arrays.copyOf(good, good.length + 1 + random.nextInt(40));
          for (int i = good.length; i < bad.length; i++) {
            bad[i] = (byte) random.nextInt(256);
          }
        }
        default -> {
          bad = good.clone();
          int flips = 1 + random.nextInt(3);
          for (int f = 0; f < flips; f++) {
            int at =
                random.nextBoolean()
                    ? random.nextInt(bad.length)
                    : bad.length - 1 - random.nextInt(Math.min(bad.length, 400));
            bad[at] = (byte) random.nextInt(256);
          }
        }
      }
      Files.write(file, bad);
      ZipReader.Contents either = reader.read(file, "acme-1.0.dist-info");
      ZipReader.Contents commons = reader.readWithCommonsCompress(file, "acme-1.0.dist-info");
      if (!either.reported().equals(commons.reported())) {
        differences.add("case " + t + ": " + either + "\n   commons-compress: " + commons);
      }
    }
    assertThat(differences).isEmpty();
  }

  /**
   * zstd, xz and lzma members need libraries that are not on the classpath: they are reported as
   * not read, never a missing class, whichever parser reads the archive.
   */
  @Test
  void membersInAMethodNeedingAnAbsentLibraryAreReportedNotRead() throws IOException {
    byte[] content = "x = 1\n".getBytes(StandardCharsets.UTF_8);
    List<RawZip.Member> members = new ArrayList<>();
    for (int method : new int[] {93, 95, 14}) {
      RawZip.Member stored = RawZip.Member.stored("acme/m" + method + ".py", content);
      members.add(new RawZip.Member(stored.name(), method, stored.crc(), stored.size(), content));
    }
    Path file = dir.resolve("acme-1.0-py3-none-any.whl");
    Files.write(file, RawZip.of(members));
    for (ZipReader.Contents contents :
        List.of(
            reader.read(file, "acme-1.0.dist-info"),
            reader.readWithCommonsCompress(file, "acme-1.0.dist-info"))) {
      assertThat(contents.entries())
          .extracting(ArchiveEntry::readProblem)
          .containsExactly(
              "uses compression method 93, which pyrelease does not read (wheels use deflate or"
                  + " stored)",
              "uses compression method 95, which pyrelease does not read (wheels use deflate or"
                  + " stored)",
              "uses compression method 14, which pyrelease does not read (wheels use deflate or"
                  + " stored)");
    }
  }

  private void assertReadsTheSameThroughTheOwnParser(Path wheel) throws IOException {
    String distInfo = DistributionReader.expectedDistInfo(wheel.getFileName().toString());
    ZipReader.Contents plain = reader.readPlain(wheel, distInfo);
    assertThat(plain).as("%s has the plain shape", wheel.getFileName()).isNotNull();
    assertThat(plain.clean()).as("%s reads cleanly", wheel.getFileName()).isTrue();
    assertThat(plain.reported())
        .isEqualTo(reader.readWithCommonsCompress(wheel, distInfo).reported());
    ZipReader.Contents read = reader.read(wheel, distInfo);
    assertThat(read.reported()).isEqualTo(plain.reported());
    assertThat(read.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.digests()).isNotNull());
  }

  /** A zip written by the JDK, with {@code count} members and a directory. */
  private static byte[] jdkZip(int method, int count) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("pkg/"));
      zip.closeEntry();
      for (int i = 0; i < count; i++) {
        byte[] content = ("value = " + i + "\n").repeat(i + 1).getBytes(StandardCharsets.UTF_8);
        ZipEntry entry = new ZipEntry("pkg/m" + i + ".py");
        entry.setMethod(method);
        if (method == ZipEntry.STORED) {
          CRC32 crc = new CRC32();
          crc.update(content);
          entry.setSize(content.length);
          entry.setCompressedSize(content.length);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
