package io.github.pyrelease.dist;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Reads a wheel through its central directory, as pip's {@code zipfile} does, streaming each member
 * once to hash it; nothing is extracted and only the small metadata files are kept.
 *
 * <p>A wheel of the plain shape (see {@link PlainZipSource}) is read by pyrelease's own parser; any
 * other archive, and any plain one in which the read finds damage, is read (again) with
 * commons-compress, so what is reported about a damaged archive is always commons-compress's
 * reading, and a clean archive gives the same result either way.
 *
 * <p>A member is inflated at most once: one whose header declares a bomb's ratio is not inflated at
 * all, and one the first reading stopped at a limit keeps that verdict in the second reading (an
 * archive whose only problem is such a stop is not read again at all).
 */
final class ZipReader {

  private static final Charset CP437 = Charset.forName("IBM437");

  /** How a member stopped as a zip bomb ends its read problem, whoever stopped it. */
  static final String BOMB = ReadBudget.BOMB;

  private static final String UNREAD = "not read: reading stopped at a safety limit";

  private final ReadLimits limits;
  private final ReadDepth depth;

  ZipReader(ReadLimits limits) {
    this(limits, ReadDepth.DIGESTS);
  }

  ZipReader(ReadLimits limits, ReadDepth depth) {
    this.limits = limits;
    this.depth = depth;
  }

  /** What was read from the archive. */
  record Contents(
      List<ArchiveEntry> entries,
      List<ArchiveProblem> problems,
      CoreMetadata metadata,
      CoreMetadata wheelInfo,
      RecordFile record,
      String metadataProblem,
      Map<Long, ArchiveEntry> refused,
      long inflated) {

    /** What is reported, without what reading it cost (two readings agree on that). */
    Contents reported() {
      return inflatedToo(-inflated);
    }

    /** These contents, counting also what an earlier reading inflated. */
    Contents inflatedToo(long earlier) {
      return new Contents(
          entries,
          problems,
          metadata,
          wheelInfo,
          record,
          metadataProblem,
          refused,
          inflated + earlier);
    }

    /**
     * Nothing to report about the archive itself or any member (metadata is the rules'), but
     * reading stopped at a safety limit: another reader would only stop there again.
     */
    boolean clean() {
      return problems.stream().allMatch(p -> p.key().equals(ArchiveProblems.LIMIT))
          && entries.stream()
              .allMatch(
                  e ->
                      e.nameProblem() == null
                          && e.linkTarget() == null
                          && (e.readProblem() == null
                              || refused.containsValue(e)
                              || e.readProblem().equals(UNREAD)));
    }
  }

  Contents read(Path file, String expectedDistInfo) {
    Contents plain = readPlain(file, expectedDistInfo);
    if (plain != null && plain.clean()) {
      return plain;
    }
    // what the own reading stopped as a bomb is not inflated again: its verdict carries over
    Contents again =
        readWithCommonsCompress(file, expectedDistInfo, plain == null ? Map.of() : plain.refused());
    return plain == null ? again : again.inflatedToo(plain.inflated());
  }

  /** Read with the own parser, or {@code null} when not of the plain shape, or damaged. */
  Contents readPlain(Path file, String expectedDistInfo) {
    try (PlainZipSource plain = PlainZipSource.open(file)) {
      return plain == null ? null : read(plain, expectedDistInfo);
    } catch (IOException | RuntimeException e) {
      return null; // commons-compress reads it and says what is wrong
    }
  }

  Contents readWithCommonsCompress(Path file, String expectedDistInfo) {
    return readWithCommonsCompress(file, expectedDistInfo, Map.of());
  }

  /**
   * @param refused members (by local header offset) an earlier reading stopped at a limit: taken as
   *     that reading found them, not inflated again
   */
  private Contents readWithCommonsCompress(
      Path file, String expectedDistInfo, Map<Long, ArchiveEntry> refused) {
    List<ArchiveProblem> problems = new ArrayList<>();
    try (CommonsZipSource zip = new CommonsZipSource(file)) {
      return read(zip, expectedDistInfo, problems, refused);
    } catch (IOException | RuntimeException e) {
      problems.add(
          new ArchiveProblem(
              ArchiveProblems.UNREADABLE,
              "cannot be read as a zip archive ("
                  + describe(e)
                  + "); it is truncated, corrupt or not a wheel"));
      return new Contents(List.of(), problems, null, null, null, null, Map.of(), 0);
    }
  }

  private Contents read(ZipSource zip, String expectedDistInfo) {
    return read(zip, expectedDistInfo, new ArrayList<>(), Map.of());
  }

