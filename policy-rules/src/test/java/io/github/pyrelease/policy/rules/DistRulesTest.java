package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.Archives.TarMember;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.DistributionReader;
import io.github.pyrelease.dist.readme.DescriptionCheck;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Rule;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four dist rules on wheels and sdists that are right, or wrong in one way each. */
class DistRulesTest {

  @TempDir Path dir;

  private Distribution wheel(Archives.Wheel wheel) throws IOException {
    Path file = wheel.write(dir);
    return new DistributionReader().read(file, "target/dist/" + file.getFileName());
  }

  private Distribution sdist(String fileName, List<TarMember> members) throws IOException {
    Path file = dir.resolve(fileName);
    Files.write(file, Archives.tarGz(members));
    return new DistributionReader().read(file, "target/dist/" + fileName);
  }

  private static StubFacts facts(Distribution... dists) {
    return StubFacts.create().pyproject("1.4.0").distributions(dists);
  }

  private static List<String> messages(Verdict verdict) {
    return verdict.findings().stream().map(Finding::message).toList();
  }

  @Test
  void aCleanWheelAndSdistPassEveryRule() throws IOException {
    Distribution w = wheel(new Archives.Wheel("acme-widgets", "1.4.0"));
    Distribution s =
        sdist(
            "acme_widgets-1.4.0.tar.gz",
            Archives.sdist("acme-widgets", "1.4.0", Archives.pkgInfo("acme-widgets", "1.4.0")));
    for (Rule rule :
        List.of(
            new DistFilenameRule(),
            new DistMetadataRule(),
            new DistRecordRule(),
            new DistContentsRule())) {
      Verdict verdict = rule.evaluate(facts(w, s));
      assertThat(verdict.findings()).as(rule.id()).isEmpty();
      assertThat(verdict.applicable()).isTrue();
    }
  }

  @Test
  void withoutDistributionsTheRulesHaveNothingToCheck() {
    Verdict verdict = new DistRecordRule().evaluate(facts());
    assertThat(verdict.applicable()).isFalse();
    assertThat(verdict.summary()).isEqualTo("no distributions in target/dist (build them first)");
  }

  @Test
  void fileNamesMustBeNormalisedAndAgreeWithMetadataAndProject() throws IOException {
    Distribution legacy =
        sdist(
            "acme-widgets-1.4.0.tar.gz",
            Archives.sdist("acme-widgets", "1.4.0", Archives.pkgInfo("acme-widgets", "1.4.0")));
    Distribution stale = wheel(new Archives.Wheel("acme-widgets", "1.3.0"));
    Path egg = Files.writeString(dir.resolve("acme_widgets-1.4.0-py3.11.egg"), "x");
    Distribution eggDist = new DistributionReader().read(egg, "target/dist/" + egg.getFileName());
    Distribution linux =
        wheel(new Archives.Wheel("acme-widgets", "1.4.0").tag("cp311-cp311-linux_x86_64"));

    List<String> found =
        messages(new DistFilenameRule().evaluate(facts(legacy, stale, eggDist, linux)));

    assertThat(found)
        .contains(
            "acme-widgets-1.4.0.tar.gz is not NAME-VERSION.tar.gz with the name normalised with"
                + " underscores (PEP 625), so PyPI refuses it; it should be acme_widgets-1.4.0.tar.gz",
            "acme_widgets-1.3.0-py3-none-any.whl is version 1.3.0 but the project declares 1.4.0",
            "acme_widgets-1.4.0-py3.11.egg is not a wheel (.whl) or an sdist (.tar.gz): PyPI accepts"
                + " only those (PEP 625 and PEP 715)",
            "acme_widgets-1.4.0-cp311-cp311-linux_x86_64.whl has platform tag 'linux_x86_64', which"
                + " PyPI refuses");
  }

  @Test
  void metadataFieldsAreCheckedForTheirVersionAndValues() throws IOException {
    String metadata =
        String.join(
            "\n",
            "Metadata-Version: 2.1",
            "Name: acme-widgets",
            "Version: 1.4.0+local",
            "Summary: Widgets",
            "License-Expression: MIT",
            "Requires-Dist: requests (>=2.0",
            "Requires-Dist: private @ https://example.org/p.whl",
            "Requires-Python: >=3.8.*",
            "Description-Content-Type: text/markdown; variant=gfm",
            "Project-URL: Homepage",
            "Colour: blue",
            "Version: 1.4.1",
            "",
            "# acme");
    Distribution w = wheel(new Archives.Wheel("acme-widgets", "1.4.0").metadata(metadata));

    List<String> found = messages(new DistMetadataRule().evaluate(facts(w)));

    assertThat(found)
        .contains(
            "License-Expression was introduced in metadata version 2.4, not 2.1",
            "unrecognized field 'Colour' in acme_widgets-1.4.0.dist-info/METADATA",
            "Version appears more than once; it is a single-use field",
            "Version '1.4.0+local' has a local version label; PyPI refuses local versions (set"
                + " allow-local-versions for a private index)",
            "Requires-Dist 'private @ https://example.org/p.whl' is a direct reference (name @ url),"
                + " which PyPI refuses",
            "Description-Content-Type 'text/markdown; variant=gfm' has variant 'gfm'; text/markdown"
                + " takes GFM or CommonMark",
            "Project-URL 'Homepage' must be 'Label, URL'");
    assertThat(found)
        .anyMatch(
            m ->
                m.startsWith(
                    "Requires-Dist 'requests (>=2.0' is not a valid PEP 508 requirement: expected ')'"));
    assertThat(found)
        .anyMatch(m -> m.startsWith("Requires-Python '>=3.8.*' is not a valid version specifier"));
  }

