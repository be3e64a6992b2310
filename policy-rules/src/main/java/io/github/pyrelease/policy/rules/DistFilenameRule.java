package io.github.pyrelease.policy.rules;

import io.github.pyrelease.dist.ArchiveEntry;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.DistributionKind;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Distribution file names follow the specifications and say what is inside: a wheel's name has the
 * PEP 427 grammar with a platform tag PyPI accepts, an sdist is {@code name-version.tar.gz} with
 * the normalised name (PEP 625), nothing else is uploaded (PEP 715 ended eggs), and the name and
 * version agree with the core metadata and with the project.
 */
public final class DistFilenameRule extends AbstractRule {

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*");

  /** Platform tags PyPI accepts (warehouse's list; plain linux_x86_64 is refused). */
  private static final List<Pattern> PLATFORMS =
      List.of(
          Pattern.compile("any|win32|win_amd64|win_arm64|win_ia64"),
          Pattern.compile("manylinux1_(x86_64|i686)"),
          Pattern.compile("manylinux2010_(x86_64|i686)"),
          Pattern.compile("manylinux2014_(x86_64|i686|aarch64|armv7l|ppc64|ppc64le|s390x)"),
          Pattern.compile(
              "(many|musl)linux_\\d+_\\d+_(x86_64|i686|aarch64|armv7l|ppc64|ppc64le|s390x|riscv64|loongarch64)"),
          Pattern.compile(
              "macosx_\\d+_\\d+_(x86_64|arm64|universal2|intel|i386|ppc|ppc64|fat|fat32|fat64|universal)"),
          Pattern.compile("linux_(armv6l|armv7l)"),
          Pattern.compile("ios_\\d+_\\d+_(arm64|x86_64)_(iphoneos|iphonesimulator)"),
          Pattern.compile("android_\\d+_(arm64_v8a|armeabi_v7a|x86_64|x86)"),
          Pattern.compile("pyodide_\\d+_\\d+_wasm32|emscripten_\\d+_\\d+_\\d+_wasm32"));

  public DistFilenameRule() {
    super(
        "dist-filename",
        Stage.DIST,
        Level.ERROR,
        "wheel and sdist file names follow PEP 427/625 and match the metadata and the project");
  }

  @Override
  public Verdict evaluate(Facts facts) {
    PythonProject project = facts.project();
    return Dists.each(
        facts.distributions(),
        "file names",
        d -> true,
        (d, findings) -> check(d, project, findings));
  }

  private static void check(Distribution d, PythonProject project, List<Finding> findings) {
    String file = d.fileName();
    Optional<String[]> nameVersion;
    if (d.kind() == DistributionKind.OTHER) {
      findings.add(
          Finding.of(
              file + ":format",
              file
                  + " is not a wheel (.whl) or an sdist (.tar.gz): PyPI accepts only those (PEP"
                  + " 625 and PEP 715)",
              List.of(Dists.at(d, file)),
              "build a wheel and a .tar.gz sdist (pyrelease:build) and remove this file from the"
                  + " dist directory"));
      return;
    }
    nameVersion = d.isWheel() ? wheelName(d, findings) : sdistName(d, findings);
    if (nameVersion.isEmpty()) {
      return;
    }
    String name = nameVersion.get()[0];
    String version = nameVersion.get()[1];
    d.coreMetadata()
        .ifPresent(
            m -> {
              m.value("Name")
                  .filter(n -> !Dists.fileNameForm(n).equals(name))
                  .ifPresent(
                      n ->
                          findings.add(
                              Finding.of(
                                  file + ":metadata-name",
                                  file
                                      + " names the project '"
                                      + name
                                      + "' but its metadata says Name: "
                                      + n,
                                  List.of(Dists.at(d, file), Dists.field(d, m.field("Name").get())),
                                  "the file name must start with '"
                                      + Dists.fileNameForm(n)
                                      + "-'")));
              m.value("Version")
                  .filter(v -> !Version.same(v, version))
                  .ifPresent(
                      v ->
                          findings.add(
                              Finding.of(
                                  file + ":metadata-version",
                                  file
                                      + " says version "
                                      + version
                                      + " but its metadata says Version: "
                                      + v,
                                  List.of(
                                      Dists.at(d, file), Dists.field(d, m.field("Version").get())),
                                  "rebuild: the file name and the metadata must carry the same version")));
            });
    if (project.name() != null && !Dists.fileNameForm(project.name()).equals(name)) {
      findings.add(
          Finding.of(
              file + ":project-name",
              file + " is not a distribution of " + project.name() + " (the project being checked)",
              List.of(Dists.at(d, file)),
              "remove distributions of other projects from the dist directory"));
    }
    project
        .declaredSource()
        .map(s -> s.text())
        .filter(v -> Version.tryParse(v).isPresent() && !Version.same(v, version))
        .ifPresent(
            v ->
                findings.add(
                    Finding.of(
                        file + ":project-version",
                        file + " is version " + version + " but the project declares " + v,
                        List.of(Dists.at(d, file)),
                        "rebuild the distributions (a stale file from an earlier version is in the"
                            + " dist directory)")));
  }

