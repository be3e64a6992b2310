package io.github.pyrelease.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.dist.Archives.TarMember;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading good, damaged and hostile archives: every problem is a value, never an exception. */
class DistributionReaderTest {

  @TempDir Path dir;

  private Distribution read(Path file) throws IOException {
    return new DistributionReader().read(file, file.getFileName().toString());
  }

  private Distribution read(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return read(file);
  }

  @Test
  void readsAWheelsMetadataRecordAndDigestsMatchingPythonsForm() throws IOException {
    Archives.Wheel wheel = new Archives.Wheel("acme-widgets", "1.4.0");
    Distribution d = read(wheel.write(dir));

    assertThat(d.kind()).isEqualTo(DistributionKind.WHEEL);
    assertThat(d.problems()).isEmpty();
    assertThat(d.metadata().value("Name")).contains("acme-widgets");
    assertThat(d.wheelInfo().value("Tag")).contains("py3-none-any");
    assertThat(d.record().rows()).hasSize(4);
    ArchiveEntry init =
        d.entries().stream()
            .filter(e -> e.name().equals("acme_widgets/__init__.py"))
            .findFirst()
            .get();
    // the reference's composed example: print('hi')\n hashes to this in RECORD's form
    assertThat(Archives.sha256("print('hi')\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("yvAm8l1xQCCfmAcmBTB6Q4kUuc5vPBSyPRXZZnJB3lI");
    assertThat(init.digest("sha256"))
        .isEqualTo(Archives.sha256("__version__ = \"1.4.0\"\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(d.size()).isEqualTo(Files.size(dir.resolve(wheel.fileName())));
  }

  @Test
  void aTruncatedWheelIsUnreadableNotAnException() throws IOException {
    byte[] whole = new Archives.Wheel("acme", "1.0").bytes();
    for (int cut : new int[] {0, 10, whole.length / 2, whole.length - 10}) {
      Distribution d = read("acme-1.0-py3-none-any.whl", Arrays.copyOf(whole, cut));
      assertThat(d.problems()).as("cut at " + cut).isNotEmpty();
      assertThat(d.readable()).isFalse();
    }
  }

  @Test
  void aCorruptMemberFailsItsCrcCheck() throws IOException {
    byte[] stored =
        storedZip(Map.of("acme/data.txt", "hello hello hello".getBytes(StandardCharsets.UTF_8)));
    int at = indexOf(stored, "hello hello".getBytes(StandardCharsets.UTF_8));
    stored[at] = 'J';
    Distribution d = read("acme-1.0-py3-none-any.whl", stored);

    assertThat(d.problems()).extracting(ArchiveProblem::key).contains(ArchiveProblems.CORRUPT);
    assertThat(d.entries().get(0).readProblem()).contains("CRC-32");
  }

  @Test
  void namesThatAreNotUtf8OrNotFlaggedAreReported() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      zip.setEncoding("ISO-8859-1");
      zip.setUseLanguageEncodingFlag(false);
      zip.putArchiveEntry(new ZipArchiveEntry("acme/caf\u00e9.txt"));
      zip.write(1);
      zip.closeArchiveEntry();
    }
    Distribution d = read("acme-1.0-py3-none-any.whl", out.toByteArray());

    assertThat(d.entries().get(0).nameProblem()).isEqualTo("the name is not valid UTF-8");
  }

  @Test
  void aZipBombStopsAtTheRatioLimit() throws IOException {
    // 16 MiB of zeros deflate to about 16 KiB; the header claims 1 MiB, under the ratio
    RawZip.Member zeros = RawZip.Member.zeros("acme/zeros.bin", 16L << 20).declaring(1 << 20);
    ReadLimits tight = new ReadLimits(8L << 30, 100, 1 << 20, 1000, 1 << 20);
    Path file = dir.resolve("acme-1.0-py3-none-any.whl");
    Files.write(file, RawZip.of(List.of(zeros)));
    Distribution d = new DistributionReader(tight).read(file, "x");

    ArchiveEntry read = d.entries().get(0);
    assertThat(read.readProblem()).contains("expands more than 100:1").contains("zip bomb");
    assertThat(read.size()).isLessThan(2L << 20);
  }

  @Test
  void aMemberWhoseHeaderDeclaresABombIsNotInflatedAtAll() throws IOException {
    Path file = dir.resolve("acme-1.0-py3-none-any.whl");
    RawZip.Member zeros = RawZip.Member.zeros("acme/zeros.bin", 256L << 20);
    Files.write(file, RawZip.of(List.of(zeros)));

    ZipReader.Contents read = new ZipReader(ReadLimits.DEFAULT).read(file, null);

    assertThat(read.entries().get(0).readProblem())
        .isEqualTo(
            "declares "
                + (256L << 20)
                + " bytes from "
                + zeros.data().length
                + " stored, more than 1000:1; not read (a zip bomb)");
    assertThat(read.inflated()).isZero();
  }

  @Test
  void aBombStoppedByOneReaderIsNotInflatedByTheOther() throws IOException {
    // the header lies (1000 bytes): reading stops 1 MiB past that, and a corrupt member elsewhere
    // sends the archive to commons-compress, which must take the first reading's verdict
    Path file = dir.resolve("acme-1.0-py3-none-any.whl");
    RawZip.Member zeros = RawZip.Member.zeros("acme/zeros.bin", 64L << 20).declaring(1000);
    RawZip.Member corrupt =
        RawZip.Member.stored("acme/data.txt", "hello".getBytes(StandardCharsets.UTF_8)).badCrc();
    Files.write(file, RawZip.of(List.of(zeros, corrupt)));

    ZipReader.Contents read = new ZipReader(ReadLimits.DEFAULT).read(file, null);

    assertThat(read.entries().get(0).readProblem())
        .isEqualTo(
            "inflates to more than 1 MiB past the 1000 bytes its header declares; reading stopped"
                + " (a zip bomb)");
    assertThat(read.entries().get(1).readProblem()).contains("CRC-32");
    assertThat(read.problems()).extracting(ArchiveProblem::key).contains(ArchiveProblems.CORRUPT);
    // once: 1000 bytes, 1 MiB and at most one buffer more (twice would be over 2 MiB)
    assertThat(read.inflated()).isBetween(1L << 20, 1000 + (1L << 20) + (64 << 10) + 10);
  }

  @Test
  void overlappingMembersAreNotReadTwice() throws IOException {
    byte[] zip = storedZip(Map.of("a.txt", "AAAA".getBytes(StandardCharsets.UTF_8)));
    // a second central directory record pointing at the same local header: Fifield's shape
    int cen = lastIndexOf(zip, new byte[] {0x50, 0x4b, 0x01, 0x02});
    int eocd = lastIndexOf(zip, new byte[] {0x50, 0x4b, 0x05, 0x06});
    byte[] record = Arrays.copyOfRange(zip, cen, eocd);
    byte[] second = record.clone();
    second[46] = 'b'; // the name "a.txt" becomes "b.txt"
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(zip, 0, eocd);
    out.write(second);
    byte[] end = Arrays.copyOfRange(zip, eocd, zip.length);
    end[8] = 2; // entries on this disk
    end[10] = 2; // entries in total
    int size = record.length * 2;
    end[12] = (byte) size;
    end[13] = (byte) (size >> 8);
    out.write(end);
    Distribution d = read("acme-1.0-py3-none-any.whl", out.toByteArray());

    assertThat(d.problems()).extracting(ArchiveProblem::key).contains(ArchiveProblems.OVERLAPPING);
  }

  @Test
  void readsAnSdistInOnePassWithLinksAndClimbingNames() throws IOException {
    List<TarMember> members =
        new ArrayList<>(Archives.sdist("acme", "1.0", Archives.pkgInfo("acme", "1.0")));
    members.add(TarMember.symlink("acme-1.0/escape", "../../etc/passwd"));
    members.add(TarMember.file("acme-1.0/../evil.py", "x"));
    members.add(TarMember.dir("acme-1.0/docs/"));
    Distribution d = read("acme-1.0.tar.gz", Archives.tarGz(members));

    assertThat(d.problems()).isEmpty();
    assertThat(d.metadata().value("Version")).contains("1.0");
    assertThat(d.entries())
        .extracting(ArchiveEntry::name, ArchiveEntry::type)
        .contains(
            org.assertj.core.groups.Tuple.tuple("acme-1.0/escape", EntryType.SYMLINK),
            org.assertj.core.groups.Tuple.tuple("acme-1.0/../evil.py", EntryType.FILE),
            org.assertj.core.groups.Tuple.tuple("acme-1.0/docs/", EntryType.DIRECTORY));
    assertThat(
            d.entries().stream()
                .filter(e -> e.type() == EntryType.SYMLINK)
                .findFirst()
                .get()
                .linkTarget())
        .isEqualTo("../../etc/passwd");
  }

  @Test
  void aTruncatedSdistKeepsWhatWasReadAndSaysItEndsEarly() throws IOException {
    List<TarMember> members =
        new ArrayList<>(Archives.sdist("acme", "1.0", Archives.pkgInfo("acme", "1.0")));
    byte[] big = new byte[200_000];
    new java.util.Random(1).nextBytes(big);
    members.add(new TarMember("acme-1.0/blob.bin", big, TarArchiveEntry.LF_NORMAL, null));
    byte[] whole = Archives.tarGz(members);
    Distribution d = read("acme-1.0.tar.gz", Arrays.copyOf(whole, whole.length - 5000));

    assertThat(d.problems()).extracting(ArchiveProblem::key).contains(ArchiveProblems.TRUNCATED);
    assertThat(d.metadata()).isNotNull();
  }

  @Test
  void anSdistMemberNameThatIsNotUtf8IsReported() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "ISO-8859-1")) {
      for (String name : List.of("acme-1.0/PKG-INFO", "acme-1.0/caf\u00e9.txt")) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(1);
        tar.putArchiveEntry(entry);
        tar.write('x');
        tar.closeArchiveEntry();
      }
    }
    Distribution d = read("acme-1.0.tar.gz", out.toByteArray());

    assertThat(d.problems()).isEmpty();
    assertThat(d.entries()).hasSize(2);
    assertThat(d.entries().get(1).nameProblem()).startsWith("the name is not valid UTF-8");
  }

  @Test
  void notGzipAtAllIsUnreadable() throws IOException {
    Distribution d =
        read("acme-1.0.tar.gz", "PK this is not gzip".getBytes(StandardCharsets.UTF_8));
    assertThat(d.readable()).isFalse();
    assertThat(d.problems().get(0).message()).contains("is not a gzip file");
  }

  @Test
  void aGzipBombStopsAtTheRatioLimit() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      TarArchiveEntry entry = new TarArchiveEntry("acme-1.0/zeros.bin");
      entry.setSize(16L << 20);
      tar.putArchiveEntry(entry);
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 16; i++) {
        tar.write(zeros);
      }
      tar.closeArchiveEntry();
    }
    Path file = dir.resolve("acme-1.0.tar.gz");
    Files.write(file, out.toByteArray());
    Distribution d =
        new DistributionReader(new ReadLimits(8L << 30, 100, 1 << 20, 1000, 1 << 20))
            .read(file, "x");

    assertThat(d.problems()).extracting(ArchiveProblem::key).contains(ArchiveProblems.LIMIT);
    assertThat(d.problems().get(0).message()).contains("gzip bomb");
  }

  @Test
  void tenThousandMembersAreListedAndHashed() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < 10_000; i++) {
      files.put("acme/m" + i + ".py", ("x = " + i + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Distribution d = read("acme-1.0-py3-none-any.whl", Archives.zip(files));

    assertThat(d.entries()).hasSize(10_000);
    assertThat(d.entries()).allMatch(e -> e.digest("sha256") != null);
  }

  @Test
  void anOtherArchiveIsListedButNotOpened() throws IOException {
    Distribution d = read("acme-1.0.zip", new byte[] {1, 2, 3});
    assertThat(d.kind()).isEqualTo(DistributionKind.OTHER);
    assertThat(d.problems()).isEmpty();
  }

  @Test
  void theFinderTakesArchivesAndLeavesSignatures() throws IOException {
    for (String name :
        List.of(
            "a-1.0.tar.gz", "a-1.0-py3-none-any.whl", "a-1.0.tar.gz.asc", "a.egg", "notes.txt")) {
      Files.writeString(dir.resolve(name), "x");
    }
    assertThat(DistributionFinder.find(dir))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("a-1.0-py3-none-any.whl", "a-1.0.tar.gz", "a.egg");
    assertThat(DistributionFinder.find(dir.resolve("missing"))).isEmpty();
  }

  private static byte[] storedZip(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        ZipArchiveEntry entry = new ZipArchiveEntry(f.getKey());
        entry.setMethod(ZipArchiveEntry.STORED);
        entry.setSize(f.getValue().length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(f.getValue());
        entry.setCrc(crc.getValue());
        zip.putArchiveEntry(entry);
        zip.write(f.getValue());
        zip.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static int lastIndexOf(byte[] haystack, byte[] needle) {
    for (int i = haystack.length - needle.length; i >= 0; i--) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
