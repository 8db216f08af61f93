package io.logflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LoopbackPrometheusReporterTest {

    @Test
    void servesOnLoopbackAndTakesTheNextPortOfItsRangeWhenOneIsTaken() throws Exception {
        int first;
        try (ServerSocket probe =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            first = probe.getLocalPort();
        }
        LoopbackPrometheusReporter a = reporter(first + "-" + (first + 1));
        LoopbackPrometheusReporter b = reporter(first + "-" + (first + 1));
        try {
            assertThat(a.port()).isEqualTo(first);
            assertThat(b.port()).isEqualTo(first + 1);
            HttpResponse<String> r =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + a.port()
                                                                    + "/metrics"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            // Bound to loopback, not the wildcard: the port is free on every other address.
            try (ServerSocket other = new ServerSocket()) {
                other.bind(new InetSocketAddress(otherAddress(), a.port()));
            }
        } finally {
            a.close();
            b.close();
        }
    }

    private static LoopbackPrometheusReporter reporter(String ports) {
        Properties p = new Properties();
        p.setProperty(LoopbackPrometheusReporterFactory.ARG_PORT, ports);
        return (LoopbackPrometheusReporter)
                new LoopbackPrometheusReporterFactory().createMetricReporter(p);
    }

    /** Another address of this machine than the reporter's (127.0.0.2 answers on Linux). */
    private static java.net.InetAddress otherAddress() throws Exception {
        return java.net.InetAddress.getByName("127.0.0.2");
    }
}