  private static Optional<String[]> wheelName(Distribution d, List<Finding> findings) {
    String file = d.fileName();
    String stem = file.substring(0, file.length() - ".whl".length());
    String[] parts = stem.split("-", -1);
    if (parts.length != 5 && parts.length != 6) {
      findings.add(
          invalid(
              d,
              "has "
                  + parts.length
                  + " dash-separated parts; a wheel name is"
                  + " NAME-VERSION[-BUILD]-PYTHON-ABI-PLATFORM.whl (PEP 427), such as"
                  + " demo-1.0-py3-none-any.whl"));
      return Optional.empty();
    }
    String name = parts[0];
    String version = parts[1];
    checkName(d, name, findings);
    checkVersion(d, version, findings);
    if (parts.length == 6 && !parts[2].matches("\\d[A-Za-z0-9_.]*")) {
      findings.add(invalid(d, "has build tag '" + parts[2] + "', which must start with a digit"));
    }
    int tags = parts.length - 3;
    for (int i = tags; i < parts.length; i++) {
      if (!TAG.matcher(parts[i]).matches()) {
        findings.add(invalid(d, "has an invalid compatibility tag '" + parts[i] + "'"));
      }
    }
    for (String platform : parts[parts.length - 1].split("\\.")) {
      if (PLATFORMS.stream().noneMatch(p -> p.matcher(platform).matches())) {
        findings.add(
            Finding.of(
                file + ":platform",
                file + " has platform tag '" + platform + "', which PyPI refuses",
                List.of(Dists.at(d, file)),
                "build a portable wheel (manylinux with auditwheel, macosx, win) or a pure"
                    + " 'any' wheel"));
      }
    }
    checkDistInfo(d, name, version, findings);
    return Optional.of(new String[] {name, version});
  }

  private static void checkDistInfo(
      Distribution d, String name, String version, List<Finding> findings) {
    Set<String> dirs = new TreeSet<>();
    for (ArchiveEntry e : d.entries()) {
      int slash = e.name().indexOf('/');
      if (slash > 0 && e.name().substring(0, slash).endsWith(".dist-info")) {
        dirs.add(e.name().substring(0, slash));
      }
    }
    if (!d.readable()) {
      return;
    }
    if (dirs.size() != 1) {
      findings.add(
          Finding.of(
              d.fileName() + ":dist-info",
              d.fileName()
                  + (dirs.isEmpty()
                      ? " has no .dist-info directory"
                      : " has " + dirs.size() + " .dist-info directories: " + dirs),
              List.of(Dists.at(d, String.join(", ", dirs))),
              "a wheel holds exactly one "
                  + name
                  + "-"
                  + version
                  + ".dist-info directory; rebuild it with a PEP 517 backend"));
      return;
    }
    String dir = dirs.iterator().next();
    String stem = dir.substring(0, dir.length() - ".dist-info".length());
    int dash = stem.lastIndexOf('-');
    boolean matches =
        dash > 0
            && Dists.fileNameForm(stem.substring(0, dash)).equals(Dists.fileNameForm(name))
            && Version.same(stem.substring(dash + 1), version);
    if (!matches) {
      findings.add(
          Finding.of(
              d.fileName() + ":dist-info",
              d.fileName() + " holds " + dir + ", which does not match the file name",
              List.of(Dists.at(d, dir)),
              "the directory must be " + name + "-" + version + ".dist-info"));
    }
  }

