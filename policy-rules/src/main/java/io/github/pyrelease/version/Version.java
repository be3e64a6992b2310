package io.github.pyrelease.version;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable PEP 440 version, read and ordered exactly as Python's {@code
 * packaging.version.Version}: {@link #toString()} is {@code str(Version(text))} and {@link
 * #compareTo} follows packaging's sort key, so {@code 1.0 == 1.0.0}, {@code 1.0.dev0 < 1.0a0} and
 * {@code 1.0+local > 1.0}. Numbers have no upper bound short of Python's own 4300-digit limit.
 */
public final class Version implements Comparable<Version> {

  private final BigInteger epoch;
  private final BigInteger[] release;
  private final PreRelease pre;
  private final BigInteger post;
  private final BigInteger dev;
  private final LocalLabel local;

  /** Length of the release without its trailing zeros: comparison ignores them. */
  private final int significant;

  private int hash;

  /** Trusts its arguments: the scanner and {@link #of} check them. */
  Version(
      BigInteger epoch,
      BigInteger[] release,
      PreRelease pre,
      BigInteger post,
      BigInteger dev,
      LocalLabel local) {
    this.epoch = epoch;
    this.release = release;
    this.pre = pre;
    this.post = post;
    this.dev = dev;
    this.local = local;
    int length = release.length;
    while (length > 0 && release[length - 1].signum() == 0) {
      length--;
    }
    this.significant = length;
  }

  /** Longer texts are never taken for plain releases by {@link #normalize}. */
  private static final int PLAIN_RELEASE_MAX = 64;

  /**
   * Reads a version as packaging does: case-insensitive, surrounding whitespace and a leading
   * {@code v} ignored, alternate spellings and separators accepted.
   *
   * @throws InvalidVersionException when the text is not a PEP 440 version; its reason says where
   *     and why
   * @throws NullPointerException when text is null
   */
  public static Version parse(String text) {
    Objects.requireNonNull(text, "text");
    VersionScanner scanner = new VersionScanner(text);
    Version version = scanner.scan();
    if (version == null) {
      throw new InvalidVersionException(text, scanner.failure().reason());
    }
    return version;
  }

  /**
   * Whether two texts name the same version under PEP 440 ({@code 1.0} and {@code 1.0.0} do); texts
   * that are not both versions are compared as written.
   */
  public static boolean same(String a, String b) {
    Optional<Version> va = tryParse(a);
    Optional<Version> vb = tryParse(b);
    return va.isPresent() && vb.isPresent() ? va.get().equals(vb.get()) : Objects.equals(a, b);
  }

  /** The version, or empty when the text (possibly null) is not one; builds no exception. */
  public static Optional<Version> tryParse(String text) {
    return text == null ? Optional.empty() : Optional.ofNullable(new VersionScanner(text).scan());
  }

  /**
   * The normalised form of the text ({@code parse(text).toString()}), or null when it is not a
   * version. A plain release, digits and dots without leading zeros (two thirds of real versions),
   * is its own normal form and is recognised without building the version: in a cold JVM, a short
   * command line's, that check is a fraction of a parse.
   */
  public static String normalize(String text) {
    if (isPlainRelease(Objects.requireNonNull(text, "text"))) {
      return text;
    }
    VersionScanner scanner = new VersionScanner(text);
    Version version = scanner.scan();
    return version == null ? null : version.toString();
  }

  /**
   * Numbers joined by single dots, no number with a leading zero ({@code 01} normalises to {@code
   * 1}), short enough that no number can have too many digits.
   */
  private static boolean isPlainRelease(String text) {
    int length = text.length();
    if (length > PLAIN_RELEASE_MAX) {
      return false;
    }
    for (int i = 0; ; i++) {
      int start = i;
      while (i < length && VersionScanner.isDigit(text.charAt(i))) {
        i++;
      }
      if (i == start || (i - start > 1 && text.charAt(start) == '0')) {
        return false;
      }
      if (i == length) {
        return true;
      }
      if (text.charAt(i) != '.') {
        return false;
      }
    }
  }

  /**
   * Why the text is not a version, as {@link InvalidVersionException#reason()} says it, or null
   * when it is one; builds no exception (where many texts may be invalid, such as {@code pyrelease
   * version normalize}, an exception each costs more than the parse).
   */
  public static String whyInvalid(String text) {
    VersionScanner scanner = new VersionScanner(Objects.requireNonNull(text, "text"));
    return scanner.scan() == null ? scanner.failure().reason() : null;
  }

  /**
   * A version from its parts, as packaging's {@code Version.from_parts}; null means the part is
   * absent.
   *
   * @param epoch the epoch, 0 for none
   * @param release the release numbers, at least one
   * @param pre the pre-release, or null
   * @param post the post-release number, or null
   * @param dev the dev-release number, or null
   * @param local the local label in any valid spelling (normalised here), or null
   * @throws IllegalArgumentException when a number is negative, the release is empty or the local
   *     label is not valid
   */
  public static Version of(
      BigInteger epoch,
      List<BigInteger> release,
      PreRelease pre,
      BigInteger post,
      BigInteger dev,
      String local) {
    Numbers.requireNonNegative(epoch, "epoch");
    if (release.isEmpty()) {
      throw new IllegalArgumentException("a version needs at least one release number");
    }
    BigInteger[] numbers = release.toArray(new BigInteger[0]);
    for (BigInteger number : numbers) {
      Numbers.requireNonNegative(number, "release number");
    }
    if (post != null) {
      Numbers.requireNonNegative(post, "post-release number");
    }
    if (dev != null) {
      Numbers.requireNonNegative(dev, "dev-release number");
    }
    return new Version(epoch, numbers, pre, post, dev, local == null ? null : localLabel(local));
  }

  /** A final release with these numbers, such as {@code of(1, 2, 0)} for {@code 1.2.0}. */
  public static Version of(long... release) {
    return of(
        BigInteger.ZERO,
        Arrays.stream(release).mapToObj(BigInteger::valueOf).toList(),
        null,
        null,
        null,
        null);
  }

  private static LocalLabel localLabel(String text) {
    LocalLabel label = new VersionScanner(text).scanLocalLabel();
    if (label == null) {
      throw new IllegalArgumentException(
          "invalid local label '"
              + text
              + "': use letters a-z, digits 0-9 and one '.', '_' or '-' between them");
    }
    return label;
  }

  /** This version with another epoch. */
  public Version withEpoch(BigInteger newEpoch) {
    return of(newEpoch, release(), pre, post, dev, localText());
  }

  /** This version with other release numbers. */
  public Version withRelease(List<BigInteger> newRelease) {
    return of(epoch, newRelease, pre, post, dev, localText());
  }

  /** This version with another pre-release, or none when null. */
  public Version withPre(PreRelease newPre) {
    return new Version(epoch, release, newPre, post, dev, local);
  }

  /** This version with another post-release number, or none when null. */
  public Version withPost(BigInteger newPost) {
    return of(epoch, release(), pre, newPost, dev, localText());
  }

  /** This version with another dev-release number, or none when null. */
  public Version withDev(BigInteger newDev) {
    return of(epoch, release(), pre, post, newDev, localText());
  }

  /** This version with another local label, or none when null. */
  public Version withLocal(String newLocal) {
    return of(epoch, release(), pre, post, dev, newLocal);
  }

  /** The epoch, 0 when the version has none. */
  public BigInteger epoch() {
    return epoch;
  }

  /** The release numbers as written, trailing zeros included ({@code 1.0.0} has three). */
  public List<BigInteger> release() {
    return List.of(release);
  }

  /** The first release number. */
  public BigInteger major() {
    return releaseAt(0);
  }

  /** The second release number, 0 when the release is shorter. */
  public BigInteger minor() {
    return releaseAt(1);
  }

  /** The third release number, 0 when the release is shorter. */
  public BigInteger micro() {
    return releaseAt(2);
  }

  private BigInteger releaseAt(int index) {
    return index < release.length ? release[index] : BigInteger.ZERO;
  }

  /** The pre-release segment ({@code a1}, {@code b0}, {@code rc2}), if any. */
  public Optional<PreRelease> pre() {
    return Optional.ofNullable(pre);
  }

  /** The post-release number, if any. */
  public Optional<BigInteger> post() {
    return Optional.ofNullable(post);
  }

  /** The dev-release number, if any. */
  public Optional<BigInteger> dev() {
    return Optional.ofNullable(dev);
  }

  /** The normalised local label ({@code ubuntu.1} for {@code +Ubuntu-01}), if any. */
  public Optional<String> local() {
    return Optional.ofNullable(localText());
  }

  private String localText() {
    return local == null ? null : local.toString();
  }

  /** Whether this is a pre-release: it has a pre-release or a dev-release segment. */
  public boolean isPreRelease() {
    return pre != null || dev != null;
  }

  /** Whether it has a post-release segment. */
  public boolean isPostRelease() {
    return post != null;
  }

  /** Whether it has a dev-release segment. */
  public boolean isDevRelease() {
    return dev != null;
  }

  /** Whether it has a local label. */
  public boolean isLocal() {
    return local != null;
  }

  /** This version without its local label (packaging's {@code public}). */
  public Version publicVersion() {
    return local == null ? this : new Version(epoch, release, pre, post, dev, null);
  }

  /** Epoch and release only (packaging's {@code base_version}). */
  public Version baseVersion() {
    return pre == null && post == null && dev == null && local == null
        ? this
        : new Version(epoch, release, null, null, null, null);
  }

  /**
   * The normalised text with trailing {@code .0}s of the release removed, as packaging's {@code
   * canonicalize_version} ({@code 1.0.0} gives {@code 1}).
   */
  public String canonical() {
    int length = Math.max(significant, 1);
    return format(length);
  }

  /**
   * Orders as PEP 440 and packaging's {@code _cmpkey}: epoch, release without trailing zeros, then
   * dev-only releases, alpha, beta, rc, final, with post and dev segments after that, and a local
   * label after no label.
   */
  @Override
  public int compareTo(Version other) {
    int order = epoch.compareTo(other.epoch);
    if (order == 0) {
      order = compareRelease(other);
    }
    if (order == 0) {
      order = Integer.compare(preRank(), other.preRank());
    }
    if (order == 0 && pre != null) {
      order = pre.number().compareTo(other.pre.number());
    }
    if (order == 0) {
      order = compareAbsentFirst(post, other.post);
    }
    if (order == 0) {
      order = compareDev(other);
    }
    if (order == 0) {
      order = compareAbsentFirst(local, other.local);
    }
    return order;
  }

  private int compareRelease(Version other) {
    int shared = Math.min(significant, other.significant);
    for (int i = 0; i < shared; i++) {
      int order = release[i].compareTo(other.release[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(significant, other.significant);
  }

  /** dev-only = -1, a = 0, b = 1, rc = 2, no pre-release = 3, as in packaging. */
  private int preRank() {
    if (pre != null) {
      return pre.kind().ordinal();
    }
    return post == null && dev != null ? -1 : 3;
  }

  /** Unlike post and local, a dev segment sorts before its absence: 1.0a1.dev1 < 1.0a1. */
  private int compareDev(Version other) {
    if (dev == null || other.dev == null) {
      return dev == null ? (other.dev == null ? 0 : 1) : -1;
    }
    return dev.compareTo(other.dev);
  }

  private static <T extends Comparable<T>> int compareAbsentFirst(T a, T b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return a.compareTo(b);
  }

  /** Equal when {@link #compareTo} says so: {@code 1.0}, {@code 1.0.0} and {@code v1} are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Version version && compareTo(version) == 0;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = epoch.hashCode();
      for (int i = 0; i < significant; i++) {
        h = 31 * h + release[i].hashCode();
      }
      h = 31 * h + Objects.hash(pre, post, dev, local);
      hash = h;
    }
    return h;
  }

  /** The normalised form, exactly {@code str(packaging.version.Version(text))}. */
  @Override
  public String toString() {
    return format(release.length);
  }

  private String format(int releaseLength) {
    StringBuilder out = new StringBuilder(16);
    if (epoch.signum() != 0) {
      Numbers.append(out, epoch);
      out.append('!');
    }
    Numbers.append(out, release[0]);
    for (int i = 1; i < releaseLength; i++) {
      out.append('.');
      Numbers.append(out, release[i]);
    }
    if (pre != null) {
      out.append(pre.kind().label());
      Numbers.append(out, pre.number());
    }
    if (post != null) {
      out.append(".post");
      Numbers.append(out, post);
    }
    if (dev != null) {
      out.append(".dev");
      Numbers.append(out, dev);
    }
    if (local != null) {
      out.append('+').append(local);
    }
    return out.toString();
  }
}
