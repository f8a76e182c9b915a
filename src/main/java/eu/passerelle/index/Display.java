package eu.passerelle.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.util.BytesRef;

/**
 * What a search shows of a hit (the item's JSON, the title and labels it highlights), kept beside the stored fields
 * as one binary doc value, uncompressed. Reading a hit from the stored fields decompresses its whole block (~20 µs of
 * CPU per hit, measured over the bench's searches, because the large {@code all} text is stored there too); reading
 * this is a memory-mapped lookup (~1 µs). The price is the items' bytes again on disk, uncompressed.
 * Encoded as UTF-8 strings each preceded by its length (vint): source, title, then each label.
 */
public final class Display {
    private Display() {
    }

    /** The hit as a search shows it: its item JSON, its title and its labels. */
    public record Shown(String source, String title, List<String> labels) {
    }

    /** Adds the display payload built from the document's own stored source, title and labels (none without a source). */
    public static Document addTo(Document doc) {
        String source = doc.get(Fields.SOURCE);
        if (source == null || doc.getField(Fields.DISPLAY) != null) {
            return doc;
        }
        List<String> strings = new ArrayList<>();
        strings.add(source);
        String title = doc.get(Fields.TITLE);
        strings.add(title == null ? "" : title);
        for (IndexableField f : doc.getFields(Fields.LABELS)) {
            if (f.stringValue() != null) {
                strings.add(f.stringValue());
            }
        }
        byte[][] utf8 = new byte[strings.size()][];
        int size = 0;
        for (int i = 0; i < utf8.length; i++) {
            utf8[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
            size += 5 + utf8[i].length;
        }
        byte[] out = new byte[size];
        int p = 0;
        for (byte[] s : utf8) {
            int n = s.length;
            while ((n & ~0x7F) != 0) {
                out[p++] = (byte) ((n & 0x7F) | 0x80);
                n >>>= 7;
            }
            out[p++] = (byte) n;
            System.arraycopy(s, 0, out, p, s.length);
            p += s.length;
        }
        doc.add(new BinaryDocValuesField(Fields.DISPLAY, new BytesRef(out, 0, p)));
        return doc;
    }

    /**
     * Only the item JSON of the payload, as UTF-8 bytes (a copy): for readers that look at a few fields of many hits
     * (a match's 200 posts) and would otherwise decode every title, label and whole item into strings first.
     * Null when the document has none (an index built before it).
     */
    public static byte[] sourceUtf8(BinaryDocValues values, int doc) throws IOException {
        if (values == null || !values.advanceExact(doc)) {
            return null;
        }
        BytesRef b = values.binaryValue();
        ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
        int n = in.readVInt();
        return java.util.Arrays.copyOfRange(b.bytes, in.getPosition(), in.getPosition() + n);
    }

    /** The payload of the document the values are positioned on; null when it has none (an index built before it). */
    public static Shown read(BinaryDocValues values, int doc) throws IOException {
        if (values == null || !values.advanceExact(doc)) {
            return null;
        }
        BytesRef b = values.binaryValue();
        ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
        String source = null;
        String title = null;
        List<String> labels = new ArrayList<>();
        while (!in.eof()) {
            int n = in.readVInt();
            String s = new String(b.bytes, in.getPosition(), n, StandardCharsets.UTF_8);
            in.skipBytes(n);
            if (source == null) {
                source = s;
            } else if (title == null) {
                title = s;
            } else {
                labels.add(s);
            }
        }
        return new Shown(source, title, labels);
    }
}
