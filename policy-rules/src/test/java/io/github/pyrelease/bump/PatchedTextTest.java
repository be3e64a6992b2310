package io.github.pyrelease.bump;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatchedTextTest {

  @Test
  void originalSpansAreFoundUntilAnEditTouchesThem() {
    PatchedText text = new PatchedText("version = 1.0 # 1.0 here\n");
    assertThat(text.isEdited()).isFalse();
    text.replace(16, 19, "2.0.0"); // the comment's 1.0, longer text
    assertThat(text.current()).isEqualTo("version = 1.0 # 2.0.0 here\n");
    assertThat(text.currentOffset(10, 13)).hasValue(10); // before the edit: unchanged offset
    assertThat(text.currentOffset(20, 24)).hasValue(22); // after the edit: shifted by 2
    assertThat(text.currentOffset(15, 17)).isEmpty(); // overlaps the edit
    text.replace(10, 13, "");
    assertThat(text.current()).isEqualTo("version =  # 2.0.0 here\n");
    assertThat(text.currentOffset(20, 24)).hasValue(19);
    assertThat(text.isEdited()).isTrue();
  }

  @Test
  void editsAtTheEdgesAndOfEverything() {
    PatchedText text = new PatchedText("abc");
    text.replace(0, 0, ">");
    text.replace(4, 4, "<");
    assertThat(text.current()).isEqualTo(">abc<");
    assertThat(text.currentOffset(0, 3)).hasValue(1);
    text.replace(0, 5, "");
    assertThat(text.current()).isEmpty();
    assertThat(text.currentOffset(0, 1)).isEmpty();
    PatchedText empty = new PatchedText("");
    empty.replace(0, 0, "new");
    assertThat(empty.current()).isEqualTo("new");
  }
}
