package io.github.pyrelease.bump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSetWriterTest {

  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void journalWithoutManifestIsRemovedWithoutTouchingFiles() throws Exception {
    Path journal = dir.resolve("journal");
    Files.createDirectories(journal);
    Files.write(journal.resolve("data"), b("partial"));
    Projects.write(dir.resolve("a"), "a");
    assertThat(new FileSetWriter(journal, FileSetWriter.FaultHook.NONE).recover())
        .contains("removed the journal of a bump interrupted before it changed any file");
    assertThat(journal).doesNotExist();
    assertThat(Projects.read(dir.resolve("a"))).isEqualTo("a");
  }

  @Test
  void fileChangedSinceTheInterruptionStopsTheRollBackAndKeepsTheJournal() throws Exception {
    Path a = dir.resolve("a");
    Path c = dir.resolve("c");
    Projects.write(a, "old a");
    Projects.write(c, "old c");
    Path journal = dir.resolve("journal");
    FileSetWriter killed =
        new FileSetWriter(
            journal,
            (replaced, total) -> {
              if (replaced == 1) {
                throw new ThreadDeath(); // stands for a kill: nothing after this runs
              }
            });
    assertThatThrownBy(
            () ->
                killed.write(
                    List.of(
                        new FileSetWriter.Change(a, b("old a"), b("new a")),
                        new FileSetWriter.Change(c, b("old c"), b("new c")))))
        .isInstanceOf(ThreadDeath.class);
    assertThat(Projects.read(a)).isEqualTo("new a");
    Projects.write(c, "edited by hand");

    FileSetWriter next = new FileSetWriter(journal, FileSetWriter.FaultHook.NONE);
    assertThatThrownBy(next::recover)
        .isInstanceOf(PyreleaseException.class)
        .hasMessage(
            "an interrupted bump cannot be rolled back: "
                + c
                + " changed since it was interrupted");
    assertThat(journal.resolve("manifest")).exists();
    assertThat(Projects.read(journal.resolve("data"))).isEqualTo("old anew aold cnew c");
  }

  @Test
  void aCreatedFileIsDeletedWhenALaterFileCannotBeWritten() throws Exception {
    Path created = dir.resolve("CHANGELOG.md");
    Path a = dir.resolve("a");
    Projects.write(a, "old a");
    FileSetWriter failing =
        new FileSetWriter(
            dir.resolve("journal"),
            (replaced, total) -> {
              if (replaced == 1) {
                throw new java.io.IOException("disk full");
              }
            });
    assertThatThrownBy(
            () ->
                failing.write(
                    List.of(
                        new FileSetWriter.Change(created, null, b("# Changelog\n")),
                        new FileSetWriter.Change(a, b("old a"), b("new a")))))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage(
            "cannot write "
                + a
                + ": disk full; the 1 file(s) already written were restored,"
                + " so nothing changed");
    assertThat(created).doesNotExist();
    assertThat(Projects.read(a)).isEqualTo("old a");
    assertThat(dir.resolve("journal")).doesNotExist();
  }

  @Test
  void anInterruptedCreationIsRolledBackByDeletingTheFile() throws Exception {
    for (int killAt : new int[] {0, 1, 2}) {
      Path created = dir.resolve("new-" + killAt);
      Path a = dir.resolve("a-" + killAt);
      Projects.write(a, "old a");
      Path journal = dir.resolve("journal-" + killAt);
      FileSetWriter killed =
          new FileSetWriter(
              journal,
              (replaced, total) -> {
                if (replaced == killAt) {
                  throw new ThreadDeath(); // stands for a kill: nothing after this runs
                }
              });
      assertThatThrownBy(
              () ->
                  killed.write(
                      List.of(
                          new FileSetWriter.Change(created, null, b("created")),
                          new FileSetWriter.Change(a, b("old a"), b("new a")))))
          .isInstanceOf(ThreadDeath.class);
      assertThat(Files.exists(created)).isEqualTo(killAt >= 1);

      assertThat(new FileSetWriter(journal, FileSetWriter.FaultHook.NONE).recover())
          .contains(
              "rolled back an interrupted bump: restored "
                  + killAt
                  + " of 2 file(s) to their content before it");
      assertThat(created).doesNotExist();
      assertThat(Projects.read(a)).isEqualTo("old a");
      assertThat(journal).doesNotExist();
    }
  }

  @Test
  void aFileCreatedByHandSinceTheInterruptionIsNotDeleted() throws Exception {
    Path created = dir.resolve("CHANGELOG.md");
    Path journal = dir.resolve("journal");
    FileSetWriter killed =
        new FileSetWriter(
            journal,
            (replaced, total) -> {
              throw new ThreadDeath();
            });
    assertThatThrownBy(
            () -> killed.write(List.of(new FileSetWriter.Change(created, null, b("ours")))))
        .isInstanceOf(ThreadDeath.class);
    Projects.write(created, "written by hand");

    assertThatThrownBy(new FileSetWriter(journal, FileSetWriter.FaultHook.NONE)::recover)
        .isInstanceOf(PyreleaseException.class)
        .hasMessage(
            "an interrupted bump cannot be rolled back: "
                + created
                + " changed since it was interrupted");
    assertThat(Projects.read(created)).isEqualTo("written by hand");
  }

  @Test
  void foreignJournalIsNotTrusted() throws Exception {
    Path journal = dir.resolve("journal");
    Files.createDirectories(journal);
    Files.write(journal.resolve("manifest"), b("something else\n0\t1\t1\tx\ty\t/etc/passwd\n"));
    assertThatThrownBy(() -> new FileSetWriter(journal, FileSetWriter.FaultHook.NONE).recover())
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("is not one pyrelease wrote");
  }

  @Test
  void damagedJournalDataIsNotRestored() throws Exception {
    Path a = dir.resolve("a");
    Projects.write(a, "old a");
    Path journal = dir.resolve("journal");
    FileSetWriter killed =
        new FileSetWriter(
            journal,
            (replaced, total) -> {
              if (replaced == 1) {
                throw new ThreadDeath();
              }
            });
    assertThatThrownBy(
            () -> killed.write(List.of(new FileSetWriter.Change(a, b("old a"), b("new a")))))
        .isInstanceOf(ThreadDeath.class);
    Files.write(journal.resolve("data"), b("OLD Anew a"));
    assertThatThrownBy(() -> new FileSetWriter(journal, FileSetWriter.FaultHook.NONE).recover())
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("is damaged");
    assertThat(Projects.read(a)).isEqualTo("new a");
  }

  @Test
  void aLeftoverJournalBlocksANewWrite() throws Exception {
    Path journal = dir.resolve("journal");
    Files.createDirectories(journal);
    assertThatThrownBy(
            () -> new FileSetWriter(journal, FileSetWriter.FaultHook.NONE).write(List.of()))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("an interrupted bump left its journal");
  }
}
