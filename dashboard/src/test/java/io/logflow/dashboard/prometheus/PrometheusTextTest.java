package io.logflow.dashboard.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void escapesBackslashQuoteAndNewlineInLabelValuesAndKeepsTheRest() {
        PrometheusText out = new PrometheusText();
        out.family("m", "gauge", "Help with a \\ and a\nnewline");
        out.sample("m", 1, "service", "a\\b\"c\nd", "level", "ünï cödé {x=1}");
        assertThat(out.toString())
                .isEqualTo(
                        "# HELP m Help with a \\\\ and a\\nnewline\n"
                                + "# TYPE m gauge\n"
                                + "m{service=\"a\\\\b\\\"c\\nd\",level=\"ünï cödé {x=1}\"} 1\n");
    }

    @Test
    void writesCountsExactlyAndSpecialValuesAsTheFormatSpellsThem() {
        assertThat(PrometheusText.number(12_345_678_901L)).isEqualTo("12345678901");
        assertThat(PrometheusText.number(0.25)).isEqualTo("0.25");
        assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusText.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(PrometheusText.number(1e20)).isEqualTo("1.0E20");
    }
}
