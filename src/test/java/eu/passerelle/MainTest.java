package eu.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void importTakesTheFileAfterAFlagAsAFileNotAsTheFlagsValue() {
        Deque<String> options = new ArrayDeque<>();
        List<String> files = Main.importArguments(new ArrayDeque<>(List.of("--type", "posting", "--reindex", "feed.ndjson", "--source", "acme", "b.json")),
                options);
        assertThat(files).containsExactly("feed.ndjson", "b.json");
        assertThat(options).containsExactly("--type", "posting", "--reindex", "--source", "acme");
    }
}
