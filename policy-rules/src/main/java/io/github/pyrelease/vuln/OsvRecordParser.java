package io.github.pyrelease.vuln;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.deps.Requirement;
import io.github.pyrelease.version.InvalidVersionException;
import io.github.pyrelease.version.Version;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Reads OSV records (JSON, or YAML as the PyPA advisory database writes them) into the {@link
 * Advisory advisories} of their PyPI packages. Withdrawn records give none. A record that is not an
 * OSV record is an error naming its file; a PyPI range whose event is no PEP 440 version makes the
 * record unevaluable for that package only, so that the audit of a project depending on it says so
 * rather than passing it, and the rest of the database stays usable.
 */
final class OsvRecordParser {

  /** PyPI's ecosystem, case-sensitive as the OSV schema says. */
  static final String PYPI = "PyPI";

  private static final int SUMMARY_LENGTH = 120;
  private static final ObjectMapper JSON = new ObjectMapper();

  private OsvRecordParser() {}

  /**
   * The advisories one file holds: an OSV record, or (JSON) a list of them.
   *
   * @param source the file (and archive member) as messages name it
   * @param yaml whether the file is YAML rather than JSON
   * @throws PyreleaseException naming {@code source} when it is not an OSV record
   */
  static List<Advisory> parse(byte[] bytes, String source, boolean yaml) {
    Object root = tree(bytes, source, yaml);
    List<Advisory> advisories = new ArrayList<>();
    if (root instanceof List<?> list && !yaml) {
      for (Object item : list) {
        record(item, source, advisories);
      }
    } else {
      record(root, source, advisories);
    }
    return advisories;
  }

  /** The file as plain maps, lists and strings. */
  static Object tree(byte[] bytes, String source, boolean yaml) {
    return yaml ? yaml(bytes, source) : json(bytes, source);
  }

  /** The advisories of one record already read as a tree (from the OSV API). */
  static List<Advisory> parse(Object record, String source) {
    List<Advisory> advisories = new ArrayList<>();
    record(record, source, advisories);
    return advisories;
  }

