package io.github.pyrelease.policy.rules;

import io.github.pyrelease.deps.InvalidRequirementException;
import io.github.pyrelease.deps.Requirement;
import io.github.pyrelease.deps.RequirementParser;
import io.github.pyrelease.dist.ArchiveProblem;
import io.github.pyrelease.dist.CoreMetadata;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.DistributionKind;
import io.github.pyrelease.dist.MetadataField;
import io.github.pyrelease.dist.readme.DescriptionCheck;
import io.github.pyrelease.license.InvalidLicenseExpressionException;
import io.github.pyrelease.license.SpdxExpression;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.DistributionFacts;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The core metadata of every distribution is what PyPI accepts and twine checks: it parses, has the
 * required fields, declares a Metadata-Version the index accepts, uses each field only from the
 * version that introduced it, and its values are valid (names, versions, PEP 508 requirements, SPDX
 * licence expressions, content types, URLs). The long description must render the way PyPI renders
 * it.
 */
public final class DistMetadataRule extends AbstractRule {

  /** PyPI accepts metadata up to 2.5 since 2026 (Import-Name, PEP 794). */
  public static final RuleOption<String> MAX_METADATA_VERSION =
      RuleOption.string(
          "max-metadata-version",
          "2.5",
          "the newest Metadata-Version the target index accepts, quoted in YAML (\"2.4\"); PyPI: 2.5, a private index"
              + " running an older warehouse or devpi may accept less");

  public static final RuleOption<Boolean> ALLOW_LOCAL_VERSIONS =
      RuleOption.bool(
          "allow-local-versions",
          false,
          "accept local version labels (1.0+abc), which PyPI refuses but private indexes may"
              + " take");

  private static final List<String> KNOWN_VERSIONS =
      List.of("1.0", "1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?");
  private static final Pattern URL = Pattern.compile("(?i)https?://[^\\s/?#]+[^\\s]*");

  private record Spec(String introduced, boolean multiple) {}

  private static final Map<String, Spec> FIELDS = new HashMap<>();

  static {
    for (String f :
        List.of(
            "metadata-version",
            "name",
            "version",
            "summary",
            "description",
            "keywords",
            "home-page",
            "author",
            "author-email",
            "license")) {
      FIELDS.put(f, new Spec("1.0", false));
    }
    FIELDS.put("platform", new Spec("1.0", true));
    for (String f :
        List.of("supported-platform", "classifier", "requires", "provides", "obsoletes")) {
      FIELDS.put(f, new Spec("1.1", true));
    }
    FIELDS.put("download-url", new Spec("1.1", false));
    for (String f : List.of("maintainer", "maintainer-email", "requires-python")) {
      FIELDS.put(f, new Spec("1.2", false));
    }
    for (String f :
        List.of(
            "requires-dist",
            "requires-external",
            "project-url",
            "provides-dist",
            "obsoletes-dist")) {
      FIELDS.put(f, new Spec("1.2", true));
    }
    FIELDS.put("description-content-type", new Spec("2.1", false));
    FIELDS.put("provides-extra", new Spec("2.1", true));
    FIELDS.put("dynamic", new Spec("2.2", true));
    FIELDS.put("license-expression", new Spec("2.4", false));
    FIELDS.put("license-file", new Spec("2.4", true));
    FIELDS.put("import-name", new Spec("2.5", true));
    FIELDS.put("import-namespace", new Spec("2.5", true));
  }

  private final String maxVersion;
  private final boolean allowLocal;

  public DistMetadataRule() {
    this(RuleOptions.defaults());
  }

  public DistMetadataRule(RuleOptions options) {
    super(
        "dist-metadata",
        Stage.DIST,
        Level.ERROR,
        "core metadata is complete and valid for its version and the index; the long description"
            + " renders");
    this.maxVersion = options.get(MAX_METADATA_VERSION);
    this.allowLocal = options.get(ALLOW_LOCAL_VERSIONS);
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(MAX_METADATA_VERSION, ALLOW_LOCAL_VERSIONS);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    DistributionFacts dists = facts.distributions();
    return Dists.each(
        dists,
        "core metadata",
        d -> d.kind() != DistributionKind.OTHER,
        (d, findings) -> check(d, dists, findings));
  }

