package eu.passerelle.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A graded relevance set: queries with their parameters and the grade of each judged result. */
public record Judgments(List<Case> cases) {
    /** @param grades id → grade (3 the answer, 2 close, 1 partly relevant) */
    public record Case(String id, String group, Map<String, String> params, String query, Map<String, Integer> grades) {
    }

    /** "id=3 other=1" → {id: 3, other: 1}; {@code where} names the line in errors. */
    static Map<String, Integer> grades(String column, String where) throws IOException {
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (String g : column.trim().split("\\s+")) {
            int eq = g.lastIndexOf('=');
            if (eq < 0) {
                throw new IOException(where + ": judgment '" + g + "' is not id=grade");
            }
            grades.put(g.substring(0, eq), Integer.parseInt(g.substring(eq + 1)));
        }
        return grades;
    }

    /** A data line of a judgments file: its cells, and "file:line" for error messages. */
    record Row(String where, String[] cells) {
    }

    /** The data lines of a tab-separated judgments file (blank and "#" lines skipped), each with {@code columns} cells. */
    static List<Row> rows(Path file, int columns) throws IOException {
        List<Row> rows = new ArrayList<>();
        int line = 0;
        for (String l : Files.readAllLines(file)) {
            line++;
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\t");
            if (f.length != columns) {
                throw new IOException(file + ":" + line + ": expected " + columns + " tab-separated columns, got " + f.length);
            }
            rows.add(new Row(file + ":" + line, f));
        }
        return rows;
    }

    public static Judgments read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (Row row : rows(file, 5)) {
            String[] f = row.cells();
            Map<String, String> params = new LinkedHashMap<>();
            for (String p : f[2].split("&")) {
                if (!p.isBlank()) {
                    String[] kv = p.split("=", 2);
                    params.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            cases.add(new Case(f[0], f[1], params, f[3], grades(f[4], row.where())));
        }
        return new Judgments(cases);
    }
}