  private static Object json(byte[] bytes, String source) {
    try {
      return JSON.readValue(bytes, Object.class);
    } catch (JsonProcessingException e) {
      throw new PyreleaseException(
          source
              + " is not valid JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ")",
          source,
          "repair or remove the file; an OSV database holds OSV records only");
    } catch (java.io.IOException e) {
      throw new PyreleaseException(
          source + " cannot be read: " + e.getMessage(), source, "repair or remove the file");
    }
  }

  private static Object yaml(byte[] bytes, String source) {
    // the failsafe schema reads every scalar as a string: versions such as 2.10 stay text
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(source)
            .setSchema(new FailsafeSchema())
            .setMaxAliasesForCollections(10)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(OsvDatabase.MAX_RECORD_BYTES)
            .build();
    try {
      return new Load(settings).loadFromString(new String(bytes, StandardCharsets.UTF_8));
    } catch (YamlEngineException | NullPointerException e) {
      // snakeyaml-engine ends some documents it cannot construct (an empty one: a lone comment)
      // with a NullPointerException rather than its own exception: the same "not valid YAML"
      String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
      throw new PyreleaseException(
          source + " is not valid YAML: " + message,
          source,
          "repair or remove the file; an OSV database holds OSV records only");
    }
  }

  private static void record(Object tree, String source, List<Advisory> out) {
    if (!(tree instanceof Map<?, ?> record)) {
      throw notRecord(source, "its content is not a map");
    }
    Object id = record.get("id");
    if (!(id instanceof String recordId) || recordId.isBlank()) {
      throw notRecord(source, "it has no 'id'");
    }
    String where =
        source.endsWith(recordId + ".json") || source.endsWith(recordId + ".yaml")
            ? source
            : source + " (" + recordId + ")";
    if (record.get("withdrawn") != null) {
      return;
    }
    Object schema = record.get("schema_version");
    if (schema != null && !String.valueOf(schema).startsWith("1.")) {
      // pip-audit's choice: a later major version may change what the fields mean
      return;
    }
    List<String> aliases = strings(record.get("aliases"), "aliases", where);
    String summary = text(record.get("summary"));
    String details = text(record.get("details"));
    String oneLine = summary.isEmpty() ? firstSentence(details) : summary;
    String description = summary.isEmpty() ? details : summary;
    Severity topSeverity = Severities.of(record.get("severity"), record.get("database_specific"));
    for (Object item : list(record.get("affected"), "affected", where)) {
      if (!(item instanceof Map<?, ?> affected)) {
        throw notRecord(where, "an 'affected' item is not a map");
      }
      if (!(affected.get("package") instanceof Map<?, ?> pkg)
          || !PYPI.equals(pkg.get("ecosystem"))
          || !(pkg.get("name") instanceof String name)) {
        continue;
      }
      Severity severity =
          affected.get("severity") != null
              ? Severities.of(affected.get("severity"), affected.get("database_specific"))
              : topSeverity;
      out.add(
          new Advisory(
              recordId,
              aliases,
              oneLine.isEmpty() ? recordId : oneLine,
              description.isEmpty() ? "N/A" : description,
              severity,
              Requirement.normalizeName(name),
              affected(affected, Requirement.normalizeName(name), recordId, where),
              where));
    }
  }

  private static AffectedVersions affected(
      Map<?, ?> affected, String name, String id, String where) {
    List<String> versions = new ArrayList<>();
    for (String listed : strings(affected.get("versions"), "versions", where)) {
      versions.add(AffectedVersions.key(listed));
    }
    List<List<AffectedVersions.Event>> ranges = new ArrayList<>();
    String problem = null;
    for (Object item : list(affected.get("ranges"), "ranges", where)) {
      if (!(item instanceof Map<?, ?> range)) {
        throw notRecord(where, "a range of '" + name + "' is not a map");
      }
      Object type = range.get("type");
      if (!"ECOSYSTEM".equals(type) && !"SEMVER".equals(type)) {
        continue; // GIT ranges name commits, which say nothing of released versions
      }
      List<AffectedVersions.Event> events = new ArrayList<>();
      List<?> items = list(range.get("events"), "events", where);
      for (int k = 0; k < items.size(); k++) {
        String wrong = event(items.get(k), events);
        if (wrong != null && problem == null) {
          problem =
              id
                  + " in "
                  + where
                  + ": event "
                  + (k + 1)
                  + " of a range of '"
                  + name
                  + "': "
                  + wrong;
        }
      }
      if (problem == null
          && events.stream().noneMatch(e -> e.kind() == AffectedVersions.Kind.INTRODUCED)) {
        problem = id + " in " + where + ": a range of '" + name + "' has no 'introduced' event";
      }
      ranges.add(events);
    }
    return new AffectedVersions(versions, ranges, problem);
  }

  /** Adds the event to {@code events}, or says what is wrong with it. */
  private static String event(Object item, List<AffectedVersions.Event> events) {
    if (!(item instanceof Map<?, ?> event) || event.size() != 1) {
      return "must be a map of exactly one of introduced, fixed, last_affected, limit";
    }
    Map.Entry<?, ?> entry = event.entrySet().iterator().next();
    AffectedVersions.Kind kind;
    try {
      kind = AffectedVersions.Kind.valueOf(String.valueOf(entry.getKey()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return "has the unknown key '"
          + entry.getKey()
          + "' (expected introduced, fixed, last_affected or limit)";
    }
    if (!(entry.getValue() instanceof String version) || version.isBlank()) {
      return "'" + entry.getKey() + "' must be a version string, not " + entry.getValue();
    }
    boolean special =
        kind == AffectedVersions.Kind.INTRODUCED && version.equals("0")
            || kind == AffectedVersions.Kind.LIMIT && version.equals("*");
    if (!special) {
      try {
        Version.parse(version);
      } catch (InvalidVersionException e) {
        return "'"
            + entry.getKey()
            + ": "
            + version
            + "' is no PEP 440 version ("
            + e.reason()
            + ")";
      }
    }
    events.add(new AffectedVersions.Event(kind, version));
    return null;
  }

  private static List<?> list(Object value, String field, String where) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return list;
    }
    throw notRecord(where, "'" + field + "' is not a list");
  }

  private static List<String> strings(Object value, String field, String where) {
    List<String> strings = new ArrayList<>();
    for (Object item : list(value, field, where)) {
      if (!(item instanceof String s)) {
        throw notRecord(where, "an item of '" + field + "' is not a string");
      }
      strings.add(s);
    }
    return strings;
  }

  private static String text(Object value) {
    return value instanceof String s ? s.strip().replaceAll("\\s+", " ") : "";
  }

  /** The first sentence of the details, on one line and at most about 120 characters. */
  static String firstSentence(String details) {
    int end = details.indexOf(". ");
    String sentence = end > 0 ? details.substring(0, end + 1) : details;
    if (sentence.length() <= SUMMARY_LENGTH) {
      return sentence;
    }
    int cut = sentence.lastIndexOf(' ', SUMMARY_LENGTH - 1);
    return sentence.substring(0, cut > 40 ? cut : SUMMARY_LENGTH - 1) + "…";
  }

  private static PyreleaseException notRecord(String where, String why) {
    return new PyreleaseException(
        where + " is not an OSV record: " + why,
        where,
        "repair or remove the file; see https://ossf.github.io/osv-schema/");
  }
}