  private void check(Distribution d, DistributionFacts facts, List<Finding> findings) {
    if (d.metadata() == null) {
      findings.add(missing(d));
      return;
    }
    CoreMetadata m = d.metadata();
    for (String defect : m.defects()) {
      findings.add(
          Finding.of(
              d.fileName() + ":parse",
              m.path() + " " + defect,
              List.of(Dists.inside(d, m.path(), 0, defect)),
              "rebuild with a current backend; core metadata is UTF-8 'Name: value' lines, a blank"
                  + " line, then the description"));
    }
    String declared = metadataVersion(d, m, findings);
    if (declared == null) {
      return;
    }
    fields(d, m, declared, findings);
    values(d, m, findings);
    description(d, m, facts.description(d), findings);
  }

  private Finding missing(Distribution d) {
    // the file name says where the metadata should be: the metadata itself is what is missing
    String where = d.expectedMetadataPath();
    String refused = d.metadataProblem();
    if (refused != null) {
      return Finding.of(
          d.fileName() + ":metadata-refused",
          "the core metadata of " + d.fileName() + " was refused: " + refused,
          List.of(Dists.at(d, refused)),
          refused.contains("bomb")
              ? "do not publish this archive; rebuild it with the project's build backend"
              : refused.contains(" bytes, more than ")
                  ? "shrink it: the long description (the README) is most of a METADATA file;"
                      + " ship a shorter one and rebuild"
                  : "rebuild it with the project's build backend; the archive is damaged");
    }
    String why =
        d.problems().stream()
            .map(ArchiveProblem::message)
            .findFirst()
            .map(p -> " (the archive " + p + ")")
            .orElse("");
    return Finding.of(
        d.fileName() + ":no-metadata",
        d.fileName() + " has no core metadata at " + where + why,
        List.of(Dists.at(d, where)),
        why.isEmpty()
            ? "rebuild it with a PEP 517 backend; twine and PyPI refuse a distribution without"
                + " metadata"
            : "rebuild it: the file is damaged (an interrupted build, copy or download)");
  }

  private String metadataVersion(Distribution d, CoreMetadata m, List<Finding> findings) {
    MetadataField field = m.field("Metadata-Version").orElse(null);
    if (field == null) {
      findings.add(
          Finding.of(
              d.fileName() + ":metadata-version",
              m.path() + " has no Metadata-Version",
              List.of(Dists.inside(d, m.path(), 1, "no Metadata-Version field")),
              "rebuild with a current backend"));
      return null;
    }
    String version = field.value().strip();
    if (!KNOWN_VERSIONS.contains(version)) {
      findings.add(
          Finding.of(
              d.fileName() + ":metadata-version",
              "Metadata-Version "
                  + version
                  + " is not a core metadata version ("
                  + String.join(", ", KNOWN_VERSIONS)
                  + ")",
              List.of(Dists.field(d, field)),
              "rebuild with a current backend"));
      return null;
    }
    if (compare(version, maxVersion) > 0) {
      findings.add(
          Finding.of(
              d.fileName() + ":metadata-version-too-new",
              "Metadata-Version "
                  + version
                  + " is newer than the index accepts (up to "
                  + maxVersion
                  + ")",
              List.of(Dists.field(d, field)),
              "pin a backend version that writes metadata "
                  + maxVersion
                  + " or older, or raise"
                  + " the rule's max-metadata-version if your index accepts "
                  + version));
    }
    return version;
  }

