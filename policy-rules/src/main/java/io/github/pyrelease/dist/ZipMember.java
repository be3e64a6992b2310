package io.github.pyrelease.dist;

/**
 * One member of a zip archive as its central directory (and local header) describe it: what {@link
 * ZipReader} needs, whichever parser read it.
 *
 * @param rawName the name's bytes as stored
 * @param utf8Flag whether general purpose bit 11 marks the name as UTF-8
 * @param size the uncompressed size the central directory declares
 * @param compressedSize the stored size
 * @param crc the CRC-32 the central directory declares
 * @param method the compression method
 * @param localHeaderOffset where the member's local header starts
 * @param dataOffset where its stored bytes start (after the local header's name and extra field)
 * @param directory whether the name ends with {@code /}
 * @param unixSymlink whether the Unix mode in the external attributes says symbolic link
 * @param index its position in the central directory
 */
record ZipMember(
    byte[] rawName,
    boolean utf8Flag,
    long size,
    long compressedSize,
    long crc,
    int method,
    long localHeaderOffset,
    long dataOffset,
    boolean directory,
    boolean unixSymlink,
    int index) {}
