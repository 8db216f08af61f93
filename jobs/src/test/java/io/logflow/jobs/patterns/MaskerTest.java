package io.logflow.jobs.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskerTest {

    private static String masked(String message) {
        return String.join(" ", Masker.tokens(message));
    }

    @Test
    void masksNumbersIdsHexAndIps() {
        assertThat(masked("PacketResponder 1 for block blk_-6952295868487656571 terminating"))
                .isEqualTo("PacketResponder <*> for block <*> terminating");
        assertThat(masked("Received connection request /10.10.34.11:45307"))
                .isEqualTo("Received connection request <*>");
        assertThat(masked("instance b9000564-fe1a-409b-b8cc-1e88b294cd1d at 0x7f3a2c"))
                .isEqualTo("instance <*> at <*>");
    }

    @Test
    void keepsKeysOfKeyValuePairsAndPathSegmentsWithoutDigits() {
        assertThat(masked("uid=0 euid=0 tty=NODEVssh rhost=218.188.2.4"))
                .isEqualTo("uid=<*> euid=<*> tty=NODEVssh rhost=<*>");
        assertThat(masked("onExtend:1514038530000 14 0 4")).isEqualTo("onExtend:<*> <*> <*> <*>");
        assertThat(masked("\"GET /v2/54fadb/servers/detail HTTP/1.1\""))
                .isEqualTo("\"GET <*> HTTP/<*>\"");
    }

    @Test
    void masksHostPortsPathsQuotedValuesAndCalendarWords() {
        assertThat(masked("proxy.cse.cuhk.edu.hk:5070 open")).isEqualTo("<*> open");
        assertThat(masked("wpad:80 error")).isEqualTo("<*> error");
        assertThat(masked("reading /var/log/messages now")).isEqualTo("reading <*> now");
        assertThat(masked("user 'admin' logged in")).isEqualTo("user <*> logged in");
        assertThat(masked("at Fri Jun 17 07:07:00 2005")).isEqualTo("at <*> <*> <*> <*> <*>");
    }

    @Test
    void aNumberWithItsUnitIsOneVariableAndQuantityAsidesDisappear() {
        assertThat(masked("took 35 ms")).isEqualTo("took <*>");
        assertThat(masked("lifetime <1 sec")).isEqualTo("lifetime <*>");
        assertThat(masked("1190 bytes (1.16 KB) sent, lifetime 00:02"))
                .isEqualTo("<*> bytes sent, lifetime <*>");
        // An aside without a unit is a value of its own and stays a token.
        assertThat(masked("from 1.2.3.4 (host-1-2-3-4.example.net) at"))
                .isEqualTo("from <*> <*> at");
    }

    @Test
    void namesEndingInOneDigitAreConstants() {
        assertThat(masked("open through proxy SOCKS5")).isEqualTo("open through proxy SOCKS5");
        assertThat(Masker.isKeyword("SOCKS5")).isTrue();
        assertThat(Masker.isKeyword("\"GET")).isTrue();
        assertThat(Masker.isKeyword("Paused")).isFalse();
        assertThat(Masker.isKeyword("<*>")).isFalse();
    }

    @Test
    void emptyAndBlankMessagesHaveNoTokens() {
        assertThat(Masker.tokens("")).isEmpty();
        assertThat(Masker.tokens("  \t ")).isEmpty();
    }
}
