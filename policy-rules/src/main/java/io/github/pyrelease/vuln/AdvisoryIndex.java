package io.github.pyrelease.vuln;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An advisory database indexed by package, as kept in the cache: a header naming the database's
 * digest and, for each package, where its advisories lie in the file; then the advisories. Opening
 * reads the header only, and each package asked about is read on its own, so a warm audit reads a
 * few kilobytes whatever the size of the database.
 */
final class AdvisoryIndex {

  /** Changes whenever the layout does, so an older cache is rebuilt rather than misread. */
  private static final String MAGIC = "pyrelease-osv-index/2";

  private final String digest;
  private final Map<String, long[]> slices;
  private final Map<String, List<Advisory>> loaded;
  private final Path file;
  private final int records;

  private AdvisoryIndex(
      String digest,
      int records,
      Map<String, long[]> slices,
      Map<String, List<Advisory>> loaded,
      Path file) {
    this.digest = digest;
    this.records = records;
    this.slices = slices;
    this.loaded = loaded;
    this.file = file;
  }

  /** Reads every record of {@code database}. */
  static AdvisoryIndex build(OsvDatabase database, String digest) {
    Map<String, List<Advisory>> byPackage = new TreeMap<>();
    int[] records = {0};
    database.forEach(
        entry -> {
          records[0]++;
          for (Advisory advisory :
              OsvRecordParser.parse(entry.bytes(), entry.source(), entry.yaml())) {
            byPackage.computeIfAbsent(advisory.packageName(), n -> new ArrayList<>()).add(advisory);
          }
        });
    return new AdvisoryIndex(digest, records[0], Map.of(), byPackage, null);
  }

  String digest() {
    return digest;
  }

  /** How many record files the database had. */
  int records() {
    return records;
  }

  /** The packages that have advisories, sorted. */
  java.util.Set<String> packages() {
    return file == null ? loaded.keySet() : new java.util.TreeSet<>(slices.keySet());
  }

