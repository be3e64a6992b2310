package io.github.pyrelease.project;

import io.github.pyrelease.Hint;
import io.github.pyrelease.Setting;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the files of one project directory, by paths relative to it. Every failure becomes a {@link
 * ProjectReadException} that names the file: files over {@link #MAX_TEXT_BYTES} are refused before
 * they are read, text must be strict UTF-8 without NUL bytes, directory listings are bounded and
 * never recurse, and symbolic links that cannot be resolved (loops) are reported.
 */
final class ProjectFiles {

  /** The largest file read: configuration, modules and changelogs are far smaller. */
  static final long MAX_TEXT_BYTES = 4L * 1024 * 1024;

  /** The most entries one directory listing looks at. */
  static final int MAX_DIRECTORY_ENTRIES = 10_000;

  /** Directory names never searched for packages: tool output, virtual environments, caches. */
  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of(
          "build",
          "dist",
          "target",
          "node_modules",
          "site-packages",
          "venv",
          "env",
          "__pycache__",
          "htmlcov");

  /** What a path names. */
  enum Kind {
    MISSING,
    FILE,
    DIRECTORY,
    OTHER
  }

  /** Opens a file for reading; tests replace it to simulate an unreadable file. */
  interface Opener {
    InputStream open(Path file) throws IOException;
  }

  private final Path root;
  private final Opener opener;

  ProjectFiles(Path root, Opener opener) {
    this.root = root;
    this.opener = opener;
  }

  /** Checks that {@code projectDir} is a readable directory. */
  static ProjectFiles open(Path projectDir) {
    return open(projectDir, Files::newInputStream);
  }

  static ProjectFiles open(Path projectDir, Opener opener) {
    Path root = projectDir.toAbsolutePath().normalize();
    String shown = projectDir.toString();
    Hint fix =
        Hint.of(
            "pass the directory that holds pyproject.toml (", Setting.PROJECT_DIR.is("path"), ")");
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(root, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new ProjectReadException(fix, "the project directory does not exist", shown, e);
    } catch (IOException e) {
      throw new ProjectReadException(
          fix, "cannot open the project directory: " + reason(e), shown, e);
    }
    if (!attributes.isDirectory()) {
      throw new ProjectReadException(
          fix, "the project directory is a file, not a directory", shown, null);
    }
    if (!Files.isReadable(root)) {
      throw new ProjectReadException(
          "cannot read the project directory: permission denied",
          shown,
          "make it readable by the user running pyrelease");
    }
    return new ProjectFiles(root, opener);
  }

  Path root() {
    return root;
  }

  /**
   * Normalises a path as configuration writes it ({@code ./src//pkg/}) to the form sources report:
   * relative to the root, forward slashes. Paths outside the root keep their {@code ../}.
   */
  String normalise(String path) {
    try {
      return relative(root.resolve(path).normalize());
    } catch (InvalidPathException e) {
      return path;
    }
  }

  /** Joins path segments the way configuration does, normalised; empty segments are skipped. */
  String join(String... segments) {
    StringBuilder joined = new StringBuilder();
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (joined.length() > 0) {
        joined.append('/');
      }
      joined.append(segment);
    }
    return joined.length() == 0 ? "" : normalise(joined.toString());
  }

  private String relative(Path path) {
    String relative = root.relativize(path).toString();
    return File.separatorChar == '/' ? relative : relative.replace(File.separatorChar, '/');
  }

  private Path path(String relative) {
    try {
      return root.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      throw new ProjectReadException(
          "not a valid path: " + e.getMessage(), relative, "correct the path", e);
    }
  }

  /** What {@code relative} names, following symbolic links. */
  Kind kind(String relative) {
    Path path = path(relative);
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.isRegularFile()) {
        return Kind.FILE;
      }
      return attributes.isDirectory() ? Kind.DIRECTORY : Kind.OTHER;
    } catch (NoSuchFileException e) {
      return Kind.MISSING; // includes a link to nothing: a broken link is just not there
    } catch (IOException e) {
      throw failure(relative, path, e);
    }
  }

  boolean isFile(String relative) {
    return kind(relative) == Kind.FILE;
  }

  boolean isDirectory(String relative) {
    return kind(relative) == Kind.DIRECTORY;
  }

  /** The text of a file that may be absent; a directory or special file there counts as absent. */
  Optional<SourceText> readIfPresent(String relative) {
    return isFile(relative) ? Optional.of(read(relative)) : Optional.empty();
  }

  /** The text of a file that must exist. */
  SourceText read(String relative) {
    Path path = path(relative);
    String shown = relative(path);
    long size;
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        throw new ProjectReadException(
            shown + " is a directory, not a file", shown, "point the configuration at a file");
      }
      if (!attributes.isRegularFile()) {
        throw new ProjectReadException(
            shown + " is not a regular file", shown, "replace it with a regular text file");
      }
      size = attributes.size();
    } catch (NoSuchFileException e) {
      throw new ProjectReadException(
          shown + " does not exist", shown, "create the file or correct the path", e);
    } catch (IOException e) {
      throw failure(shown, path, e);
    }
    if (size > MAX_TEXT_BYTES) {
      throw tooLarge(shown, size);
    }
    byte[] bytes;
    try (InputStream in = opener.open(path)) {
      bytes = in.readNBytes((int) MAX_TEXT_BYTES + 1);
    } catch (IOException e) {
      throw failure(shown, path, e);
    }
    if (bytes.length > MAX_TEXT_BYTES) {
      throw tooLarge(shown, bytes.length); // grew while we looked, or the size was not reported
    }
    return SourceText.of(shown, decode(shown, bytes));
  }

  /**
   * The names of the subdirectories of {@code relative} that may hold packages, sorted: hidden
   * ones, tool output and virtual environments are skipped. Entries that are links which cannot be
   * resolved (loops) are errors; links to nothing are skipped.
   */
  List<String> packageDirectories(String relative) {
    List<String> names = new ArrayList<>();
    for (String name : entries(relative)) {
      if (!skipped(name) && kind(join(relative, name)) == Kind.DIRECTORY) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The entry names of a directory, sorted, without looking at the entries; empty when it is not a
   * directory. Never recurses.
   */
  List<String> entries(String relative) {
    if (kind(relative) != Kind.DIRECTORY) {
      return List.of();
    }
    Path dir = path(relative);
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (names.size() == MAX_DIRECTORY_ENTRIES) {
          throw new ProjectReadException(
              displayed(relative) + " has more than " + MAX_DIRECTORY_ENTRIES + " entries",
              displayed(relative),
              "pyrelease looks at most "
                  + MAX_DIRECTORY_ENTRIES
                  + " entries of a directory; keep the project directory to the project, or"
                  + " configure where the package is ([tool.setuptools] package-dir,"
                  + " [tool.hatch.version] path)");
        }
        names.add(entry.getFileName().toString());
      }
    } catch (IOException e) {
      throw failure(displayed(relative), dir, e);
    } catch (DirectoryIteratorException e) {
      throw failure(displayed(relative), dir, e.getCause());
    }
    Collections.sort(names);
    return names;
  }

  private static String displayed(String relative) {
    return relative.isEmpty() ? "the project directory" : relative;
  }

  /** A directory name never searched: hidden, tool output, virtual environments, caches. */
  static boolean skipped(String name) {
    return name.startsWith(".")
        || SKIPPED_DIRECTORIES.contains(name.toLowerCase(Locale.ROOT))
        || name.endsWith(".egg-info");
  }

  private ProjectReadException failure(String shown, Path path, IOException e) {
    if (e instanceof AccessDeniedException) {
      return new ProjectReadException(
          "cannot read " + shown + ": permission denied",
          shown,
          "make it readable by the user running pyrelease (chmod u+r " + shown + ")",
          e);
    }
    if (e instanceof FileSystemException && Files.isSymbolicLink(path)) {
      return new ProjectReadException(
          shown + " is a symbolic link that cannot be resolved (a symlink loop?): " + reason(e),
          shown,
          "remove the link or point it at a real file or directory",
          e);
    }
    return new ProjectReadException(
        "cannot read " + shown + ": " + reason(e),
        shown,
        "check that the file is readable and the disk is healthy",
        e);
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static ProjectReadException tooLarge(String shown, long size) {
    return new ProjectReadException(
        shown
            + " is "
            + size
            + " bytes, more than the "
            + (MAX_TEXT_BYTES / (1024 * 1024))
            + " MiB pyrelease reads from one file",
        shown,
        "check that this is the right file: configuration, modules and changelogs are far"
            + " smaller");
  }

  /** Strict UTF-8: a malformed sequence or a NUL byte is an error naming the byte offset. */
  private static String decode(String shown, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new ProjectReadException(
            shown + " looks like a binary file: it has a NUL byte at byte offset " + i,
            shown + ":" + lineAt(bytes, i),
            "point the configuration at the text file that holds the version");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      throw new ProjectReadException(
          String.format(
              "%s is not valid UTF-8: byte 0x%02X at byte offset %d does not decode",
              shown, bytes[offset] & 0xFF, offset),
          shown + ":" + lineAt(bytes, offset),
          "save the file as UTF-8 (Python build backends read it as UTF-8)");
    }
    out.flip();
    return out.toString();
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
