package eu.passerelle.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * What is checked before the index is trusted. CheckIndex decodes every posting and is far too slow for a
 * start; every Lucene file ends with a CRC32 footer instead, so reading the latest commit (its segments
 * file and each segment's .si are checksummed on read) and then the footers of all its files finds missing,
 * truncated and overwritten files. Whole-file checksums (one sequential read of the index) are computed
 * when the previous stop was unclean or the index is small enough to read in well under a second;
 * otherwise only the footers (a truncated or replaced file), and the runtime check in {@link SearchIndex}
 * catches the rest.
 */
public final class IndexCheck {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IndexCheck.class);
    /** Up to this size every byte is checksummed at each start (~0.1 s per 100 MiB from the page cache). */
    static final long FULL_CHECK_BYTES = 512L << 20;

    private IndexCheck() {
    }

    /** @return empty when the index is whole, or what is wrong with it in an operator's words */
    public static Optional<String> problem(Directory dir, boolean everyByte) {
        SegmentInfos commit;
        try {
            commit = SegmentInfos.readLatestCommit(dir);
        } catch (IndexNotFoundException e) {
            return Optional.empty(); // no index yet: nothing to check, it will be built
        } catch (IOException | RuntimeException e) {
            LOG.warn("index: latest commit unreadable: {}", e.toString());
            return Optional.of("its latest commit cannot be read");
        }
        try {
            long bytes = 0;
            for (String file : commit.files(false)) {
                bytes += dir.fileLength(file);
            }
            boolean full = everyByte || bytes <= FULL_CHECK_BYTES;
            for (String file : commit.files(false)) {
                try (IndexInput in = dir.openInput(file, IOContext.READONCE)) {
                    if (full) {
                        CodecUtil.checksumEntireFile(in);
                    } else {
                        CodecUtil.retrieveChecksum(in);
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("index: damaged file: {}", e.toString());
            return Optional.of("a file of its latest commit is missing or damaged");
        }
    }

    /**
     * An index whose segments are not all kept in {@code order} (written by a version that kept documents in the order
     * they came): a writer cannot open it with another order, and only a rebuild puts its documents in this one.
     */
    static Optional<String> otherOrder(Directory dir, org.apache.lucene.search.Sort order) {
        try {
            for (org.apache.lucene.index.SegmentCommitInfo segment : SegmentInfos.readLatestCommit(dir)) {
                if (!order.equals(segment.info.getIndexSort())) {
                    return Optional.of("its documents are in an older order (not by record type, occupation and id)");
                }
            }
            return Optional.empty();
        } catch (IndexNotFoundException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("its latest commit cannot be read");
        }
    }

    /** Removes every file of a damaged index, so a new one can be created in its place. */
    static void wipe(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.delete(f);
                }
            }
        }
    }
}
