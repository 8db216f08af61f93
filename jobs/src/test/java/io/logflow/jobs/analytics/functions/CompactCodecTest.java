package io.logflow.jobs.analytics.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.logflow.schema.Level;
import org.junit.jupiter.api.Test;

class CompactCodecTest {

    private final CompactCodec codec = new CompactCodec();

    @Test
    void anHttpEventRoundTripsEveryField() {
        CompactEvent e = new CompactEvent().reset(1_764_151_200_123L, "checkout");
        e.level = Level.ERROR;
        e.host = "web-1";
        e.message = "Zahlung fehlgeschlagen: 支付失败 \uD83D\uDCA5";
        e.http = true;
        e.path = "/api/pay";
        e.status = 502;
        e.latencyMs = 12.5;
        e.responseBytes = 1L << 40;
        e.clientIp = null;
        e.method = "PATCH";
        e.userAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15 \u00e9";
        byte[] bytes = codec.encode(e);
        assertThat(bytes[0]).isEqualTo(CompactCodec.MARKER);
        assertThat(CompactCodec.isParsed(bytes)).isTrue();
        CompactEvent back = CompactCodec.decode(bytes, new CompactEvent());
        assertThat(back).usingRecursiveComparison().isEqualTo(e);
        assertThat(back.method).as("the shared string behind the shuffle too").isSameAs("PATCH");
    }

    @Test
    void anUncommonOrMissingMethodAndUserAgentRoundTrip() {
        CompactEvent e = new CompactEvent().reset(7, "dav");
        e.message = "m";
        e.http = true;
        e.path = "/";
        e.method = "PROPFIND";
        CompactEvent back = CompactCodec.decode(codec.encode(e), new CompactEvent());
        assertThat(back.method).isEqualTo("PROPFIND");
        assertThat(back.userAgent).isNull();
        e.method = null;
        e.userAgent = "curl/8.5.0";
        back = CompactCodec.decode(codec.encode(e), back);
        assertThat(back.method).isNull();
        assertThat(back.userAgent).isEqualTo("curl/8.5.0");
    }

    @Test
    void anEventWithoutHttpKeepsNoHttpFields() {
        CompactEvent e = new CompactEvent().reset(5, "search");
        e.message = "";
        CompactEvent reused = new CompactEvent().reset(9, "old");
        reused.http = true;
        reused.path = "/stale";
        reused.method = "GET";
        reused.userAgent = "stale";
        CompactEvent back = CompactCodec.decode(codec.encode(e), reused);
        assertThat(back).usingRecursiveComparison().ignoringFields("latencyMs").isEqualTo(e);
        assertThat(back.latencyMs).isNaN();
        assertThat(back.path).isNull();
        assertThat(back.method).isNull();
        assertThat(back.userAgent).isNull();
    }

    @Test
    void confluentFramedAvroIsNotTakenForAParsedEvent() {
        assertThat(CompactCodec.isParsed(new byte[] {0, 0, 0, 0, 1, 2})).isFalse();
        assertThat(CompactCodec.isParsed(new byte[0])).isFalse();
    }
}
