package eu.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import eu.passerelle.config.TrustedProxies;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindProxy = new ClientAddress(TrustedProxies.parse("10.0.0.5,172.16.0.0/12"));

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(behindProxy.of("203.0.113.9", null, "1.2.3.4")).isEqualTo("203.0.113.9");
        assertThat(behindProxy.of("203.0.113.9", "for=1.2.3.4", null)).isEqualTo("203.0.113.9");
        assertThat(new ClientAddress(TrustedProxies.NONE).of("10.0.0.5", null, "1.2.3.4")).as("no proxy is trusted by default").isEqualTo("10.0.0.5");
    }

    @Test
    void aTrustedProxyIsBelievedAndWhatTheClientWroteLeftOfItIsNot() {
        assertThat(behindProxy.of("10.0.0.5", null, "198.51.100.7")).isEqualTo("198.51.100.7");
        // The client sent "X-Forwarded-For: 1.2.3.4"; its proxy appended the real address.
        assertThat(behindProxy.of("10.0.0.5", null, "1.2.3.4, 198.51.100.7")).isEqualTo("198.51.100.7");
        // Two trusted hops: the nearest untrusted address is the client.
        assertThat(behindProxy.of("10.0.0.5", null, "1.2.3.4, 198.51.100.7, 172.16.3.4")).isEqualTo("198.51.100.7");
        assertThat(behindProxy.of("10.0.0.5", "for=1.2.3.4, for=\"[2001:db8::7]:4711\";proto=https", null)).isEqualTo("2001:db8::7");
        assertThat(behindProxy.of("10.0.0.5", "for=198.51.100.7:5000", "9.9.9.9")).as("Forwarded wins over X-Forwarded-For").isEqualTo("198.51.100.7");
        assertThat(behindProxy.of("10.0.0.5", null, null)).as("a proxy that names nobody is the client").isEqualTo("10.0.0.5");
        assertThat(behindProxy.of("10.0.0.5", "for=unknown", null)).isEqualTo("10.0.0.5");
    }
}