  private void fields(Distribution d, CoreMetadata m, String declared, List<Finding> findings) {
    Map<String, Integer> seen = new HashMap<>();
    for (MetadataField field : m.fields()) {
      String key = field.name().toLowerCase(Locale.ROOT);
      Spec spec = FIELDS.get(key);
      if (spec == null) {
        findings.add(
            Finding.of(
                d.fileName() + ":unknown-field:" + field.name(),
                "unrecognized field '" + field.name() + "' in " + m.path(),
                List.of(Dists.field(d, field)),
                "remove it: core metadata has no such field (twine and PyPI refuse it)"));
        continue;
      }
      // setuptools has written License-File since long before 2.4; consumers ignore it there
      if (compare(spec.introduced(), declared) > 0 && !key.equals("license-file")) {
        findings.add(
            Finding.of(
                d.fileName() + ":too-new-field:" + field.name(),
                field.name()
                    + " was introduced in metadata version "
                    + spec.introduced()
                    + ", not "
                    + declared,
                List.of(Dists.field(d, field)),
                (key.equals("license-expression")
                        ? "upgrade the build backend to one that writes Metadata-Version 2.4"
                            + " (hatchling 1.26+, setuptools 77+, flit_core 3.12+; older hatchling"
                            + " wrote License-Expression into 2.1 metadata), or declare the licence"
                            + " as license = { text = \"...\" } with a licence classifier"
                        : "upgrade the build backend so it declares Metadata-Version "
                            + spec.introduced()
                            + " or later, or do not set this field")
                    + " (PyPI refuses it in "
                    + declared
                    + " metadata)"));
      }
      if (!spec.multiple() && seen.merge(key, 1, Integer::sum) == 2) {
        findings.add(
            Finding.of(
                d.fileName() + ":repeated:" + field.name(),
                field.name() + " appears more than once; it is a single-use field",
                List.of(Dists.field(d, field)),
                "keep one " + field.name()));
      }
    }
    if (m.body() != null && !m.body().isBlank() && m.field("Description").isPresent()) {
      findings.add(
          Finding.of(
              d.fileName() + ":description-twice",
              m.path() + " has the description both in a Description field and in the body",
              List.of(Dists.field(d, m.field("Description").get())),
              "keep one; metadata 2.1 and later put it in the body"));
    }
  }

  private void values(Distribution d, CoreMetadata m, List<Finding> findings) {
    required(d, m, "Name", findings);
    required(d, m, "Version", findings);
    m.field("Name")
        .filter(f -> !NAME.matcher(f.value().strip()).matches())
        .ifPresent(
            f ->
                findings.add(
                    bad(
                        d,
                        f,
                        "is not a valid project name (letters, digits, '.', '-', '_', starting and ending with a letter or digit)")));
    m.field("Version")
        .ifPresent(
            f ->
                Version.tryParse(f.value())
                    .ifPresentOrElse(
                        v -> {
                          if (v.isLocal() && !allowLocal) {
                            findings.add(
                                bad(
                                    d,
                                    f,
                                    "has a local version label; PyPI refuses local versions (set"
                                        + " allow-local-versions for a private index)"));
                          }
                        },
                        () -> findings.add(bad(d, f, "is not a PEP 440 version"))));
    for (MetadataField f : m.all("Summary")) {
      if (f.value().contains("\n")) {
        findings.add(bad(d, f, "spans several lines; Summary must be one line"));
      } else if (f.value().length() > 512) {
        findings.add(
            bad(d, f, "is " + f.value().length() + " characters long; PyPI accepts 512 at most"));
      }
    }
    for (MetadataField f : m.all("Requires-Dist")) {
      try {
        Requirement r = Requirement.parse(f.value().strip());
        if (r.isDirectReference()) {
          findings.add(bad(d, f, "is a direct reference (name @ url), which PyPI refuses"));
        }
      } catch (InvalidRequirementException e) {
        findings.add(bad(d, f, "is not a valid PEP 508 requirement: " + e.getMessage()));
      }
    }
    for (MetadataField f : m.all("Requires-Python")) {
      try {
        RequirementParser.specifierSet(f.value().strip());
      } catch (InvalidRequirementException e) {
        findings.add(bad(d, f, "is not a valid version specifier: " + e.getMessage()));
      }
    }
    String declared = m.value("Metadata-Version").orElse("1.0").strip();
    for (MetadataField f : m.all("Provides-Extra")) {
      String extra = f.value().strip();
      if (!NAME.matcher(extra).matches()) {
        findings.add(bad(d, f, "is not a valid extra name"));
      } else if (compare(declared, "2.3") >= 0 && !extra.equals(Dists.normalize(extra))) {
        findings.add(
            bad(
                d,
                f,
                "must be normalised in metadata 2.3 and later (PEP 685): '"
                    + Dists.normalize(extra)
                    + "'"));
      }
    }
    for (MetadataField f : m.all("Dynamic")) {
      String name = f.value().strip().toLowerCase(Locale.ROOT);
      if (Set.of("name", "version", "metadata-version").contains(name)) {
        findings.add(bad(d, f, "may not be dynamic (PEP 643)"));
      } else if (!FIELDS.containsKey(name)) {
        findings.add(bad(d, f, "names no core metadata field"));
      }
    }
    license(d, m, findings);
    contentType(d, m, findings);
    urls(d, m, findings);
  }

