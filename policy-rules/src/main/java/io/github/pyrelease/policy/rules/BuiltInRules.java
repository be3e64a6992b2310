package io.github.pyrelease.policy.rules;

import io.github.pyrelease.policy.RuleRegistry;
import java.util.List;

/** The rules that ship with pyrelease, in evaluation order. */
public final class BuiltInRules {

  private BuiltInRules() {}

  public static RuleRegistry registry() {
    return new RuleRegistry(
        List.of(
            options -> new VersionPep440Rule(),
            options -> new VersionConsistentRule(),
            ChangelogEntryRule::new,
            MonorepoPinsRule::new,
            CleanTreeRule::new,
            BranchRule::new,
            UpstreamSyncedRule::new,
            TagFreeRule::new,
            TagMatchesRule::new,
            VersionIncreasesRule::new,
            VersionUnpublishedRule::new,
            options -> new DescriptionCheckedRule(),
            options -> new DistFilenameRule(),
            DistMetadataRule::new,
            options -> new DistRecordRule(),
            DistContentsRule::new,
            PinnedRule::new,
            LicensesRule::new,
            ProjectLicenseRule::new,
            VulnerabilitiesRule::new,
            SecretsRule::source,
            SecretsRule::dist));
  }
}
