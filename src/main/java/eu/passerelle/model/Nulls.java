package eu.passerelle.model;

import java.util.List;

/** Stored JSON omits empty values; records read back normalise them so callers never see null. */
final class Nulls {
    private Nulls() {
    }

    static String s(String v) {
        return v == null ? "" : v;
    }

    static <T> List<T> l(List<T> v) {
        return v == null ? List.of() : List.copyOf(v);
    }
}