  private Contents read(
      ZipSource zip,
      String expectedDistInfo,
      List<ArchiveProblem> problems,
      Map<Long, ArchiveEntry> earlier) {
    List<ZipMember> listed = zip.members();
    if (listed.size() > limits.maxEntries()) {
      problems.add(
          new ArchiveProblem(
              ArchiveProblems.LIMIT,
              "has "
                  + listed.size()
                  + " members, more than the "
                  + limits.maxEntries()
                  + " pyrelease reads; only the first were checked"));
      listed = listed.subList(0, limits.maxEntries());
    }
    Map<ZipMember, String> names = new IdentityHashMap<>();
    Map<ZipMember, String> nameProblems = new IdentityHashMap<>();
    for (ZipMember entry : listed) {
      decodeName(entry, names, nameProblems);
    }
    String distInfo = distInfoDir(names.values(), expectedDistInfo);
    RecordFile record = null;
    Set<String> algorithms = new LinkedHashSet<>();
    boolean digests = depth == ReadDepth.DIGESTS;
    if (digests) {
      algorithms.add("sha256");
    }
    if (distInfo != null && depth != ReadDepth.METADATA) {
      ZipMember recordEntry = find(listed, names, distInfo + "/RECORD");
      if (recordEntry != null) {
        byte[] bytes = readSmall(zip, recordEntry);
        if (bytes != null) {
          record = RecordParser.parse(distInfo + "/RECORD", bytes);
          if (digests) {
            record.rows().forEach(r -> algorithms.add(algorithmOf(r.hash())));
          }
        }
      }
    }
    Set<ZipMember> overlapping = overlapping(listed, names, problems);
    Map<ZipMember, ArchiveEntry> read = new IdentityHashMap<>();
    CoreMetadata metadata = null;
    CoreMetadata wheelInfo = null;
    ReadBudget budget = new ReadBudget(limits, null);
    Map<Long, ArchiveEntry> refused = new HashMap<>();
    List<ZipMember> physical = new ArrayList<>(listed);
    physical.sort(Comparator.comparingLong(ZipMember::localHeaderOffset));
    for (ZipMember entry : physical) {
      String name = names.get(entry);
      boolean small =
          distInfo != null
              && (name.equals(distInfo + "/METADATA") || name.equals(distInfo + "/WHEEL"));
      if (!small && depth == ReadDepth.METADATA) {
        read.put(entry, listed(entry, name, nameProblems.get(entry)));
        continue;
      }
      ArchiveEntry before = earlier.get(entry.localHeaderOffset());
      if (before != null) {
        ArchiveEntry same =
            new ArchiveEntry(
                name,
                before.type(),
                before.size(),
                entry.size(),
                entry.compressedSize(),
                before.digests(),
                null,
                nameProblems.get(entry),
                before.readProblem());
        read.put(entry, same);
        refused.put(entry.localHeaderOffset(), same);
        continue;
      }
      ByteArrayOutputStream capture = small ? new ByteArrayOutputStream() : null;
      ArchiveEntry result =
          readEntry(
              zip,
              entry,
              name,
              nameProblems.get(entry),
              algorithms,
              overlapping.contains(entry),
              budget,
              capture,
              problems);
      read.put(entry, result);
      if (result.readProblem() != null
          && result.readProblem().endsWith(BOMB)
          && budget.exhausted() == null) {
        refused.put(entry.localHeaderOffset(), result);
      }
      if (small && result.readProblem() == null && capture.size() == result.size()) {
        CoreMetadata parsed = CoreMetadataParser.parse(name, capture.toByteArray());
        if (name.endsWith("/METADATA")) {
          metadata = metadata == null ? parsed : metadata;
        } else {
          wheelInfo = wheelInfo == null ? parsed : wheelInfo;
        }
      }
      if (budget.exhausted() != null) {
        problems.add(new ArchiveProblem(ArchiveProblems.LIMIT, budget.exhausted()));
        break;
      }
    }
    List<ArchiveEntry> entries = new ArrayList<>();
    for (ZipMember entry : listed) {
      ArchiveEntry result = read.get(entry);
      entries.add(result != null ? result : unread(entry, names, nameProblems));
    }
    String metadataProblem =
        metadata != null || distInfo == null
            ? null
            : metadataProblem(entries, distInfo + "/METADATA", limits);
    return new Contents(
        entries,
        problems,
        metadata,
        wheelInfo,
        record,
        metadataProblem,
        Map.copyOf(refused),
        budget.total());
  }

