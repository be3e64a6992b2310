package io.github.pyrelease.bump;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A text being edited that still knows which parts are original: edits are applied in current
 * coordinates, and an original span can be mapped to where it is now as long as no edit touched it.
 * That lets configured search/replace rules run first, as bump-my-version runs them, and the
 * project's own version sources be rewritten afterwards only where no rule already did.
 */
final class PatchedText {

  /** A run of text; {@code origin} is its offset in the original, or -1 for replaced text. */
  private record Piece(int origin, String text) {}

  private final List<Piece> pieces = new ArrayList<>();
  private String current;

  PatchedText(String original) {
    pieces.add(new Piece(0, original));
    current = original;
  }

  String current() {
    if (current == null) {
      StringBuilder text = new StringBuilder();
      pieces.forEach(p -> text.append(p.text()));
      current = text.toString();
    }
    return current;
  }

  boolean isEdited() {
    return pieces.size() != 1 || pieces.get(0).origin() != 0;
  }

  /** Replaces {@code [start, end)} of the current text. */
  void replace(int start, int end, String replacement) {
    List<Piece> result = new ArrayList<>(pieces.size() + 2);
    int at = 0;
    boolean inserted = false;
    for (Piece piece : pieces) {
      int pieceEnd = at + piece.text().length();
      if (pieceEnd <= start || at >= end) {
        if (!inserted && at >= end) {
          result.add(new Piece(-1, replacement));
          inserted = true;
        }
        result.add(piece);
      } else {
        if (at < start) {
          result.add(slice(piece, 0, start - at));
        }
        if (!inserted) {
          result.add(new Piece(-1, replacement));
          inserted = true;
        }
        if (pieceEnd > end) {
          result.add(slice(piece, end - at, piece.text().length()));
        }
      }
      at = pieceEnd;
    }
    if (!inserted) {
      result.add(new Piece(-1, replacement));
    }
    pieces.clear();
    result.stream().filter(p -> !p.text().isEmpty()).forEach(pieces::add);
    current = null;
  }

  /** Where the original span {@code [start, end)} is now, or empty when an edit touched it. */
  OptionalInt currentOffset(int start, int end) {
    int at = 0;
    for (Piece piece : pieces) {
      int length = piece.text().length();
      if (piece.origin() >= 0 && start >= piece.origin() && end <= piece.origin() + length) {
        return OptionalInt.of(at + start - piece.origin());
      }
      at += length;
    }
    return OptionalInt.empty();
  }

  private static Piece slice(Piece piece, int from, int to) {
    int origin = piece.origin() < 0 ? -1 : piece.origin() + from;
    return new Piece(origin, piece.text().substring(from, to));
  }
}
