package io.github.pyrelease.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.version.Version;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project's page of the simple repository: its files and versions, written as PEP 503 HTML (with
 * PEP 592 {@code data-yanked} and the PEP 629 version tag) and as PEP 691 JSON of API version 1.1
 * (PEP 700: {@code versions}, {@code size}, {@code upload-time}).
 */
final class ProjectPage {

  /** The simple API version written, when every file's size is known (PEP 700 requires it). */
  static final String API_VERSION = "1.1";

  /** The version written for a page listing a file of unknown size (read from HTML only). */
  static final String API_VERSION_WITHOUT_SIZES = "1.0";

  /** PEP 440 order; strings that are not versions (legacy) after them, in text order. */
  static final Comparator<String> VERSION_ORDER =
      (a, b) -> {
        Optional<Version> va = Version.tryParse(a);
        Optional<Version> vb = Version.tryParse(b);
        if (va.isPresent() && vb.isPresent()) {
          int c = va.get().compareTo(vb.get());
          return c != 0 ? c : a.compareTo(b);
        }
        if (va.isPresent() != vb.isPresent()) {
          return va.isPresent() ? -1 : 1;
        }
        return a.compareTo(b);
      };

  private static final DateTimeFormatter UPLOAD_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final Pattern REPOSITORY_VERSION =
      Pattern.compile(
          "<meta\\s+name=[\"']pypi:repository-version[\"']\\s+content=[\"']([^\"']*)[\"']",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SHA256_FRAGMENT = Pattern.compile("sha256=([0-9a-fA-F]{64})");

  private final String name;
  private final Set<String> versions = new TreeSet<>(VERSION_ORDER);
  private final Map<String, FileEntry> files = new LinkedHashMap<>();

  /** An empty page of {@code name} (normalised). */
  ProjectPage(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  Optional<FileEntry> file(String filename) {
    return Optional.ofNullable(files.get(filename));
  }

  /** Lists {@code entry} (replacing one of the same name) and its version. */
  void add(FileEntry entry) {
    files.put(entry.filename(), entry);
    DistributionFileName.versionOf(name, entry.filename()).ifPresent(versions::add);
  }

  /** The files in version order, then by name. */
  List<FileEntry> files() {
    Comparator<FileEntry> order =
        Comparator.comparing(
                (FileEntry f) -> DistributionFileName.versionOf(name, f.filename()).orElse(""),
                VERSION_ORDER)
            .thenComparing(FileEntry::filename);
    List<FileEntry> sorted = new ArrayList<>(files.values());
    sorted.sort(order);
    return sorted;
  }

  List<String> versions() {
    return List.copyOf(versions);
  }

  String apiVersion() {
    return files.values().stream().allMatch(f -> f.size() != null)
        ? API_VERSION
        : API_VERSION_WITHOUT_SIZES;
  }

  String html() {
    StringBuilder out = new StringBuilder(512);
    out.append("<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset=\"utf-8\">\n")
        .append("    <meta name=\"pypi:repository-version\" content=\"")
        .append(apiVersion())
        .append("\">\n    <title>Links for ")
        .append(Html.escape(name))
        .append("</title>\n  </head>\n  <body>\n    <h1>Links for ")
        .append(Html.escape(name))
        .append("</h1>\n");
    for (FileEntry f : files()) {
      String href = f.sha256() == null ? f.url() : f.url() + "#sha256=" + f.sha256();
      out.append("    <a href=\"").append(Html.escape(href)).append('"');
      if (f.requiresPython() != null) {
        out.append(" data-requires-python=\"").append(Html.escape(f.requiresPython())).append('"');
      }
      if (f.yanked() != null) {
        out.append(" data-yanked=\"").append(Html.escape(f.yanked())).append('"');
      }
      out.append('>').append(Html.escape(f.filename())).append("</a><br>\n");
    }
    return out.append("  </body>\n</html>\n").toString();
  }

  String json() {
    ObjectNode page = PagesJson.object();
    page.putObject("meta").put("api-version", apiVersion());
    page.put("name", name);
    ArrayNode versionList = page.putArray("versions");
    versions.forEach(versionList::add);
    ArrayNode fileList = page.putArray("files");
    for (FileEntry f : files()) {
      ObjectNode file = fileList.addObject();
      file.put("filename", f.filename());
      file.put("url", f.url());
      ObjectNode hashes = file.putObject("hashes");
      if (f.sha256() != null) {
        hashes.put("sha256", f.sha256());
      }
      file.put("requires-python", f.requiresPython());
      if (f.size() != null) {
        file.put("size", f.size());
      }
      if (f.uploadTime() != null) {
        file.put("upload-time", formatUploadTime(f.uploadTime()));
      }
      if (f.yanked() != null) {
        if (f.yanked().isEmpty()) {
          file.put("yanked", true);
        } else {
          file.put("yanked", f.yanked());
        }
      }
    }
    return PagesJson.write(page);
  }

  /** PEP 700's {@code yyyy-mm-ddThh:mm:ss.ffffffZ}, in UTC. */
  static String formatUploadTime(Instant time) {
    return UPLOAD_TIME.format(time.truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * Reads the JSON page written earlier.
   *
   * @throws io.github.pyrelease.PyreleaseException naming the file when it cannot be read back
   */
  static ProjectPage fromJson(String name, Path file, String text) {
    JsonNode root = PagesJson.read(file, text);
    checkApiVersion(file, root.path("meta").path("api-version").asText("1.0"));
    JsonNode fileList = root.get("files");
    if (fileList == null || !fileList.isArray()) {
      throw PagesJson.corrupt(file, file.toString(), "has no 'files' list");
    }
    ProjectPage page = new ProjectPage(name);
    JsonNode versionList = root.path("versions");
    for (JsonNode v : versionList) {
      if (!v.isTextual()) {
        throw PagesJson.corrupt(file, file + " at versions", "lists a version that is no string");
      }
      page.versions.add(v.asText());
    }
    for (int i = 0; i < fileList.size(); i++) {
      JsonNode f = fileList.get(i);
      String at = file + " at files[" + i + "]";
      if (!f.isObject()) {
        throw PagesJson.corrupt(file, at, "lists a file that is not an object");
      }
      String filename = requiredText(file, at, f, "filename");
      String url = requiredText(file, at, f, "url");
      JsonNode sha256 = f.path("hashes").path("sha256");
      JsonNode size = f.path("size");
      FileEntry entry =
          new FileEntry(
              filename,
              url,
              sha256.isTextual() ? sha256.asText().toLowerCase(Locale.ROOT) : null,
              size.isIntegralNumber() ? size.asLong() : null,
              f.path("requires-python").isTextual() ? f.path("requires-python").asText() : null,
              uploadTime(file, at, f.path("upload-time")),
              yanked(f.path("yanked")));
      if (page.files.containsKey(filename)) {
        throw PagesJson.corrupt(file, at, "lists " + filename + " twice");
      }
      page.add(entry);
    }
    return page;
  }

  /** Reads an HTML page written earlier (by pyrelease or another tool): its anchors. */
  static ProjectPage fromHtml(String name, Path file, String text) {
    Matcher version = REPOSITORY_VERSION.matcher(text);
    if (version.find()) {
      checkApiVersion(file, version.group(1));
    }
    ProjectPage page = new ProjectPage(name);
    for (Html.Anchor anchor : Html.anchors(text)) {
      String href = anchor.attribute("href");
      if (href == null || href.isBlank()) {
        continue;
      }
      int hash = href.indexOf('#');
      String url = hash < 0 ? href : href.substring(0, hash);
      Matcher sha256 = SHA256_FRAGMENT.matcher(hash < 0 ? "" : href.substring(hash + 1));
      String filename = anchor.text().isEmpty() ? lastSegment(url) : anchor.text();
      page.add(
          new FileEntry(
              filename,
              url,
              sha256.find() ? sha256.group(1).toLowerCase(Locale.ROOT) : null,
              null,
              anchor.attribute("data-requires-python"),
              null,
              anchor.attribute("data-yanked")));
    }
    return page;
  }

  private static String lastSegment(String url) {
    String path = url.replaceFirst("[?].*$", "");
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static void checkApiVersion(Path file, String apiVersion) {
    if (!apiVersion.strip().startsWith("1.") && !apiVersion.strip().equals("1")) {
      throw PagesJson.corrupt(
          file,
          file.toString(),
          "is of simple API version " + apiVersion + "; pyrelease reads and writes version 1");
    }
  }

  private static String requiredText(Path file, String at, JsonNode f, String key) {
    JsonNode value = f.get(key);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw PagesJson.corrupt(file, at, "lists a file without '" + key + "'");
    }
    return value.asText();
  }

  private static Instant uploadTime(Path file, String at, JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    try {
      return Instant.parse(value.asText());
    } catch (DateTimeParseException e) {
      throw PagesJson.corrupt(
          file,
          at,
          "has an upload-time '" + value.asText() + "' that is not yyyy-mm-ddThh:mm:ss.ffffffZ");
    }
  }

  private static String yanked(JsonNode value) {
    if (value.isTextual()) {
      // An empty reason is falsy in PEP 691: not yanked.
      return value.asText().isEmpty() ? null : value.asText();
    }
    return value.asBoolean(false) ? "" : null;
  }
}
