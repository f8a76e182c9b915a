package eu.passerelle.ingest;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * The reference files' CSV, read as a stream by FastCSV (RFC 4180: ESCO puts newlines inside quoted labels,
 * ONISEP uses ';' and a byte-order mark, Compétent has a metadata block before its header), with rows read
 * by column name. Lenient where the files are: rows of differing lengths, characters after a closing quote.
 */
public final class Csv implements Iterator<List<String>>, AutoCloseable {
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private List<String> next;
    /** Rows read so far, the one looked ahead included: what {@link Row#number()} has always counted. */
    private long rowNumber;

    public Csv(Reader in, char separator) {
        Reader buffered = in.markSupported() ? in : new BufferedReader(in, 1 << 16);
        skipBom(buffered);
        this.reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(false).allowExtraFields(true).allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true).ofCsvRecord(buffered);
        this.records = reader.iterator();
        this.next = readRow();
    }

    public static Csv open(Path file, char separator) throws IOException {
        return new Csv(Files.newBufferedReader(file, StandardCharsets.UTF_8), separator);
    }

    public static Csv open(InputStream stream, char separator) {
        return new Csv(new InputStreamReader(stream, StandardCharsets.UTF_8), separator);
    }

    /** Reads a file whose first row is a header, calling {@code rowHandler} with each row keyed by column name. */
    public static long forEachRecord(Path file, char separator, Consumer<Row> rowHandler) throws IOException {
        try (Csv csv = open(file, separator)) {
            return csv.forEachRecord(rowHandler);
        }
    }

    /** Consumes rows until one whose first cell equals {@code firstCell}; that row becomes the header. */
    public Csv skipUntilHeader(String firstCell) {
        while (next != null && (next.isEmpty() || !next.get(0).equals(firstCell))) {
            next = readRow();
        }
        return this;
    }

    public long forEachRecord(Consumer<Row> rowHandler) {
        if (!hasNext()) {
            return 0;
        }
        List<String> header = next();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        long count = 0;
        while (hasNext()) {
            List<String> cells = next();
            if (cells.size() == 1 && cells.get(0).isEmpty()) {
                continue; // blank line
            }
            rowHandler.accept(new Row(columns, cells, rowNumber));
            count++;
        }
        return count;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public List<String> next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        List<String> current = next;
        next = readRow();
        return current;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static void skipBom(Reader in) {
        try {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> readRow() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            rowNumber++;
            List<String> fields = records.next().getFields();
            return fields.isEmpty() ? List.of("") : fields; // a blank line, as one empty cell (skipped by forEachRecord)
        } catch (CsvParseException e) {
            throw new IllegalStateException("unreadable CSV row " + rowNumber + ": " + e.getMessage(), e);
        }
    }

    /** One data row, read by column name. Missing columns and empty cells read as "". */
    public record Row(Map<String, Integer> columns, List<String> cells, long number) {
        public String get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw new IllegalArgumentException("no column '" + column + "' (have " + columns.keySet() + ")");
            }
            return i < cells.size() ? cells.get(i).strip() : "";
        }

        public boolean has(String column) {
            return columns.containsKey(column);
        }
    }
}
