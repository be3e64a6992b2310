package io.github.pyrelease.bump;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.version.PreRelease;
import io.github.pyrelease.version.Version;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The next version under PEP 440 for each {@link BumpKind}. The epoch is kept; a local label is
 * always dropped (indexes refuse local versions). A version is a <em>pre-release</em> here when it
 * has a pre-release or dev segment and no post segment: it precedes the release it names.
 *
 * <table>
 *   <caption>Bump semantics</caption>
 *   <tr><th>kind</th><th>rule</th><th>examples</th></tr>
 *   <tr><td>major</td><td>a pre-release of {@code X.0.0} becomes {@code X.0.0}; otherwise the
 *       first number goes up and the others become 0</td><td>1.2.3 → 2.0.0; 2.0.0rc1 → 2.0.0;
 *       1.0.post1 → 2.0</td></tr>
 *   <tr><td>minor</td><td>a pre-release of {@code X.Y.0} becomes {@code X.Y.0}; otherwise the
 *       second number goes up, later ones become 0</td><td>1.2.3 → 1.3.0; 1.3.0b2 → 1.3.0;
 *       1.2.3rc1 → 1.3.0</td></tr>
 *   <tr><td>patch</td><td>a pre-release becomes its release; otherwise the third number goes
 *       up</td><td>1.2.3 → 1.2.4; 1.2.3rc1 → 1.2.3; 1.2.1.dev0 → 1.2.1; 1.2 → 1.2.1</td></tr>
 *   <tr><td>pre</td><td>the next pre-release: same kind → number + 1; a later kind ({@code a → b
 *       → rc}) → that kind 1; a dev of a pre-release → that pre-release; a dev-only release → its
 *       {@code a1}; a final or post release → {@code a1} (or {@code preKind}1) of the next
 *       patch</td><td>1.2.0rc1 → 1.2.0rc2; 1.2.0a3 +rc → 1.2.0rc1; 1.2.0rc1.dev2 → 1.2.0rc1;
 *       1.2.0 → 1.2.1a1; 1.2.1.dev0 → 1.2.1a1</td></tr>
 *   <tr><td>post</td><td>a post-release number + 1, starting at 1; the dev of a post-release
 *       becomes it; refused on a pre-release that has a dev segment or is dev-only</td>
 *       <td>1.0 → 1.0.post1; 1.0.post1 → 1.0.post2; 1.0.post2.dev1 → 1.0.post2</td></tr>
 *   <tr><td>dev</td><td>a dev number + 1; otherwise {@code .dev0} of the next release: the next
 *       patch for a final or post release, the next pre-release for a pre-release</td>
 *       <td>1.2.0 → 1.2.1.dev0; 1.2.1.dev0 → 1.2.1.dev1; 1.2.0rc1 → 1.2.0rc2.dev0</td></tr>
 *   <tr><td>release</td><td>drops the pre-release and dev segments (a post-release keeps its
 *       post)</td><td>1.2.0rc1 → 1.2.0; 1.2.1.dev3 → 1.2.1; 1.0.post1.dev0 → 1.0.post1</td></tr>
 * </table>
 *
 * <p>{@code preKind} ({@code a}, {@code b}, {@code rc}) chooses the pre-release kind for {@code
 * pre}, and with {@code major}, {@code minor} or {@code patch} makes the result the first
 * pre-release of that release: {@code minor} with {@code rc} on 1.2.0 gives 1.3.0rc1. The release
 * keeps its length, grown to reach the number moved: {@code patch} on {@code 1.2} gives {@code
 * 1.2.1}.
 */
public final class VersionBump {

  private VersionBump() {}

  /**
   * @param preKind the pre-release kind, or null for the default ({@code pre}: the current kind,
   *     else alpha)
   * @throws PyreleaseException when the kind cannot apply to this version
   */
  public static Version next(Version current, BumpKind kind, PreRelease.Kind preKind) {
    if (preKind != null
        && (kind == BumpKind.POST || kind == BumpKind.DEV || kind == BumpKind.RELEASE)) {
      throw new PyreleaseException(
          "a pre-release kind (" + preKind.label() + ") does not apply to a " + kind.id() + " bump",
          null,
          "use preKind with pre, major, minor or patch, or leave it out");
    }
    Version v = current.publicVersion();
    return switch (kind) {
      case MAJOR -> releaseBump(v, 0, preKind);
      case MINOR -> releaseBump(v, 1, preKind);
      case PATCH -> releaseBump(v, 2, preKind);
      case PRE -> pre(v, preKind);
      case POST -> post(v);
      case DEV -> dev(v);
      case RELEASE -> v.withPre(null).withDev(null);
    };
  }

