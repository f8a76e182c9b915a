package eu.passerelle.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Checks made on the store's files before SQLite opens them, because SQLite itself would not complain:
 * it takes an empty file for a new database, and silently ignores a write-ahead log whose checksums do
 * not match (losing every write it held). Cheap at any size: the database header and a single read of the
 * log, which a checkpoint keeps short.
 */
public final class StoreCheck {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;

    private StoreCheck() {
    }

    /**
     * @param file       the SQLite file (absent is fine: a first start)
     * @param uncleanStop the previous run did not stop cleanly (its write-ahead log must then be there)
     * @return what is wrong with the store, in an operator's words, or empty
     */
    public static Optional<String> problem(Path file, boolean uncleanStop) {
        Path wal = wal(file);
        try {
            if (!Files.exists(file)) {
                return Files.exists(wal) ? Optional.of("the store file is missing but its write-ahead log is there") : Optional.empty();
            }
            long size = Files.size(file);
            if (size == 0) {
                return Optional.of("the store file is empty (0 bytes): the records written through the API and the candidates are not in it");
            }
            ByteBuffer h = read(file, 0, 100);
            if (h.remaining() < 100 || !h.slice(0, 16).equals(ByteBuffer.wrap(MAGIC))) {
                return Optional.of("the store file is not an SQLite database (damaged header)");
            }
            int pageSize = Short.toUnsignedInt(h.getShort(16));
            pageSize = pageSize == 1 ? 65_536 : pageSize;
            long pages = Integer.toUnsignedLong(h.getInt(28));
            boolean pagesValid = h.getInt(92) == h.getInt(24) && pages > 0;
            if (pageSize < 512 || Integer.bitCount(pageSize) != 1 || size % pageSize != 0 || pagesValid && size < pages * pageSize) {
                return Optional.of("the store file is truncated or damaged (" + size + " bytes, its header says " + pages * pageSize + ")");
            }
            if (uncleanStop && !Files.exists(wal)) {
                return Optional.of("the previous run stopped without closing the store and its write-ahead log is missing: "
                        + "the last writes may be lost");
            }
            return Files.exists(wal) ? walProblem(wal) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the store at " + file, e);
        }
    }

    static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    /**
     * A log whose header checksum fails is ignored whole by SQLite; one whose chain of frame checksums breaks
     * before its end (a frame of the current log, same salts, after a bad one) loses every frame after the
     * break. A torn last frame after a crash is normal and not reported.
     */
    static Optional<String> walProblem(Path wal) throws IOException {
        long size = Files.size(wal);
        if (size == 0) {
            return Optional.empty(); // reset by a checkpoint
        }
        ByteBuffer header = read(wal, 0, WAL_HEADER);
        if (header.remaining() < WAL_HEADER) {
            return Optional.of("the write-ahead log is damaged (shorter than its header)");
        }
        int magic = header.getInt(0);
        if (magic != 0x377f0682 && magic != 0x377f0683) {
            return Optional.of("the write-ahead log is damaged (not a write-ahead log)");
        }
        boolean bigEndian = (magic & 1) == 1;
        int pageSize = header.getInt(8);
        int[] s = checksum(bigEndian, header, 0, 24, 0, 0);
        if (s[0] != header.getInt(24) || s[1] != header.getInt(28)) {
            return Optional.of("the write-ahead log is damaged (its header checksum fails): SQLite would ignore every write in it");
        }
        int salt1 = header.getInt(16);
        int salt2 = header.getInt(20);
        long frameSize = FRAME_HEADER + (long) pageSize;
        boolean broken = false;
        try (FileChannel ch = FileChannel.open(wal, StandardOpenOption.READ)) {
            ByteBuffer frame = ByteBuffer.allocate((int) frameSize).order(ByteOrder.BIG_ENDIAN);
            for (long at = WAL_HEADER; at + frameSize <= size; at += frameSize) {
                frame.clear();
                while (frame.hasRemaining() && ch.read(frame, at + frame.position()) > 0) {
                    // read the whole frame
                }
                frame.flip();
                boolean current = frame.getInt(8) == salt1 && frame.getInt(12) == salt2;
                if (broken) {
                    if (current) {
                        return Optional.of("the write-ahead log is damaged (a frame in its middle fails its checksum): "
                                + "SQLite would silently drop the writes after it");
                    }
                    continue;
                }
                int[] f = checksum(bigEndian, frame, 0, 8, s[0], s[1]);
                f = checksum(bigEndian, frame, FRAME_HEADER, pageSize, f[0], f[1]);
                if (!current || f[0] != frame.getInt(16) || f[1] != frame.getInt(20)) {
                    broken = true;
                } else {
                    s = f;
                }
            }
        }
        return Optional.empty();
    }

    /** SQLite's WAL checksum: pairs of 32-bit words, in the byte order the magic number names. */
    private static int[] checksum(boolean bigEndian, ByteBuffer b, int from, int length, int s0, int s1) {
        ByteBuffer words = b.duplicate().order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = from; i < from + length; i += 8) {
            s0 += words.getInt(i) + s1;
            s1 += words.getInt(i + 4) + s0;
        }
        return new int[] {s0, s1};
    }

    private static ByteBuffer read(Path file, long at, int n) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.BIG_ENDIAN);
            while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {
                // read up to n bytes
            }
            return b.flip();
        }
    }
}