  /**
   * Why the core metadata file at {@code path} was not kept though the archive has it: it could not
   * be read to its end, or it is larger than the small-file limit; {@code null} when it is not
   * there at all.
   */
  static String metadataProblem(List<ArchiveEntry> entries, String path, ReadLimits limits) {
    for (ArchiveEntry e : entries) {
      if (!e.name().equals(path)) {
        continue;
      }
      if (e.readProblem() != null) {
        String problem = e.readProblem();
        return path
            + (Character.isLowerCase(problem.charAt(0)) ? " " : " cannot be read: ")
            + problem;
      }
      long size = Math.max(e.size(), e.declaredSize());
      if (size > limits.maxSmallFile()) {
        return path
            + " is "
            + size
            + " bytes, more than the "
            + ReadBudget.human(limits.maxSmallFile())
            + " pyrelease reads of a core metadata file (a fixed safety limit, not a policy"
            + " option)";
      }
    }
    return null;
  }

  private ArchiveEntry readEntry(
      ZipSource zip,
      ZipMember entry,
      String name,
      String nameProblem,
      Set<String> algorithms,
      boolean overlaps,
      ReadBudget budget,
      ByteArrayOutputStream capture,
      List<ArchiveProblem> problems) {
    long declared = entry.size();
    long compressed = entry.compressedSize();
    if (entry.directory()) {
      return new ArchiveEntry(
          name, EntryType.DIRECTORY, 0, declared, compressed, Map.of(), null, nameProblem, null);
    }
    boolean symlink = entry.unixSymlink();
    EntryType type = symlink ? EntryType.SYMLINK : EntryType.FILE;
    String notRead =
        overlaps
            ? "shares its bytes with another member; not read"
            : zip.canRead(entry)
                ? null
                : "uses compression method "
                    + entry.method()
                    + ", which pyrelease does not read (wheels use deflate or stored)";
    if (notRead == null && !symlink && declaresBomb(declared, compressed)) {
      // the header's own sizes say it: nothing is inflated to learn what they already tell
      notRead =
          "declares "
              + declared
              + " bytes from "
              + compressed
              + " stored, more than "
              + limits.maxRatio()
              + ":1; not read"
              + BOMB;
    }
    if (notRead != null) {
      return new ArchiveEntry(
          name, type, 0, declared, compressed, Map.of(), null, nameProblem, notRead);
    }
    EntryDigests digests = new EntryDigests(algorithms);
    CRC32 crc = new CRC32();
    ByteArrayOutputStream link = symlink ? new ByteArrayOutputStream() : capture;
    try (InputStream in = zip.open(entry)) {
      ReadBudget.Read got = budget.read(in, digests, crc, compressed, declared, link);
      String problem = got.stopped();
      if (problem == null && declared >= 0 && got.size() != declared) {
        problem = "holds " + got.size() + " bytes but its header declares " + declared;
      }
      if (problem == null && entry.crc() >= 0 && crc.getValue() != entry.crc()) {
        problem = "fails its CRC-32 check: the content is corrupt";
      }
      if (problem != null && got.stopped() == null) {
        problems.add(new ArchiveProblem(ArchiveProblems.CORRUPT, name + " " + problem));
      }
      String target =
          symlink && link != null ? new String(link.toByteArray(), StandardCharsets.UTF_8) : null;
      return new ArchiveEntry(
          name,
          type,
          got.size(),
          declared,
          compressed,
          digests.finish(),
          target,
          nameProblem,
          problem);
    } catch (IOException | RuntimeException e) {
      String key = e instanceof EOFException ? ArchiveProblems.TRUNCATED : ArchiveProblems.CORRUPT;
      String message = name + " cannot be read: " + describe(e);
      problems.add(new ArchiveProblem(key, message));
      return new ArchiveEntry(
          name, type, 0, declared, compressed, Map.of(), null, nameProblem, describe(e));
    }
  }

  /** Whether the declared sizes alone expand past the ratio limit. */
  private boolean declaresBomb(long declared, long compressed) {
    return declared > limits.ratioFloor()
        && compressed >= 0
        && declared > Math.max(compressed, 1) * limits.maxRatio();
  }

  private static EntryType typeOf(ZipMember entry) {
    if (entry.directory()) {
      return EntryType.DIRECTORY;
    }
    return entry.unixSymlink() ? EntryType.SYMLINK : EntryType.FILE;
  }

