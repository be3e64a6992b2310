package io.github.pyrelease.policy.rules;

import io.github.pyrelease.dist.ArchiveEntry;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.EntryType;
import io.github.pyrelease.dist.RecordFile;
import io.github.pyrelease.dist.RecordRow;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A wheel's RECORD lists every file in it with a correct sha256 (or stronger) hash and size, and
 * lists nothing that is missing: installers refuse a wheel whose RECORD disagrees with its files.
 */
public final class DistRecordRule extends AbstractRule {

  private static final Set<String> WEAK = Set.of("md5", "sha1");

  public DistRecordRule() {
    super(
        "dist-record",
        Stage.DIST,
        Level.ERROR,
        "every file of a wheel is in RECORD with a matching sha256 and size, and nothing more");
  }

  @Override
  public Verdict evaluate(Facts facts) {
    return Dists.each(facts.distributions(), "RECORD files", Distribution::isWheel, this::check);
  }

  private void check(Distribution d, List<Finding> findings) {
    if (!d.readable()) {
      findings.add(
          Finding.of(
              d.fileName() + ":unreadable",
              "RECORD of " + d.fileName() + " cannot be checked: the archive cannot be read",
              List.of(Dists.at(d, d.problems().get(0).message())),
              "rebuild the wheel"));
      return;
    }
    RecordFile record = d.record();
    if (record == null) {
      findings.add(
          Finding.of(
              d.fileName() + ":no-record",
              d.fileName() + " has no .dist-info/RECORD; installers refuse it and PyPI rejects it",
              List.of(Dists.at(d, "no RECORD")),
              "rebuild the wheel with a PEP 517 backend; never edit a wheel by hand"));
      return;
    }
    String path = record.path();
    for (String problem : record.problems()) {
      findings.add(
          Finding.of(
              d.fileName() + ":record-syntax",
              path + " " + problem,
              List.of(Dists.inside(d, path, lineOf(problem), problem)),
              "rebuild the wheel"));
    }
    Map<String, RecordRow> rows = new LinkedHashMap<>();
    for (RecordRow row : record.rows()) {
      if (rows.putIfAbsent(row.path(), row) != null) {
        findings.add(
            Finding.of(
                d.fileName() + ":record-duplicate:" + row.path(),
                path + " lists " + row.path() + " twice",
                List.of(Dists.inside(d, path, row.line(), row.path())),
                "rebuild the wheel"));
      }
    }
    String dir = path.substring(0, path.lastIndexOf('/') + 1);
    Set<String> unhashed = Set.of(path, dir + "RECORD.jws", dir + "RECORD.p7s");
    Map<String, ArchiveEntry> files = new HashMap<>();
    for (ArchiveEntry entry : d.entries()) {
      if (entry.type() == EntryType.DIRECTORY) {
        continue;
      }
      files.putIfAbsent(entry.name(), entry);
      if (unhashed.contains(entry.name())) {
        continue;
      }
      RecordRow row = rows.get(entry.name());
      if (row == null) {
        findings.add(
            Finding.of(
                d.fileName() + ":unlisted:" + entry.name(),
                entry.name() + " is in the wheel but not in RECORD",
                List.of(Dists.inside(d, path, 0, entry.name() + " (" + entry.size() + " bytes)")),
                "rebuild the wheel; a file added after the build makes installers refuse it"));
      } else {
        compare(d, path, entry, row, findings);
      }
    }
    for (RecordRow row : rows.values()) {
      if (!files.containsKey(row.path())) {
        findings.add(
            Finding.of(
                d.fileName() + ":missing:" + row.path(),
                "RECORD lists " + row.path() + ", which is not in the wheel",
                List.of(Dists.inside(d, path, row.line(), row.path())),
                "rebuild the wheel"));
      }
    }
  }

  private static void compare(
      Distribution d, String path, ArchiveEntry entry, RecordRow row, List<Finding> findings) {
    String key = d.fileName() + ":" + entry.name();
    if (row.hash().isEmpty()) {
      findings.add(
          Finding.of(
              key + ":no-hash",
              "RECORD has no hash for " + entry.name(),
              List.of(Dists.inside(d, path, row.line(), entry.name() + ",,")),
              "rebuild the wheel"));
      return;
    }
    int eq = row.hash().indexOf('=');
    String algorithm = eq > 0 ? row.hash().substring(0, eq).toLowerCase(Locale.ROOT) : "";
    String expected = eq > 0 ? row.hash().substring(eq + 1) : "";
    if (WEAK.contains(algorithm)) {
      findings.add(
          Finding.of(
              key + ":weak-hash",
              "RECORD hashes "
                  + entry.name()
                  + " with "
                  + algorithm
                  + "; wheels need sha256 or stronger",
              List.of(Dists.inside(d, path, row.line(), row.hash())),
              "rebuild the wheel with a current backend"));
      return;
    }
    if (entry.readProblem() != null) {
      findings.add(
          Finding.of(
              key + ":unreadable",
              entry.name() + " cannot be verified: " + entry.readProblem(),
              List.of(Dists.inside(d, entry.name(), 0, entry.readProblem())),
              "rebuild the wheel"));
      return;
    }
    String actual = entry.digest(algorithm);
    if (actual == null) {
      findings.add(
          Finding.styleOnly(
              key + ":unverified",
              "RECORD hashes "
                  + entry.name()
                  + " with '"
                  + algorithm
                  + "', which pyrelease cannot compute",
              List.of(Dists.inside(d, path, row.line(), row.hash())),
              "use sha256, the algorithm every installer checks"));
    } else if (!actual.equals(expected)) {
      findings.add(
          Finding.of(
              key + ":hash",
              entry.name()
                  + " does not match its RECORD hash: RECORD says "
                  + algorithm
                  + "="
                  + expected
                  + ", the file has "
                  + algorithm
                  + "="
                  + actual,
              List.of(
                  Dists.inside(
                      d, path, row.line(), row.path() + "," + row.hash() + "," + row.size())),
              "rebuild the wheel; the file was changed after the build"));
    }
    if (!row.size().equals(Long.toString(entry.size()))) {
      findings.add(
          Finding.of(
              key + ":size",
              entry.name() + " is " + entry.size() + " bytes but RECORD says '" + row.size() + "'",
              List.of(
                  Dists.inside(
                      d, path, row.line(), row.path() + "," + row.hash() + "," + row.size())),
              "rebuild the wheel"));
    }
  }

  private static int lineOf(String problem) {
    if (problem.startsWith("line ")) {
      try {
        return Integer.parseInt(problem.substring(5, problem.indexOf(':')));
      } catch (RuntimeException e) {
        return 0;
      }
    }
    return 0;
  }
}