  @Test
  void theMetadataVersionCeilingIsAnOption() throws IOException {
    String metadata =
        "Metadata-Version: 2.4\nName: acme-widgets\nVersion: 1.4.0\nLicense-Expression: mit OR Apache 2.0\n\n# acme\n";
    Distribution w = wheel(new Archives.Wheel("acme-widgets", "1.4.0").metadata(metadata));
    Rule strict =
        new DistMetadataRule(
            RuleOptions.of(
                "dist-metadata",
                new DistMetadataRule().options(),
                Map.of("max-metadata-version", "2.3")));

    List<String> found = messages(strict.evaluate(facts(w)));

    assertThat(found)
        .contains("Metadata-Version 2.4 is newer than the index accepts (up to 2.3)")
        .anyMatch(
            m ->
                m.startsWith(
                    "License-Expression 'mit OR Apache 2.0' is not a valid SPDX licence expression: 'Apache' is not an SPDX licence identifier"));
    assertThat(messages(new DistMetadataRule().evaluate(facts(w))))
        .noneMatch(m -> m.contains("newer than"));
  }

  @Test
  void aDescriptionThatWouldNotRenderFailsWithTheRenderersWords() throws IOException {
    Distribution w = wheel(new Archives.Wheel("acme-widgets", "1.4.0"));
    StubFacts facts =
        facts(w)
            .descriptions(
                d ->
                    new DescriptionCheck(
                        DescriptionCheck.Status.FAILS,
                        "pyrelease's reStructuredText check",
                        List.of("line 2: Warning: Title underline too short.")));

    List<String> found = messages(new DistMetadataRule().evaluate(facts));

    assertThat(found)
        .singleElement()
        .asString()
        .contains("would not be rendered on PyPI")
        .contains("line 2: Warning: Title underline too short.");
  }

  @Test
  void recordMustListEveryFileWithItsHashAndSize() throws IOException {
    Archives.Wheel wheel =
        new Archives.Wheel("acme-widgets", "1.4.0")
            .file("acme_widgets/data.json", "{}")
            .file("acme_widgets/extra.py", "x = 1\n")
            .recordRow("acme_widgets/__init__.py", "acme_widgets/__init__.py,sha256=AAAA,3")
            .recordRow(
                "acme_widgets/data.json", "acme_widgets/data.json,md5=CY9rzUYh03PK3k6DJie09g,2")
            .extraRecordLine("acme_widgets/gone.py,sha256=AAAA,1")
            .extraRecordLine("broken,row");
    byte[] bytes = wheel.bytes();
    Path file = dir.resolve(wheel.fileName());
    Files.write(file, bytes);
    Distribution w = new DistributionReader().read(file, "target/dist/" + wheel.fileName());

    List<String> found = messages(new DistRecordRule().evaluate(facts(w)));

    assertThat(found)
        .anyMatch(
            m ->
                m.startsWith(
                    "acme_widgets/__init__.py does not match its RECORD hash: RECORD says sha256=AAAA, the file has sha256="));
    assertThat(found)
        .contains(
            "acme_widgets/__init__.py is 22 bytes but RECORD says '3'",
            "RECORD hashes acme_widgets/data.json with md5; wheels need sha256 or stronger",
            "RECORD lists acme_widgets/gone.py, which is not in the wheel",
            "acme_widgets-1.4.0.dist-info/RECORD line 7: expected 3 columns (path,hash,size), found 2: broken,row");
  }

  @Test
  void aWheelWithoutRecordFails() throws IOException {
    Distribution w = wheel(new Archives.Wheel("acme-widgets", "1.4.0").noRecord());
    assertThat(messages(new DistRecordRule().evaluate(facts(w))))
        .containsExactly(
            "acme_widgets-1.4.0-py3-none-any.whl has no .dist-info/RECORD; installers refuse it and PyPI rejects it");
  }