  /** A member listed and not read ({@link ReadDepth#METADATA}): its declared sizes, no digests. */
  private static ArchiveEntry listed(ZipMember entry, String name, String nameProblem) {
    return new ArchiveEntry(
        name,
        typeOf(entry),
        Math.max(entry.size(), 0),
        entry.size(),
        entry.compressedSize(),
        Map.of(),
        null,
        nameProblem,
        null);
  }

  private static ArchiveEntry unread(
      ZipMember entry, Map<ZipMember, String> names, Map<ZipMember, String> nameProblems) {
    return new ArchiveEntry(
        names.get(entry),
        typeOf(entry),
        0,
        entry.size(),
        entry.compressedSize(),
        Map.of(),
        null,
        nameProblems.get(entry),
        UNREAD);
  }

  /**
   * Members whose stored bytes overlap an earlier member's: valid zips never do this, "overlapping"
   * zip bombs do (one compressed kernel referenced thousands of times).
   */
  private static Set<ZipMember> overlapping(
      List<ZipMember> listed, Map<ZipMember, String> names, List<ArchiveProblem> problems) {
    List<ZipMember> sorted = new ArrayList<>(listed);
    sorted.sort(Comparator.comparingLong(ZipMember::localHeaderOffset));
    Set<ZipMember> overlapping = Collections.newSetFromMap(new IdentityHashMap<>());
    ZipMember first = null;
    long end = -1;
    for (ZipMember entry : sorted) {
      long start = entry.localHeaderOffset();
      if (start < end) {
        first = first == null ? entry : first;
        overlapping.add(entry);
      }
      long dataEnd = entry.dataOffset() + Math.max(entry.compressedSize(), 0);
      end = Math.max(end, dataEnd);
    }
    if (!overlapping.isEmpty()) {
      problems.add(
          new ArchiveProblem(
              ArchiveProblems.OVERLAPPING,
              overlapping.size()
                  + " members share their bytes with other members (first: "
                  + names.get(first)
                  + "): the shape of an overlapping zip bomb; they were not read"));
    }
    return overlapping;
  }

  /** Decodes a member's name as Python's zipfile does: UTF-8 when flagged, cp437 otherwise. */
  private static void decodeName(
      ZipMember entry, Map<ZipMember, String> names, Map<ZipMember, String> nameProblems) {
    byte[] raw = entry.rawName();
    boolean ascii = true;
    for (byte b : raw) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      names.put(entry, new String(raw, StandardCharsets.US_ASCII));
      return;
    }
    boolean flagged = entry.utf8Flag();
    String utf8 = strictUtf8(raw);
    if (utf8 == null) {
      names.put(entry, new String(raw, StandardCharsets.UTF_8));
      nameProblems.put(entry, "the name is not valid UTF-8");
    } else if (!flagged) {
      names.put(entry, utf8);
      nameProblems.put(
          entry,
          "the name is not flagged as UTF-8, so Python's zipfile reads it as cp437 ('"
              + new String(raw, CP437)
              + "')");
    } else {
      names.put(entry, utf8);
    }
  }

  static String strictUtf8(byte[] raw) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The {@code .dist-info} directory the filename names, else the only one there is. */
  private static String distInfoDir(Iterable<String> names, String expected) {
    Set<String> dirs = new HashSet<>();
    for (String name : names) {
      int slash = name.indexOf('/');
      if (slash > 0 && name.substring(0, slash).endsWith(".dist-info")) {
        dirs.add(name.substring(0, slash));
      }
    }
    if (expected != null) {
      for (String dir : dirs) {
        if (dir.equalsIgnoreCase(expected)) {
          return dir;
        }
      }
    }
    return dirs.size() == 1 ? dirs.iterator().next() : null;
  }

  private static ZipMember find(List<ZipMember> listed, Map<ZipMember, String> names, String name) {
    for (ZipMember entry : listed) {
      if (names.get(entry).equals(name)) {
        return entry;
      }
    }
    return null;
  }

  private byte[] readSmall(ZipSource zip, ZipMember entry) {
    if (!zip.canRead(entry) || entry.size() > limits.maxSmallFile()) {
      return null;
    }
    try (InputStream in = zip.open(entry)) {
      byte[] bytes = in.readNBytes(limits.maxSmallFile() + 1);
      return bytes.length > limits.maxSmallFile() ? null : bytes;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The algorithm of a RECORD hash ({@code sha256=...}), lower case; sha256 when none. */
  static String algorithmOf(String hash) {
    int eq = hash.indexOf('=');
    return eq > 0 ? hash.substring(0, eq).toLowerCase(java.util.Locale.ROOT) : "sha256";
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
