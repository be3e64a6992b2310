package io.github.pyrelease;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.pyrelease.dist.ArchiveEntry;
import io.github.pyrelease.dist.ArchiveProblem;
import io.github.pyrelease.dist.ArchiveProblems;
import io.github.pyrelease.dist.CoreMetadata;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.DistributionKind;
import io.github.pyrelease.dist.EntryType;
import io.github.pyrelease.dist.MetadataField;
import io.github.pyrelease.dist.RecordFile;
import io.github.pyrelease.dist.RecordRow;
import io.github.pyrelease.dist.readme.DescriptionCheck;
import io.github.pyrelease.git.GitFacts;
import io.github.pyrelease.git.GitStatus;
import io.github.pyrelease.git.GitTag;
import io.github.pyrelease.git.HeadState;
import io.github.pyrelease.git.RemoteTags;
import io.github.pyrelease.git.UpstreamStatus;
import io.github.pyrelease.index.IndexAnswer;
import io.github.pyrelease.index.IndexFacts;
import io.github.pyrelease.index.IndexLocations;
import io.github.pyrelease.index.ProjectNames;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Rule;
import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.ChangelogSection;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.SourceKind;
import io.github.pyrelease.project.VersionSource;
import io.github.pyrelease.secrets.SecretMatch;
import io.github.pyrelease.secrets.SecretScanRequest;
import io.github.pyrelease.secrets.SecretScanResult;
import io.github.pyrelease.secrets.SecretScans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries of DESIGN section 6, held by the build. */
class ArchitectureTest {

  private static JavaClasses core;

  /** The git and index fact interfaces and the plain values they return: all rules see of them. */
  private static final Class<?>[] FACTS_RULES_SEE = {
    GitFacts.class,
    HeadState.class,
    GitStatus.class,
    GitStatus.DirtyPath.class,
    GitStatus.Change.class,
    GitTag.class,
    UpstreamStatus.class,
    RemoteTags.class,
    IndexFacts.class,
    IndexAnswer.class,
    IndexLocations.class,
    ProjectNames.class,
    io.github.pyrelease.vuln.AdvisorySource.class,
    io.github.pyrelease.vuln.AdvisoryLocation.class,
    io.github.pyrelease.vuln.AuditedPackage.class,
    io.github.pyrelease.vuln.PackageVersion.class,
    io.github.pyrelease.vuln.Vulnerability.class,
    io.github.pyrelease.vuln.Severity.class,
    io.github.pyrelease.vuln.Severity.Level.class,
    SecretScans.class,
    SecretScans.Scope.class,
    SecretScanRequest.class,
    SecretScanResult.class,
    SecretMatch.class
  };

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.pyrelease");
  }

  @Test
  void coreIsFreeOfMaven() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..", "org.eclipse.sisu..")
        .because("policy-rules must run without Maven (the CLI and any CI use it)")
        .check(core);
  }

  @Test
  void rulesOnlyReadFacts() {
    classes()
        .that()
        .resideInAPackage("io.github.pyrelease.policy.rules..")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(
                    "io.github.pyrelease.policy..",
                    "io.github.pyrelease.version..",
                    "io.github.pyrelease.text..",
                    // pure parsers of PEP 508 requirements and SPDX expressions (no I/O, below)
                    "io.github.pyrelease.deps..",
                    "io.github.pyrelease.license..",
                    "java.lang..",
                    "java.util..",
                    "java.time..",
                    "java.math..")
                .or(
                    belongToAnyOf(
                            PythonProject.class,
                            VersionSource.class,
                            SourceKind.class,
                            Changelog.class,
                            ChangelogSection.class,
                            io.github.pyrelease.project.MonorepoPackage.class,
                            // plain model values of the built distributions
                            Distribution.class,
                            DistributionKind.class,
                            ArchiveEntry.class,
                            ArchiveProblem.class,
                            ArchiveProblems.class,
                            EntryType.class,
                            CoreMetadata.class,
                            MetadataField.class,
                            RecordFile.class,
                            RecordRow.class,
                            DescriptionCheck.class,
                            DescriptionCheck.Status.class,
                            PyreleaseException.class,
                            FactUnavailableException.class)
                        .or(belongToAnyOf(FACTS_RULES_SEE))))
        .because("a rule evaluates facts handed to it and does no I/O, so it is tested offline")
        .check(core);
  }

  @Test
  void theFactsRulesSeeDoNoIoThemselves() {
    noClasses()
        .that(belongToAnyOf(FACTS_RULES_SEE))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.io..", "java.nio.file..", "java.net..", "okhttp3..", "org.eclipse.jgit..")
        .because("rules may see these fact interfaces and values because they are plain")
        .check(core);
  }

  @Test
  void rulesStartNoProcessesOrThreads() {
    noClasses()
        .that()
        .resideInAPackage("io.github.pyrelease.policy..")
        .should()
        .dependOnClassesThat(
            belongToAnyOf(ProcessBuilder.class, Process.class, Runtime.class, Thread.class))
        .check(core);
  }

  @Test
  void policyEngineDoesNoIo() {
    noClasses()
        .that()
        .resideInAPackage("io.github.pyrelease.policy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.io..",
            "java.nio.file..",
            "java.nio.channels..",
            "java.net..",
            "okhttp3..",
            "org.snakeyaml..",
            "org.eclipse.jgit..")
        .because("network, file system and git live behind fact interfaces")
        .check(core);
  }

  @Test
  void requirementAndLicenceParsersDoNoIo() {
    noClasses()
        .that()
        .resideInAnyPackage("io.github.pyrelease.deps..", "io.github.pyrelease.license..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..")
        .because("rules call these parsers, and rules do no I/O")
        .check(core);
  }

  @Test
  void everyRuleIsASmallFinalClass() {
    classes()
        .that()
        .implement(Rule.class)
        .and(not(belongToAnyOf(Rule.class, AbstractRule.class)))
        .should()
        .haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
        .andShould()
        .resideInAPackage("io.github.pyrelease.policy.rules")
        .check(core);
  }

  @Test
  void onlyThePolicyFileReaderParsesYaml() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.github.pyrelease.policyfile..")
        .and()
        .doNotHaveFullyQualifiedName("io.github.pyrelease.vuln.OsvRecordParser")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.snakeyaml..")
        .because(
            "YAML is read in two places, each with its limits against hostile YAML: policy files,"
                + " and the advisory database's OSV records (failsafe schema, size and alias caps)")
        .check(core);
  }

  @Test
  void noPackageCycles() {
    slices().matching("io.github.pyrelease.(**)").should().beFreeOfCycles().check(core);
  }
}
