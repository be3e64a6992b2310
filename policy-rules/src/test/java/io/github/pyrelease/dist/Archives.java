package io.github.pyrelease.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds wheels and sdists for tests: good ones, and ones broken in one precise way. */
public final class Archives {

  private Archives() {}

  /** A wheel under construction: files in order, RECORD written (or not) at the end. */
  public static final class Wheel {
    private final String name;
    private final String version;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> recordOverrides = new LinkedHashMap<>();
    private final List<String> extraRecordLines = new ArrayList<>();
    private String metadata;
    private boolean record = true;
    private String tag = "py3-none-any";

    public Wheel(String name, String version) {
      this.name = name;
      this.version = version;
      this.metadata =
          "Metadata-Version: 2.1\nName: "
              + name
              + "\nVersion: "
              + version
              + "\nSummary: A test distribution.\nDescription-Content-Type: text/markdown\n\n# "
              + name
              + "\n\nA test distribution.\n";
      file(module() + "/__init__.py", "__version__ = \"" + version + "\"\n");
    }

    public String module() {
      return name.replaceAll("[-.]+", "_").toLowerCase(java.util.Locale.ROOT);
    }

    public String distInfo() {
      return module() + "-" + version + ".dist-info";
    }

    public String fileName() {
      return module() + "-" + version + "-" + tag + ".whl";
    }

    public Wheel tag(String tag) {
      this.tag = tag;
      return this;
    }

    public Wheel metadata(String metadata) {
      this.metadata = metadata;
      return this;
    }

    public Wheel file(String path, String content) {
      files.put(path, content.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    public Wheel file(String path, byte[] content) {
      files.put(path, content);
      return this;
    }

    /** Writes {@code row} in RECORD for {@code path} instead of the true one. */
    public Wheel recordRow(String path, String row) {
      recordOverrides.put(path, row);
      return this;
    }

    public Wheel extraRecordLine(String line) {
      extraRecordLines.add(line);
      return this;
    }

    public Wheel noRecord() {
      record = false;
      return this;
    }

    public byte[] bytes() {
      Map<String, byte[]> all = new LinkedHashMap<>(files);
      all.put(distInfo() + "/METADATA", metadata.getBytes(StandardCharsets.UTF_8));
      all.put(
          distInfo() + "/WHEEL",
          ("Wheel-Version: 1.0\nGenerator: pyrelease-tests\nRoot-Is-Purelib: true\nTag: "
                  + tag
                  + "\n")
              .getBytes(StandardCharsets.UTF_8));
      if (record) {
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, byte[]> f : all.entrySet()) {
          String row = recordOverrides.get(f.getKey());
          rows.append(row != null ? row : Archives.recordRow(f.getKey(), f.getValue()))
              .append('\n');
        }
        extraRecordLines.forEach(l -> rows.append(l).append('\n'));
        rows.append(distInfo()).append("/RECORD,,\n");
        all.put(distInfo() + "/RECORD", rows.toString().getBytes(StandardCharsets.UTF_8));
      }
      return zip(all);
    }

    public Path write(Path dir) throws IOException {
      Path file = dir.resolve(fileName());
      Files.write(file, bytes());
      return file;
    }
  }

  public static String recordRow(String path, byte[] content) {
    return path + ",sha256=" + sha256(content) + "," + content.length;
  }

  public static String sha256(byte[] content) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A zip of {@code files}, deflated, UTF-8 names flagged. */
  public static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      zip.setEncoding("UTF-8");
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        ZipArchiveEntry entry = new ZipArchiveEntry(f.getKey());
        zip.putArchiveEntry(entry);
        zip.write(f.getValue());
        zip.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** One member of a tar under construction. */
  public record TarMember(String name, byte[] content, byte type, String link) {
    public static TarMember file(String name, String content) {
      return new TarMember(
          name, content.getBytes(StandardCharsets.UTF_8), TarArchiveEntry.LF_NORMAL, null);
    }

    public static TarMember symlink(String name, String target) {
      return new TarMember(name, new byte[0], TarArchiveEntry.LF_SYMLINK, target);
    }

    public static TarMember dir(String name) {
      return new TarMember(name, new byte[0], TarArchiveEntry.LF_DIR, null);
    }
  }

  /** A gzipped pax tar of {@code members}. */
  public static byte[] tarGz(List<TarMember> members) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (TarMember m : members) {
        TarArchiveEntry entry = new TarArchiveEntry(m.name(), m.type(), true);
        if (m.link() != null) {
          entry.setLinkName(m.link());
        }
        entry.setSize(m.type() == TarArchiveEntry.LF_NORMAL ? m.content().length : 0);
        tar.putArchiveEntry(entry);
        if (m.type() == TarArchiveEntry.LF_NORMAL) {
          tar.write(m.content());
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** A plain sdist: root directory, PKG-INFO, pyproject.toml and the module. */
  public static List<TarMember> sdist(String name, String version, String pkgInfo) {
    String root = name.replaceAll("[-.]+", "_").toLowerCase(java.util.Locale.ROOT) + "-" + version;
    List<TarMember> members = new ArrayList<>();
    members.add(TarMember.file(root + "/PKG-INFO", pkgInfo));
    members.add(
        TarMember.file(
            root + "/pyproject.toml",
            "[build-system]\nrequires = [\"flit_core\"]\nbuild-backend = \"flit_core.buildapi\"\n"));
    members.add(
        TarMember.file(
            root + "/" + root.substring(0, root.indexOf('-')) + "/__init__.py",
            "__version__ = \"" + version + "\"\n"));
    return members;
  }

  public static String pkgInfo(String name, String version) {
    return "Metadata-Version: 2.1\nName: "
        + name
        + "\nVersion: "
        + version
        + "\nSummary: A test distribution.\nDescription-Content-Type: text/markdown\n\n# "
        + name
        + "\n";
  }
}
