package io.github.pyrelease.dist;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The zip archives wheels are: one disk, no zip64, no encryption, members stored or deflated, the
 * central directory right before its end record. Read with a few positional reads (small archives
 * in one), one inflater for all members and no per-member buffers, which is most of what reading a
 * small wheel costs otherwise. {@link #open} returns {@code null} for any other shape, and any
 * damage ends in an exception: {@link ZipReader} then reads the archive with commons-compress,
 * which words the problem.
 */
final class PlainZipSource implements ZipSource {

  /** Archives up to this size are read into memory with one read. */
  private static final int WHOLE_FILE = 4 << 20;

  private static final int END_RECORD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int LOCAL_HEADER = 0x04034b50;
  private static final long NO_32_BIT_VALUE = 0xFFFFFFFFL;

  private final FileChannel channel;
  private final byte[] whole;
  private final List<ZipMember> members;
  private final Inflater inflater = new Inflater(true);

  private PlainZipSource(FileChannel channel, byte[] whole, List<ZipMember> members) {
    this.channel = channel;
    this.whole = whole;
    this.members = members;
  }

  /**
   * Opens {@code file} when it has the plain shape.
   *
   * @return {@code null} when it does not (zip64, several disks, other methods, prepended data)
   * @throws IOException when it cannot be read, or is damaged
   */
  static PlainZipSource open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      PlainZipSource source = parse(channel);
      if (source == null) {
        channel.close();
      }
      return source;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static PlainZipSource parse(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size < 22) {
      return null;
    }
    byte[] whole = null;
    byte[] tail;
    long tailStart;
    if (size <= WHOLE_FILE) {
      whole = readFully(channel, 0, (int) size);
      tail = whole;
      tailStart = 0;
    } else {
      int length = (int) Math.min(size, 22 + 0xFFFF);
      tailStart = size - length;
      tail = readFully(channel, tailStart, length);
    }
    int end = endRecord(tail, size - tailStart);
    if (end < 0
        || (end >= 20 && int32(tail, end - 20) == ZIP64_LOCATOR)
        || int16(tail, end + 4) != 0
        || int16(tail, end + 6) != 0
        || int16(tail, end + 8) != int16(tail, end + 10)) {
      return null;
    }
    int count = int16(tail, end + 10);
    long directorySize = uint32(tail, end + 12);
    long directoryOffset = uint32(tail, end + 16);
    long endOffset = tailStart + end;
    if (count == 0xFFFF
        || directorySize == NO_32_BIT_VALUE
        || directoryOffset == NO_32_BIT_VALUE
        || directoryOffset + directorySize != endOffset) {
      return null;
    }
    byte[] directory =
        whole != null ? whole : readFully(channel, directoryOffset, Math.toIntExact(directorySize));
    int base = whole != null ? (int) directoryOffset : 0;
    List<ZipMember> members = centralDirectory(directory, base, (int) directorySize, count);
    if (members == null) {
      return null;
    }
    members = withDataOffsets(channel, whole, members, directoryOffset);
    return members == null ? null : new PlainZipSource(channel, whole, members);
  }

  /**
   * The offset in {@code tail} of the last end record signature, as commons-compress finds it, or
   * -1 when there is none or its comment does not reach the end exactly.
   */
  private static int endRecord(byte[] tail, long length) {
    int last = (int) Math.max(0, length - 22 - 0xFFFF);
    for (int i = (int) length - 22; i >= last; i--) {
      if (int32(tail, i) == END_RECORD) {
        return i + 22 + int16(tail, i + 20) == length ? i : -1;
      }
    }
    return -1;
  }

  private static List<ZipMember> centralDirectory(byte[] d, int start, int length, int count) {
    List<ZipMember> members = new ArrayList<>(count);
    int p = start;
    int end = start + length;
    while (p < end) {
      if (p + 46 > end || int32(d, p) != CENTRAL_HEADER) {
        return null;
      }
      int madeBy = int16(d, p + 4);
      int flags = int16(d, p + 8);
      int method = int16(d, p + 10);
      long crc = uint32(d, p + 16);
      long compressed = uint32(d, p + 20);
      long size = uint32(d, p + 24);
      int nameLength = int16(d, p + 28);
      int extraLength = int16(d, p + 30);
      int commentLength = int16(d, p + 32);
      int disk = int16(d, p + 34);
      long external = uint32(d, p + 38);
      long localHeader = uint32(d, p + 42);
      int name = p + 46;
      int next = name + nameLength + extraLength + commentLength;
      if (next > end
          || (flags & 0x41) != 0 // encrypted, strongly or not
          || (method != 0 && method != 8)
          || compressed == NO_32_BIT_VALUE
          || size == NO_32_BIT_VALUE
          || localHeader == NO_32_BIT_VALUE
          || disk != 0
          || hasZip64Extra(d, name + nameLength, extraLength)) {
        return null;
      }
      byte[] rawName = new byte[nameLength];
      System.arraycopy(d, name, rawName, 0, nameLength);
      int unixMode = (madeBy >> 8) == 3 ? (int) (external >> 16) & 0xFFFF : 0;
      members.add(
          new ZipMember(
              rawName,
              (flags & 0x800) != 0,
              size,
              compressed,
              crc,
              method,
              localHeader,
              -1,
              nameLength > 0 && rawName[nameLength - 1] == '/',
              (unixMode & 0170000) == 0120000,
              members.size()));
      p = next;
    }
    return members.size() == count ? members : null;
  }

  private static boolean hasZip64Extra(byte[] d, int start, int length) {
    int p = start;
    int end = start + length;
    while (p + 4 <= end) {
      if (int16(d, p) == 0x0001) {
        return true;
      }
      p += 4 + int16(d, p + 2);
    }
    return false;
  }

  /** The members with where their data starts, read from their local headers. */
  private static List<ZipMember> withDataOffsets(
      FileChannel channel, byte[] whole, List<ZipMember> members, long directoryOffset)
      throws IOException {
    List<ZipMember> resolved = new ArrayList<>(members);
    List<ZipMember> physical = new ArrayList<>(members);
    physical.sort(Comparator.comparingLong(ZipMember::localHeaderOffset));
    byte[] header = new byte[30];
    for (ZipMember m : physical) {
      long at = m.localHeaderOffset();
      if (at + 30 > directoryOffset) {
        return null;
      }
      byte[] h;
      int p;
      if (whole != null) {
        h = whole;
        p = (int) at;
      } else {
        readFully(channel, at, header, 30);
        h = header;
        p = 0;
      }
      if (int32(h, p) != LOCAL_HEADER) {
        return null;
      }
      long data = at + 30 + int16(h, p + 26) + int16(h, p + 28);
      if (data + m.compressedSize() > directoryOffset) {
        return null;
      }
      resolved.set(
          m.index(),
          new ZipMember(
              m.rawName(),
              m.utf8Flag(),
              m.size(),
              m.compressedSize(),
              m.crc(),
              m.method(),
              m.localHeaderOffset(),
              data,
              m.directory(),
              m.unixSymlink(),
              m.index()));
    }
    return resolved;
  }

  @Override
  public List<ZipMember> members() {
    return members;
  }

  @Override
  public boolean canRead(ZipMember member) {
    return true; // only stored and deflated members get here
  }

  @Override
  public InputStream open(ZipMember member) {
    Stored stored = new Stored(member.dataOffset(), member.compressedSize());
    if (member.method() == 0) {
      return stored;
    }
    inflater.reset();
    return new Inflating(stored);
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    channel.close();
  }

  /** A member's stored bytes. */
  private final class Stored extends InputStream {
    private long position;
    private final long end;

    Stored(long start, long length) {
      this.position = start;
      this.end = start + length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position >= end) {
        return -1;
      }
      int n = (int) Math.min(len, end - position);
      if (whole != null) {
        System.arraycopy(whole, (int) position, b, off, n);
      } else {
        n = channel.read(ByteBuffer.wrap(b, off, n), position);
        if (n <= 0) {
          throw new EOFException("the archive ends inside a member");
        }
      }
      position += n;
      return n;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }
  }

  /** A deflated member, inflated with the archive's one inflater. */
  private final class Inflating extends InputStream {
    private final Stored in;
    private final byte[] input;
    private boolean padded;

    Inflating(Stored in) {
      this.in = in;
      this.input = whole != null ? null : new byte[8192];
      if (whole != null) {
        // the member's bytes are in memory already: the inflater reads them in place
        inflater.setInput(whole, (int) in.position, (int) (in.end - in.position));
        in.position = in.end;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      try {
        while (true) {
          int n = inflater.inflate(b, off, len);
          if (n > 0) {
            return n;
          }
          if (inflater.finished()) {
            return -1;
          }
          if (inflater.needsDictionary()) {
            throw new IOException("the deflate stream asks for a preset dictionary");
          }
          if (inflater.needsInput()) {
            int got = input == null ? -1 : in.read(input, 0, input.length);
            if (got > 0) {
              inflater.setInput(input, 0, got);
            } else if (!padded) {
              // a raw inflater may want one byte past the stream's end (see Inflater(boolean))
              padded = true;
              inflater.setInput(new byte[1], 0, 1);
            } else {
              throw new EOFException("the deflate stream ends early");
            }
          }
        }
      } catch (DataFormatException e) {
        throw new IOException("corrupt deflate stream: " + e.getMessage(), e);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }
  }

  private static byte[] readFully(FileChannel channel, long position, int length)
      throws IOException {
    byte[] bytes = new byte[length];
    readFully(channel, position, bytes, length);
    return bytes;
  }

  private static void readFully(FileChannel channel, long position, byte[] into, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(into, 0, length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("the archive ends early");
      }
    }
  }

  private static int int16(byte[] b, int p) {
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
  }

  private static int int32(byte[] b, int p) {
    return (b[p] & 0xFF)
        | (b[p + 1] & 0xFF) << 8
        | (b[p + 2] & 0xFF) << 16
        | (b[p + 3] & 0xFF) << 24;
  }

  private static long uint32(byte[] b, int p) {
    return int32(b, p) & 0xFFFFFFFFL;
  }
}
