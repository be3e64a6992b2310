package io.github.pyrelease.version;

import java.math.BigInteger;
import java.util.Objects;

/** The non-negative integers of a version: reading, checking and printing them. */
final class Numbers {

  /**
   * Python's int() refuses decimal strings longer than this (sys.get_int_max_str_digits(), since
   * 3.11), so packaging cannot read such a number and neither do we.
   */
  static final int MAX_DIGITS = 4300;

  /** Up to this many decimal digits always fit in a long. */
  private static final int LONG_DIGITS = 18;

  /** Numbers below 2^14280 have fewer than 4300 digits; only larger ones need counting. */
  private static final int BITS_BELOW_MAX_DIGITS = 14280;

  private Numbers() {}

  /** The value of the ASCII digits chars[start, end), at most MAX_DIGITS of them. */
  static BigInteger parse(char[] chars, int start, int end) {
    if (end - start <= LONG_DIGITS) {
      long value = 0;
      for (int i = start; i < end; i++) {
        value = value * 10 + (chars[i] - '0');
      }
      return BigInteger.valueOf(value);
    }
    return new BigInteger(new String(chars, start, end - start));
  }

  static BigInteger requireNonNegative(BigInteger number, String what) {
    Objects.requireNonNull(number, what);
    if (number.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + number);
    }
    if (number.bitLength() >= BITS_BELOW_MAX_DIGITS && number.toString().length() > MAX_DIGITS) {
      throw new IllegalArgumentException(
          what + " has more than " + MAX_DIGITS + " digits, which Python cannot read");
    }
    return number;
  }

  static void append(StringBuilder out, BigInteger number) {
    if (number.bitLength() < Long.SIZE) {
      out.append(number.longValue());
    } else {
      out.append(number);
    }
  }
}
