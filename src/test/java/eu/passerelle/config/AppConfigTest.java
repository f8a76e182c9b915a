package eu.passerelle.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppConfigTest {
    @Test
    void anOriginListedTwiceCountsOnceInsteadOfStoppingTheStart() {
        assertThat(AppConfig.parseOrigins("https://partner.example, https://partner.example,https://Other.Example:8443,"))
                .containsExactly("https://partner.example", "https://other.example:8443");
        assertThat(AppConfig.parseOrigins("http://[::1]:7070")).containsExactly("http://[::1]:7070");
        assertThat(AppConfig.parseOrigins("  ")).isEmpty();
    }

    @Test
    void anEntryThatIsNotAnOriginIsAClearConfigurationError() {
        for (String bad : new String[] {"https://partner.example/", "https://partner.example/widget", "*", "partner.example", "ftp://x.example"}) {
            assertThatThrownBy(() -> AppConfig.parseOrigins(bad)).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(AppConfig.CORS_ENV).hasMessageContaining("scheme://host");
        }
    }
}
