package eu.passerelle.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {
    private static final AppConfig BASE = AppConfig.defaults(Path.of("var"), Path.of("index-data"));

    @Test
    void rateLimitsComeFromTheEnvironmentAndZeroSwitchesThemOff() {
        assertThat(BASE.withEnvironment(Map.of()).rateLimit()).isEqualTo(RateLimit.DEFAULT);
        RateLimit set = BASE.withEnvironment(Map.of(RateLimit.IP_ENV, "5", RateLimit.KEY_ENV, "50.5")).rateLimit();
        assertThat(set.perIpPerSecond()).isEqualTo(5);
        assertThat(set.perKeyPerSecond()).isEqualTo(50.5);
        assertThat(set.off()).isFalse();
        RateLimit off = BASE.withEnvironment(Map.of(RateLimit.IP_ENV, "0", RateLimit.KEY_ENV, "0")).rateLimit();
        assertThat(off.off()).isTrue();
        assertThatThrownBy(() -> BASE.withEnvironment(Map.of(RateLimit.IP_ENV, "fast")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(RateLimit.IP_ENV).hasMessageContaining("0 to switch");
        assertThatThrownBy(() -> BASE.withEnvironment(Map.of(RateLimit.KEY_ENV, "-1"))).isInstanceOf(ConfigException.class);
    }

    @Test
    void trustedProxiesAreAddressesOrCidrBlocks() {
        TrustedProxies p = BASE.withEnvironment(Map.of(TrustedProxies.ENV, "10.0.0.5, 192.168.0.0/16,2001:db8::/32")).trustedProxies();
        assertThat(p.trusts("10.0.0.5")).isTrue();
        assertThat(p.trusts("10.0.0.6")).isFalse();
        assertThat(p.trusts("192.168.34.7")).isTrue();
        assertThat(p.trusts("192.169.0.1")).isFalse();
        assertThat(p.trusts("2001:db8:0:1::9")).isTrue();
        assertThat(p.trusts("[2001:db8::1]")).isTrue();
        assertThat(p.trusts("2001:db9::1")).isFalse();
        assertThat(p.trusts("proxy.example")).as("a name is never looked up").isFalse();
        assertThat(BASE.withEnvironment(Map.of()).trustedProxies().trusts("127.0.0.1")).as("nobody is trusted by default").isFalse();
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example")).isInstanceOf(ConfigException.class).hasMessageContaining(TrustedProxies.ENV);
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(ConfigException.class).hasMessageContaining("prefix");
        assertThatThrownBy(() -> TrustedProxies.parse("300.1.1.1")).isInstanceOf(ConfigException.class);
    }

    @Test
    void theWorkPoolDefaultsToTheCoresAndCanBeSet() {
        WorkPool d = BASE.withEnvironment(Map.of()).workPool();
        assertThat(d.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(d.queue()).isEqualTo(WorkPool.DEFAULT_QUEUE);
        WorkPool set = BASE.withEnvironment(Map.of(WorkPool.THREADS_ENV, "3", WorkPool.QUEUE_ENV, "0")).workPool();
        assertThat(set).isEqualTo(new WorkPool(3, 0));
        assertThatThrownBy(() -> BASE.withEnvironment(Map.of(WorkPool.THREADS_ENV, "0"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining(WorkPool.THREADS_ENV);
    }
}