  private static Optional<String[]> sdistName(Distribution d, List<Finding> findings) {
    String file = d.fileName();
    String stem = file.substring(0, file.length() - ".tar.gz".length());
    int dash = stem.lastIndexOf('-');
    if (dash <= 0 || stem.indexOf('-') != dash) {
      String expected =
          d.coreMetadata()
              .flatMap(
                  m ->
                      m.value("Name")
                          .flatMap(
                              n ->
                                  m.value("Version")
                                      .map(
                                          v ->
                                              Dists.fileNameForm(n)
                                                  + "-"
                                                  + Version.tryParse(v)
                                                      .map(Version::toString)
                                                      .orElse(v)
                                                  + ".tar.gz")))
              .map(e -> "; it should be " + e)
              .orElse("");
      findings.add(
          Finding.of(
              file + ":grammar",
              file
                  + " is not NAME-VERSION.tar.gz with the name normalised with underscores"
                  + " (PEP 625), so PyPI refuses it"
                  + expected,
              List.of(Dists.at(d, file)),
              "upgrade the build backend: setuptools before 69.3 and older flit_core releases keep"
                  + " the dashes of the project name in the sdist's file name"));
      return Optional.empty();
    }
    String name = stem.substring(0, dash);
    String version = stem.substring(dash + 1);
    checkName(d, name, findings);
    checkVersion(d, version, findings);
    Dists.sdistRoot(d)
        .filter(root -> !root.equals(stem))
        .ifPresent(
            root ->
                findings.add(
                    Finding.of(
                        file + ":root",
                        file + " unpacks into '" + root + "/', not '" + stem + "/' (PEP 625)",
                        List.of(Dists.at(d, root + "/")),
                        "rebuild the sdist with a current backend")));
    return Optional.of(new String[] {name, version});
  }

  private static void checkName(Distribution d, String name, List<Finding> findings) {
    if (!name.equals(Dists.fileNameForm(name))
        || !name.matches("[a-z0-9](?:[a-z0-9_]*[a-z0-9])?")) {
      findings.add(
          Finding.of(
              d.fileName() + ":name",
              d.fileName()
                  + " spells the name '"
                  + name
                  + "'; PyPI requires the normalised form '"
                  + Dists.fileNameForm(name)
                  + "'",
              List.of(Dists.at(d, d.fileName())),
              "rebuild with a current backend, which normalises the name (lower case,"
                  + " underscores)"));
    }
  }

  private static void checkVersion(Distribution d, String version, List<Finding> findings) {
    Optional<Version> parsed = Version.tryParse(version);
    if (parsed.isEmpty()) {
      findings.add(invalid(d, "has version '" + version + "', which is not PEP 440"));
    } else if (!parsed.get().toString().equals(version)) {
      findings.add(
          Finding.of(
              d.fileName() + ":version",
              d.fileName()
                  + " spells the version '"
                  + version
                  + "'; its normalised form is '"
                  + parsed.get()
                  + "'",
              List.of(Dists.at(d, d.fileName())),
              "write the normalised version in the project and rebuild"));
    }
  }

  private static Finding invalid(Distribution d, String problem) {
    return Finding.of(
        d.fileName() + ":grammar",
        d.fileName() + " " + problem,
        List.of(Dists.at(d, d.fileName())),
        "rebuild with a PEP 517 backend; do not rename distribution files by hand");
  }
}
