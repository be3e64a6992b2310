package io.github.pyrelease.dist;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Zip archives written byte by byte, for members no zip library writes: already compressed data,
 * and headers that declare what the test says (a size that lies, a CRC that does not match).
 */
public final class RawZip {

  private RawZip() {}

  /**
   * One member as stored.
   *
   * @param method 0 stored, 8 deflated ({@code data} then is a raw deflate stream)
   * @param size the uncompressed size the headers declare
   */
  public record Member(String name, int method, long crc, long size, byte[] data) {

    /**
     * {@code size} zeros deflated to about a thousandth, made in a moment from one fully flushed
     * deflate block of 16 MiB repeated (each such block stands alone) and an empty final block.
     */
    public static Member zeros(String name, long size) {
      int chunk = 16 << 20;
      Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
      deflater.setInput(new byte[chunk]);
      ByteArrayOutputStream block = new ByteArrayOutputStream();
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH)) > 0) {
        block.write(buffer, 0, n);
      }
      deflater.end();
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      CRC32 crc = new CRC32();
      byte[] zeros = new byte[chunk];
      for (long done = 0; done < size; done += chunk) {
        data.writeBytes(block.toByteArray());
        crc.update(zeros, 0, (int) Math.min(chunk, size - done));
      }
      if (size % chunk != 0) {
        throw new IllegalArgumentException("a multiple of 16 MiB, please");
      }
      data.write(0x03); // an empty final block
      data.write(0x00);
      return new Member(name, 8, crc.getValue(), size, data.toByteArray());
    }

    /** This member with headers declaring {@code declared} bytes (a lie, if it differs). */
    public Member declaring(long declared) {
      return new Member(name, method, crc, declared, data);
    }

    /** This member with headers declaring a CRC-32 its content does not have. */
    public Member badCrc() {
      return new Member(name, method, crc ^ 1, size, data);
    }

    public static Member stored(String name, byte[] content) {
      CRC32 crc = new CRC32();
      crc.update(content);
      return new Member(name, 0, crc.getValue(), content.length, content);
    }
  }

  /** The archive: local headers and data in order, the central directory, the end record. */
  public static byte[] of(List<Member> members) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long[] offsets = new long[members.size()];
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      byte[] name = m.name().getBytes(StandardCharsets.UTF_8);
      offsets[i] = out.size();
      int32(out, 0x04034b50);
      int16(out, 20);
      int16(out, 0x800);
      int16(out, m.method());
      int32(out, 0); // time and date
      int32(out, m.crc());
      int32(out, m.data().length);
      int32(out, m.size());
      int16(out, name.length);
      int16(out, 0);
      out.writeBytes(name);
      out.writeBytes(m.data());
    }
    long directory = out.size();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      byte[] name = m.name().getBytes(StandardCharsets.UTF_8);
      int32(out, 0x02014b50);
      int16(out, 0x0314); // made by Unix
      int16(out, 20);
      int16(out, 0x800);
      int16(out, m.method());
      int32(out, 0);
      int32(out, m.crc());
      int32(out, m.data().length);
      int32(out, m.size());
      int16(out, name.length);
      int16(out, 0);
      int16(out, 0);
      int16(out, 0);
      int16(out, 0);
      int32(out, 0100644L << 16);
      int32(out, offsets[i]);
      out.writeBytes(name);
    }
    long size = out.size() - directory;
    int32(out, 0x06054b50);
    int16(out, 0);
    int16(out, 0);
    int16(out, members.size());
    int16(out, members.size());
    int32(out, size);
    int32(out, directory);
    int16(out, 0);
    return out.toByteArray();
  }

  private static void int16(ByteArrayOutputStream out, int v) {
    out.write(v & 0xFF);
    out.write((v >> 8) & 0xFF);
  }

  private static void int32(ByteArrayOutputStream out, long v) {
    int16(out, (int) (v & 0xFFFF));
    int16(out, (int) ((v >> 16) & 0xFFFF));
  }
}
