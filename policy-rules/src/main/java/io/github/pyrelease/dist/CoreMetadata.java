package io.github.pyrelease.dist;

import java.util.List;
import java.util.Optional;

/**
 * A core metadata file (METADATA, PKG-INFO) or a WHEEL file, parsed the way Python's {@code
 * email.parser} with the compat32 policy reads it: header fields, then the body after the first
 * blank line.
 *
 * @param path where the file is inside the archive
 * @param fields every header field, in order
 * @param body the message body (the long description in metadata 2.1+), or {@code null}
 * @param bodyLine the 1-based line the body starts on, or 0
 * @param defects what the parser had to tolerate: bytes that are not UTF-8, a line that is not a
 *     header before the blank line (Python then reads the rest as the body), a file too large
 */
public record CoreMetadata(
    String path, List<MetadataField> fields, String body, int bodyLine, List<String> defects) {

  public CoreMetadata {
    fields = List.copyOf(fields);
    defects = List.copyOf(defects);
  }

  /** The first field named {@code name} (case-insensitive). */
  public Optional<MetadataField> field(String name) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The value of the first field named {@code name}, if any. */
  public Optional<String> value(String name) {
    return field(name).map(MetadataField::value);
  }

  /** Every field named {@code name}, in order. */
  public List<MetadataField> all(String name) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).toList();
  }

  /**
   * The long description: the body when it has text, else the {@code Description} field (older
   * metadata puts it there, continuation lines indented).
   */
  public Optional<String> description() {
    if (body != null && !body.isBlank()) {
      return Optional.of(body);
    }
    return value("Description");
  }

  /** The line the long description starts on, for evidence. */
  public int descriptionLine() {
    if (body != null && !body.isBlank()) {
      return bodyLine;
    }
    return field("Description").map(MetadataField::line).orElse(0);
  }
}
