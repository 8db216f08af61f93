package io.logflow.dashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Cheap guards on the page's source, as served from the classpath: no HTML parsing of strings (the
 * end-to-end test proves hostile text stays text; this keeps new code from adding a sink), and
 * nothing loaded from another origin, so the page works offline.
 */
class PageSafetyTest {

    /** DOM APIs that parse a string as HTML or run it as code. */
    private static final Pattern HTML_SINKS =
            Pattern.compile(
                    "\\.innerHTML|\\.outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\("
                            + "|new\\s+Function\\s*\\(|createContextualFragment|DOMParser"
                            + "|setTimeout\\s*\\(\\s*['\"]|setInterval\\s*\\(\\s*['\"]");

    private static final Pattern REMOTE =
            Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//");

    @Test
    void scriptNeverParsesStringsAsHtml() throws IOException {
        String js = resource("/web/app.js");
        assertThat(HTML_SINKS.matcher(js).results().map(m -> m.group()).toList()).isEmpty();
        assertThat(js).contains("createTextNode").contains("encodeURIComponent");
    }

    @Test
    void pageLoadsEverythingFromItsOwnServer() throws IOException {
        String html = resource("/web/index.html");
        assertThat(REMOTE.matcher(html).find()).as("remote src/href in index.html").isFalse();
        assertThat(html)
                .contains("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")
                .contains("/webjars/uplot/1.6.30/dist/uPlot.min.css")
                .contains("/app.js")
                .contains("/app.css");
        assertThat(resource("/web/app.css")).doesNotContain("@import").doesNotContain("url(http");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PageSafetyTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