  /** The advisories of the package, PEP 503-normalised; empty when it has none. */
  synchronized List<Advisory> advisories(String name) {
    List<Advisory> known = loaded.get(name);
    if (known != null || file == null) {
      return known == null ? List.of() : known;
    }
    long[] slice = slices.get(name);
    if (slice == null) {
      return List.of();
    }
    byte[] bytes = new byte[(int) slice[1]];
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(slice[0]);
      in.readFully(bytes);
      List<Advisory> advisories =
          readPackage(new DataInputStream(new ByteArrayInputStream(bytes)), name);
      loaded.put(name, advisories);
      return advisories;
    } catch (IOException e) {
      throw corrupt(e);
    }
  }

  /** Writes the index to {@code target} at once (temporary file, then a move). */
  void write(Path target) {
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(body);
      Map<String, long[]> offsets = new TreeMap<>();
      for (Map.Entry<String, List<Advisory>> entry : loaded.entrySet()) {
        long start = out.size();
        writePackage(out, entry.getValue());
        offsets.put(entry.getKey(), new long[] {start, out.size() - start});
      }
      out.flush();
      // offsets are fixed-width, so a header written with zeros has the final header's length
      long headerLength = header(offsets, 0).size();
      ByteArrayOutputStream whole = header(offsets, headerLength);
      body.writeTo(whole);
      AtomicFiles.write(target, whole.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ByteArrayOutputStream header(Map<String, long[]> offsets, long shift) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * offsets.size() + 256);
    DataOutputStream header = new DataOutputStream(bytes);
    header.writeUTF(MAGIC);
    header.writeUTF(digest);
    header.writeInt(records);
    header.writeInt(offsets.size());
    for (Map.Entry<String, long[]> entry : offsets.entrySet()) {
      header.writeUTF(entry.getKey());
      header.writeLong(shift == 0 ? 0 : entry.getValue()[0] + shift);
      header.writeInt((int) entry.getValue()[1]);
    }
    header.flush();
    return bytes;
  }

  /**
   * The index kept at {@code file} when it was built from the database as {@code digest} says it
   * is; empty when there is none, it is of another database state or layout, or it is damaged.
   */
  static Optional<AdvisoryIndex> open(Path file, String digest) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (!MAGIC.equals(in.readUTF()) || !digest.equals(in.readUTF())) {
        return Optional.empty();
      }
      int records = in.readInt();
      int packages = in.readInt();
      Map<String, long[]> slices = new HashMap<>(packages * 2);
      long size = Files.size(file);
      for (int k = 0; k < packages; k++) {
        String name = in.readUTF();
        long[] slice = {in.readLong(), in.readInt()};
        if (slice[0] < 0 || slice[1] < 0 || slice[0] + slice[1] > size) {
          return Optional.empty();
        }
        slices.put(name, slice);
      }
      return Optional.of(new AdvisoryIndex(digest, records, slices, new HashMap<>(), file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void writePackage(DataOutputStream out, List<Advisory> advisories)
      throws IOException {
    out.writeInt(advisories.size());
    for (Advisory a : advisories) {
      out.writeUTF(a.id());
      strings(out, a.aliases());
      longText(out, a.summary());
      longText(out, a.description());
      out.writeUTF(a.severity().level().name());
      out.writeDouble(a.severity().score() == null ? Double.NaN : a.severity().score());
      out.writeUTF(a.severity().vector() == null ? "" : a.severity().vector());
      out.writeUTF(a.source());
      longText(out, a.affected().listedText());
      out.writeInt(a.affected().ranges().size());
      for (List<AffectedVersions.Event> range : a.affected().ranges()) {
        out.writeInt(range.size());
        for (AffectedVersions.Event event : range) {
          out.writeByte(event.kind().ordinal());
          out.writeUTF(event.version());
        }
      }
      out.writeUTF(a.affected().problem() == null ? "" : a.affected().problem());
    }
  }

  private static List<Advisory> readPackage(DataInputStream in, String name) throws IOException {
    int count = in.readInt();
    List<Advisory> advisories = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      String id = in.readUTF();
      List<String> aliases = strings(in);
      String summary = longText(in);
      String description = longText(in);
      Severity.Level level = Severity.Level.valueOf(in.readUTF());
      double score = in.readDouble();
      String vector = in.readUTF();
      String source = in.readUTF();
      String listed = longText(in);
      int rangeCount = in.readInt();
      List<List<AffectedVersions.Event>> ranges = new ArrayList<>(rangeCount);
      for (int r = 0; r < rangeCount; r++) {
        int eventCount = in.readInt();
        List<AffectedVersions.Event> events = new ArrayList<>(eventCount);
        for (int e = 0; e < eventCount; e++) {
          AffectedVersions.Kind kind = AffectedVersions.Kind.values()[in.readByte()];
          events.add(new AffectedVersions.Event(kind, in.readUTF()));
        }
        ranges.add(events);
      }
      String problem = in.readUTF();
      advisories.add(
          new Advisory(
              id,
              aliases,
              summary,
              description,
              new Severity(
                  level, Double.isNaN(score) ? null : score, vector.isEmpty() ? null : vector),
              name,
              new AffectedVersions(listed, ranges, problem.isEmpty() ? null : problem),
              source));
    }
    return advisories;
  }

  private static void strings(DataOutputStream out, List<String> strings) throws IOException {
    out.writeInt(strings.size());
    for (String s : strings) {
      out.writeUTF(s);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<String> strings = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      strings.add(in.readUTF());
    }
    return strings;
  }

  /** writeUTF holds 64 KiB at most; details can be longer. */
  private static void longText(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String longText(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  private PyreleaseException corrupt(IOException e) {
    return new PyreleaseException(
        "the advisory index " + file + " cannot be read: " + e.getMessage(),
        String.valueOf(file),
        "delete it: the next audit builds it again",
        e);
  }
}
