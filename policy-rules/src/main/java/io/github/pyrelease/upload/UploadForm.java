package io.github.pyrelease.upload;

import io.github.pyrelease.dist.CoreMetadata;
import io.github.pyrelease.dist.DistributionKind;
import io.github.pyrelease.dist.MetadataField;
import io.github.pyrelease.dist.ReleaseFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The form fields of a legacy upload, as twine sends them (the reverse of warehouse's {@code
 * parse_form_metadata}): each core metadata header in lower case with {@code -} made {@code _},
 * multiple-use headers repeated under a plural name ({@code classifiers}, {@code project_urls}) or,
 * for a few, a singular one ({@code platform}, {@code supported_platform}, {@code license_file});
 * {@code Keywords} split at commas and joined with {@code ", "}; {@code Project-URL} as {@code
 * "label, url"}; the long description from the body; {@code name} as twine's "safe name"; then the
 * file's own fields. Headers that are not core metadata are not sent (twine refuses such a file;
 * warehouse would ignore them), nor is {@code License-File} below metadata 2.4, which setuptools
 * writes with another meaning.
 */
final class UploadForm {

  /** Core metadata headers (lower case) and the form field each becomes. */
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("metadata-version", "metadata_version"),
          Map.entry("name", "name"),
          Map.entry("version", "version"),
          Map.entry("platform", "platform"),
          Map.entry("supported-platform", "supported_platform"),
          Map.entry("summary", "summary"),
          Map.entry("description-content-type", "description_content_type"),
          Map.entry("keywords", "keywords"),
          Map.entry("home-page", "home_page"),
          Map.entry("download-url", "download_url"),
          Map.entry("author", "author"),
          Map.entry("author-email", "author_email"),
          Map.entry("maintainer", "maintainer"),
          Map.entry("maintainer-email", "maintainer_email"),
          Map.entry("license", "license"),
          Map.entry("license-expression", "license_expression"),
          Map.entry("license-file", "license_file"),
          Map.entry("classifier", "classifiers"),
          Map.entry("requires-dist", "requires_dist"),
          Map.entry("requires-python", "requires_python"),
          Map.entry("requires-external", "requires_external"),
          Map.entry("project-url", "project_urls"),
          Map.entry("provides-extra", "provides_extra"),
          Map.entry("provides-dist", "provides_dist"),
          Map.entry("obsoletes-dist", "obsoletes_dist"),
          Map.entry("requires", "requires"),
          Map.entry("provides", "provides"),
          Map.entry("obsoletes", "obsoletes"),
          Map.entry("dynamic", "dynamic"),
          Map.entry("import-name", "import_name"),
          Map.entry("import-namespace", "import_namespace"));

  private UploadForm() {}

  /**
   * One form field.
   *
   * @param name the field name
   * @param value its value
   */
  record Field(String name, String value) {}

  /**
   * Every field but the file itself ({@code content}), in the order sent.
   *
   * @throws UploadException when the file is neither a wheel nor an sdist
   */
  static List<Field> fieldsOf(ReleaseFile file) {
    CoreMetadata metadata = file.metadata();
    boolean licenseFiles = atLeast(metadata.value("Metadata-Version").orElse("0"), 2, 4);
    List<Field> fields = new ArrayList<>();
    for (MetadataField header : metadata.fields()) {
      String key = header.name().toLowerCase(Locale.ROOT);
      String name = FIELDS.get(key);
      if (name == null || (key.equals("license-file") && !licenseFiles)) {
        continue;
      }
      fields.add(new Field(name, valueOf(key, header.value())));
    }
    metadata.description().ifPresent(text -> fields.add(new Field("description", text(metadata))));
    fields.add(new Field("pyversion", pyversion(file)));
    fields.add(new Field("filetype", filetype(file)));
    // twine sends md5_digest too (except in FIPS mode); private indexes verify uploads with it
    fields.add(new Field("md5_digest", file.digests().md5()));
    fields.add(new Field("sha256_digest", file.digests().sha256()));
    fields.add(new Field("blake2_256_digest", file.digests().blake2b256()));
    fields.add(new Field(":action", "file_upload"));
    fields.add(new Field("protocol_version", "1"));
    return List.copyOf(fields);
  }

  private static String valueOf(String key, String value) {
    return switch (key) {
      case "name" -> safeName(value);
      case "keywords" ->
          Arrays.stream(value.split(",", -1)).map(String::strip).collect(Collectors.joining(", "));
      case "project-url" -> projectUrl(value);
      default -> value;
    };
  }

  /**
   * The long description as Python's email parser reads it: the body, or the {@code Description}
   * header of older metadata. The parsed body lost the line end of its last line, which every build
   * backend writes and Python keeps: it is put back.
   */
  private static String text(CoreMetadata metadata) {
    String body = metadata.body();
    if (body != null && !body.isBlank()) {
      return body + "\n";
    }
    return metadata.description().orElse("");
  }

  /** twine's (and pkg_resources') safe name: runs outside {@code [A-Za-z0-9.]} become one '-'. */
  static String safeName(String name) {
    return name.replaceAll("[^A-Za-z0-9.]+", "-");
  }

  /** {@code "label, url"}, split at the first comma and trimmed, as packaging and twine do. */
  private static String projectUrl(String value) {
    int comma = value.indexOf(',');
    String label = comma < 0 ? value : value.substring(0, comma);
    String url = comma < 0 ? "" : value.substring(comma + 1);
    return label.strip() + ", " + url.strip();
  }

  /**
   * The python tag of a wheel's name ({@code py3}, {@code cp312}, {@code py2.py3}); sdists: source.
   */
  static String pyversion(ReleaseFile file) {
    if (file.kind() == DistributionKind.SDIST) {
      return "source";
    }
    String base = file.fileName().substring(0, file.fileName().length() - ".whl".length());
    String[] parts = base.split("-");
    // {name}-{version}(-{build})?-{python}-{abi}-{platform}
    return parts.length >= 4 ? parts[parts.length - 3] : "any";
  }

  static String filetype(ReleaseFile file) {
    return switch (file.kind()) {
      case WHEEL -> "bdist_wheel";
      case SDIST -> "sdist";
      case OTHER ->
          throw new UploadException(
              UploadException.Kind.REJECTED,
              file.fileName() + " is neither a wheel (.whl) nor an sdist (.tar.gz)",
              file.path().toString(),
              "upload only the wheels and the sdist that the build wrote");
    };
  }

  /** Whether a {@code Metadata-Version} is at least {@code major.minor}. */
  static boolean atLeast(String version, int major, int minor) {
    String[] parts = version.strip().split("\\.");
    try {
      int ma = Integer.parseInt(parts[0]);
      int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return ma > major || (ma == major && mi >= minor);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