  /** Reads {@code a}, {@code b} or {@code rc} (and PEP 440's other spellings). */
  public static Optional<PreRelease.Kind> preKind(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "a", "alpha" -> Optional.of(PreRelease.Kind.ALPHA);
      case "b", "beta" -> Optional.of(PreRelease.Kind.BETA);
      case "rc", "c", "pre", "preview" -> Optional.of(PreRelease.Kind.RELEASE_CANDIDATE);
      default -> Optional.empty();
    };
  }

  private static boolean isPreRelease(Version v) {
    return (v.pre().isPresent() || v.dev().isPresent()) && v.post().isEmpty();
  }

  /** Moves release number {@code index}, or finishes a pre-release of a release at that level. */
  private static Version releaseBump(Version v, int index, PreRelease.Kind preKind) {
    List<BigInteger> release = v.release();
    boolean restZero = true;
    for (int i = index + 1; i < release.size(); i++) {
      restZero &= release.get(i).signum() == 0;
    }
    Version finalRelease;
    if (isPreRelease(v) && restZero) {
      finalRelease = final0(v, padded(release, index + 1));
    } else {
      List<BigInteger> moved = padded(release, index + 1);
      moved.set(index, moved.get(index).add(BigInteger.ONE));
      for (int i = index + 1; i < moved.size(); i++) {
        moved.set(i, BigInteger.ZERO);
      }
      finalRelease = final0(v, moved);
    }
    return preKind == null ? finalRelease : finalRelease.withPre(first(preKind));
  }

  private static Version pre(Version v, PreRelease.Kind preKind) {
    Optional<PreRelease> pre = v.pre();
    if (pre.isPresent() && v.post().isEmpty()) {
      PreRelease.Kind kind = preKind == null ? pre.get().kind() : preKind;
      if (kind == pre.get().kind()) {
        // a dev release of a pre-release precedes it: the next pre-release is that one
        return v.dev().isPresent()
            ? v.withDev(null)
            : v.withPre(new PreRelease(kind, pre.get().number().add(BigInteger.ONE)));
      }
      return v.withDev(null).withPre(first(kind));
    }
    PreRelease.Kind kind = preKind == null ? PreRelease.Kind.ALPHA : preKind;
    if (isPreRelease(v)) { // dev-only: 1.2.1.dev0 comes before 1.2.1a1
      return v.withDev(null).withPre(first(kind));
    }
    return releaseBump(v, 2, null).withPre(first(kind));
  }

  private static Version post(Version v) {
    if (v.post().isPresent()) {
      return v.dev().isPresent() ? v.withDev(null) : v.withPost(v.post().get().add(BigInteger.ONE));
    }
    if (v.dev().isPresent()) {
      throw new PyreleaseException(
          v + " is a development release of " + v.withDev(null) + ", which is not released yet",
          null,
          "a post-release follows a release: bump 'release' first, or 'dev' for another"
              + " development release");
    }
    return v.withPost(BigInteger.ONE);
  }

  private static Version dev(Version v) {
    if (v.dev().isPresent()) {
      return v.withDev(v.dev().get().add(BigInteger.ONE));
    }
    if (v.pre().isPresent() && v.post().isEmpty()) {
      PreRelease pre = v.pre().get();
      return v.withPre(new PreRelease(pre.kind(), pre.number().add(BigInteger.ONE)))
          .withDev(BigInteger.ZERO);
    }
    return releaseBump(v, 2, null).withDev(BigInteger.ZERO);
  }

  private static PreRelease first(PreRelease.Kind kind) {
    return PreRelease.of(kind, 1);
  }

  /** This version's epoch with another release and nothing after it. */
  private static Version final0(Version v, List<BigInteger> release) {
    return Version.of(v.epoch(), release, null, null, null, null);
  }

  private static List<BigInteger> padded(List<BigInteger> release, int length) {
    List<BigInteger> padded = new ArrayList<>(release);
    while (padded.size() < length) {
      padded.add(BigInteger.ZERO);
    }
    return padded;
  }
}
