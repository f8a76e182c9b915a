package eu.passerelle.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    private static List<List<String>> rows(String text, char sep) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (Csv csv = new Csv(new StringReader(text), sep)) {
            csv.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void quotedFieldsKeepNewlinesSeparatorsAndDoubledQuotes() throws Exception {
        assertThat(rows("a,\"b\nc\",\"say \"\"hi\"\", ok\"\r\nx,y,z\n", ','))
                .containsExactly(List.of("a", "b\nc", "say \"hi\", ok"), List.of("x", "y", "z"));
    }

    @Test
    void byteOrderMarkIsDroppedAndSemicolonsSplit() throws Exception {
        assertThat(rows("\uFEFF\"code\";durée\n1;\"2 ans\"\n", ';'))
                .containsExactly(List.of("code", "durée"), List.of("1", "2 ans"));
    }

    @Test
    void emptyCellsAndTrailingSeparatorAreKept() throws Exception {
        assertThat(rows("a,,c,\n", ',')).containsExactly(List.of("a", "", "c", ""));
    }

    @Test
    void rowsAreReadByColumnNameAfterAMetadataBlock() throws Exception {
        List<String> seen = new ArrayList<>();
        try (Csv csv = new Csv(new StringReader("Mapping,x\n,,\nClassification 1 URI,Name\nu1,one\nu2,two\n"), ',')) {
            csv.skipUntilHeader("Classification 1 URI").forEachRecord(r -> seen.add(r.get("Classification 1 URI") + "=" + r.get("Name")));
        }
        assertThat(seen).containsExactly("u1=one", "u2=two");
    }

    @Test
    void anUnterminatedQuoteKeepsTheRestOfTheFileInItsFieldNothingIsDropped() throws Exception {
        // FastCSV reads an unterminated quote to the end of the input; the old hand-written reader threw.
        assertThat(rows("a,\"open\nb,c\n", ',')).containsExactly(List.of("a", "open\nb,c\n"));
    }

    @Test
    void blankLinesAreOneEmptyCellAndSkippedWhenReadByColumn() throws Exception {
        assertThat(rows("a\n\nb\n", ',')).containsExactly(List.of("a"), List.of(""), List.of("b"));
        List<String> seen = new ArrayList<>();
        try (Csv csv = new Csv(new StringReader("h\n\nx\n\ny\n"), ',')) {
            csv.forEachRecord(r -> seen.add(r.get("h")));
        }
        assertThat(seen).containsExactly("x", "y");
    }

    @Test
    void romeEscapedApostrophesAreRestored() {
        assertThat(RomeReader.unescape("l''entretien")).isEqualTo("l'entretien");
    }
}