  @Test
  void contentsForbidSecretsStrayTestsLinksAndClimbingPaths() throws IOException {
    Distribution w =
        wheel(
            new Archives.Wheel("acme-widgets", "1.4.0")
                .file("acme_widgets/.env", "TOKEN=placeholder\n")
                .file("acme_widgets/__pycache__/x.cpython-311.pyc", "x")
                .file("tests/test_acme.py", "def test(): pass\n")
                .file("README.md", "# acme\n"));
    List<TarMember> members =
        new ArrayList<>(
            Archives.sdist("acme-widgets", "1.4.0", Archives.pkgInfo("acme-widgets", "1.4.0")));
    members.add(TarMember.symlink("acme_widgets-1.4.0/passwd", "../../etc/passwd"));
    members.add(TarMember.file("acme_widgets-1.4.0/../../evil.py", "x"));
    members.add(TarMember.file("acme_widgets-1.4.0/certs/server.pem", "-----BEGIN-----"));
    members.add(TarMember.file("acme_widgets-1.4.0/PKG-INFO", "duplicate"));
    Distribution s = sdist("acme_widgets-1.4.0.tar.gz", members);

    List<String> found = messages(new DistContentsRule().evaluate(facts(w, s)));

    assertThat(found)
        .contains(
            "acme_widgets/.env in acme_widgets-1.4.0-py3-none-any.whl matches the forbidden pattern '**/.env' (dist-contents option forbid)",
            "acme_widgets/__pycache__/x.cpython-311.pyc in acme_widgets-1.4.0-py3-none-any.whl matches the forbidden pattern '**/__pycache__/**' (dist-contents option forbid)",
            "tests/test_acme.py in acme_widgets-1.4.0-py3-none-any.whl matches the forbidden pattern 'tests/**' (dist-contents option wheel-forbid)",
            "README.md in acme_widgets-1.4.0-py3-none-any.whl sits at the top of the wheel, outside any package, so installing it puts it straight into site-packages",
            "acme_widgets-1.4.0/passwd in acme_widgets-1.4.0.tar.gz is a symbolic link to '../../etc/passwd', outside the sdist",
            "acme_widgets-1.4.0/../../evil.py in acme_widgets-1.4.0.tar.gz is an absolute path or climbs out with '..'",
            "acme_widgets-1.4.0/certs/server.pem in acme_widgets-1.4.0.tar.gz matches the forbidden pattern '**/*.pem' (dist-contents option forbid)",
            "acme_widgets-1.4.0/PKG-INFO in acme_widgets-1.4.0.tar.gz appears twice in the archive");
    assertThat(String.join("\n", found)).doesNotContain("TOKEN=placeholder");
  }

  @Test
  void forbiddenPatternsAreAPolicyOption() throws IOException {
    Distribution w =
        wheel(new Archives.Wheel("acme-widgets", "1.4.0").file("tests/test_acme.py", "x"));
    Rule lenient =
        new DistContentsRule(
            RuleOptions.of(
                "dist-contents",
                new DistContentsRule().options(),
                Map.of("wheel-forbid", List.of("docs/**"))));
    assertThat(lenient.evaluate(facts(w)).findings()).isEmpty();
  }

  @Test
  void aDamagedArchiveIsAFindingOfEveryRuleThatNeedsIt() throws IOException {
    Path file = dir.resolve("acme_widgets-1.4.0-py3-none-any.whl");
    byte[] whole = new Archives.Wheel("acme-widgets", "1.4.0").bytes();
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
    Distribution w = new DistributionReader().read(file, "target/dist/" + file.getFileName());

    assertThat(messages(new DistContentsRule().evaluate(facts(w))))
        .singleElement()
        .asString()
        .contains("cannot be read as a zip archive");
    assertThat(messages(new DistRecordRule().evaluate(facts(w))))
        .singleElement()
        .asString()
        .contains("the archive cannot be read");
    assertThat(messages(new DistMetadataRule().evaluate(facts(w))))
        .singleElement()
        .asString()
        .startsWith("acme_widgets-1.4.0-py3-none-any.whl has no core metadata");
  }

  @Test
  void linksThatStayInsideTheSdistAreFine() {
    assertThat(
            DistContentsRule.escapes(
                "acme-1.0/docs/index.rst",
                "../README.rst",
                io.github.pyrelease.dist.EntryType.SYMLINK))
        .isFalse();
    assertThat(
            DistContentsRule.escapes(
                "acme-1.0/README.rst", "../other/x", io.github.pyrelease.dist.EntryType.SYMLINK))
        .isTrue();
    assertThat(
            DistContentsRule.escapes(
                "acme-1.0/x", "/etc/passwd", io.github.pyrelease.dist.EntryType.SYMLINK))
        .isTrue();
  }
}