  private static void license(Distribution d, CoreMetadata m, List<Finding> findings) {
    m.field("License-Expression")
        .ifPresent(
            f -> {
              try {
                SpdxExpression.parse(f.value());
              } catch (InvalidLicenseExpressionException e) {
                findings.add(
                    bad(d, f, "is not a valid SPDX licence expression: " + e.getMessage()));
              }
              m.field("License")
                  .ifPresent(
                      l ->
                          findings.add(
                              Finding.of(
                                  d.fileName() + ":license-both",
                                  "both License and License-Expression are set; PyPI refuses that",
                                  List.of(Dists.field(d, l), Dists.field(d, f)),
                                  "keep License-Expression and drop License (in pyproject.toml:"
                                      + " license = \""
                                      + f.value().strip()
                                      + "\" only)")));
            });
    boolean pep639 = compare(m.value("Metadata-Version").orElse("1.0").strip(), "2.4") >= 0;
    Set<String> names = new HashSet<>();
    d.entries().forEach(e -> names.add(Dists.stripDot(e.name())));
    String root = d.isWheel() ? distInfo(m) + "/licenses/" : Dists.sdistRoot(d).orElse("") + "/";
    for (MetadataField f : m.all("License-File")) {
      String path = f.value().strip();
      if (path.startsWith("/")
          || path.contains("..")
          || path.contains("\\")
          || path.matches(".*[*?\\[\\]].*")) {
        findings.add(
            bad(
                d,
                f,
                "must be a relative path with '/' separators, no '..' and no glob characters"));
      } else if (pep639 && !names.contains(root + path)) {
        findings.add(bad(d, f, "names a file that is not in the distribution at " + root + path));
      }
    }
  }

  private static String distInfo(CoreMetadata m) {
    int slash = m.path().lastIndexOf('/');
    return slash < 0 ? "" : m.path().substring(0, slash);
  }

  private static void contentType(Distribution d, CoreMetadata m, List<Finding> findings) {
    MetadataField f = m.field("Description-Content-Type").orElse(null);
    if (f == null) {
      return;
    }
    String[] parts = f.value().split(";");
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    if (!Set.of("text/plain", "text/x-rst", "text/markdown").contains(type)) {
      findings.add(bad(d, f, "is not text/plain, text/x-rst or text/markdown"));
      return;
    }
    for (int i = 1; i < parts.length; i++) {
      Matcher p = Pattern.compile("\\s*([A-Za-z-]+)\\s*=\\s*\"?([^\"]*)\"?\\s*").matcher(parts[i]);
      if (!p.matches()) {
        findings.add(bad(d, f, "has a malformed parameter '" + parts[i].strip() + "'"));
        continue;
      }
      String key = p.group(1).toLowerCase(Locale.ROOT);
      String value = p.group(2);
      if (key.equals("charset") && !value.equalsIgnoreCase("UTF-8")) {
        findings.add(bad(d, f, "declares charset " + value + "; core metadata is always UTF-8"));
      } else if (key.equals("variant")
          && (!type.equals("text/markdown") || !Set.of("GFM", "CommonMark").contains(value))) {
        findings.add(
            bad(d, f, "has variant '" + value + "'; text/markdown takes GFM or CommonMark"));
      }
    }
  }

  private static void urls(Distribution d, CoreMetadata m, List<Finding> findings) {
    for (String name : List.of("Home-page", "Download-URL")) {
      for (MetadataField f : m.all(name)) {
        String url = f.value().strip();
        if (!url.isEmpty() && !url.equals("UNKNOWN") && !URL.matcher(url).matches()) {
          findings.add(bad(d, f, "is not a valid http(s) URL"));
        }
      }
    }
    for (MetadataField f : m.all("Project-URL")) {
      String[] parts = f.value().split(",", 2);
      String label = parts[0].strip();
      String url = parts.length > 1 ? parts[1].strip() : "";
      if (parts.length < 2 || label.isEmpty()) {
        findings.add(bad(d, f, "must be 'Label, URL'"));
      } else if (label.length() > 32) {
        findings.add(bad(d, f, "has a label longer than 32 characters, which PyPI refuses"));
      } else if (!URL.matcher(url).matches()) {
        findings.add(bad(d, f, "has '" + url + "', which is not a valid http(s) URL"));
      }
    }
  }

  private static void description(
      Distribution d, CoreMetadata m, DescriptionCheck check, List<Finding> findings) {
    Evidence where =
        Dists.inside(d, m.path(), m.descriptionLine(), "long description, " + check.checker());
    switch (check.status()) {
      case FAILS ->
          findings.add(
              Finding.of(
                  d.fileName() + ":description",
                  "the long description has syntax errors in markup and would not be rendered on"
                      + " PyPI ("
                      + mediaType(m)
                      + ", decided by "
                      + check.checker()
                      + "): "
                      + String.join("; ", check.messages()),
                  List.of(where),
                  "fix the markup in the README (run it through 'python -m readme_renderer'),"
                      + " or declare its real type with readme / long_description_content_type"));
      case UNCHECKED ->
          findings.add(
              Finding.styleOnly(
                  d.fileName() + ":description-unchecked",
                  "the long description could not be fully checked: "
                      + String.join("; ", check.messages()),
                  List.of(where),
                  "install python3-readme-renderer (Debian/Ubuntu) for the interpreter in"
                      + " pyrelease.python"));
      case ABSENT ->
          findings.add(
              Finding.styleOnly(
                  d.fileName() + ":no-description",
                  d.fileName() + " has no long description: PyPI's project page will be empty",
                  List.of(Dists.inside(d, m.path(), 0, "no description")),
                  "set readme = \"README.md\" in [project]"));
      default -> {
        if (m.field("Description-Content-Type").isEmpty()) {
          findings.add(
              Finding.styleOnly(
                  d.fileName() + ":no-content-type",
                  "Description-Content-Type is missing; PyPI renders the description as"
                      + " reStructuredText",
                  List.of(Dists.inside(d, m.path(), 0, "no Description-Content-Type")),
                  "declare the README's type: readme = \"README.md\" in [project] sets it"));
        }
      }
    }
  }

  private static String mediaType(CoreMetadata m) {
    return m.value("Description-Content-Type").orElse("text/x-rst (no Description-Content-Type)");
  }

  private static void required(
      Distribution d, CoreMetadata m, String field, List<Finding> findings) {
    if (m.value(field).map(String::isBlank).orElse(true)) {
      findings.add(
          Finding.of(
              d.fileName() + ":missing:" + field,
              m.path() + " has no " + field + "; it is a required field",
              List.of(Dists.inside(d, m.path(), 0, "no " + field)),
              "rebuild; set "
                  + field.toLowerCase(Locale.ROOT)
                  + " in [project] of pyproject.toml"));
    }
  }

  private static Finding bad(Distribution d, MetadataField f, String problem) {
    return Finding.of(
        d.fileName() + ":" + f.name() + ":" + f.line(),
        f.name() + " '" + Dists.abbreviate(f.value().strip().replace('\n', ' ')) + "' " + problem,
        List.of(Dists.field(d, f)),
        "correct it in pyproject.toml and rebuild");
  }

  /** Compares metadata versions ({@code major.minor}) numerically. */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int xi = i < x.length ? parse(x[i]) : 0;
      int yi = i < y.length ? parse(y[i]) : 0;
      if (xi != yi) {
        return Integer.compare(xi, yi);
      }
    }
    return 0;
  }

  private static int parse(String part) {
    try {
      return Integer.parseInt(part.strip());
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  static List<String> knownVersions() {
    return new ArrayList<>(KNOWN_VERSIONS);
  }
}
