package io.logflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchMainTest {

    private static final Path ROOT = Path.of("/logflow");

    @Test
    void flagsBecomeSettings() {
        BenchSettings defaults = BenchMain.settings(new String[0], ROOT);
        assertThat(defaults.events()).isEqualTo(5_000_000);
        assertThat(defaults.heap()).isEqualTo("2g");
        assertThat(defaults.resultsDir()).isEqualTo(ROOT.resolve("bench/results"));
        assertThat(defaults.scaleWindows()).isEqualTo("tumbling:1m");

        BenchSettings small = BenchMain.settings(new String[] {"--small", "--profile"}, ROOT);
        assertThat(small.events()).isEqualTo(200_000);
        assertThat(small.profile()).isTrue();

        BenchSettings custom =
                BenchMain.settings(
                        new String[] {
                            "--events",
                            "1_000_000",
                            "--heap=4g",
                            "--results",
                            "/r",
                            "--scale-only",
                            "--scale-windows",
                            "tumbling:1m;sliding:5m/1m"
                        },
                        ROOT);
        assertThat(custom.events()).isEqualTo(1_000_000);
        assertThat(custom.heap()).isEqualTo("4g");
        assertThat(custom.resultsDir()).isEqualTo(Path.of("/r"));
        assertThat(custom.scaleOnly()).isTrue();
        assertThat(custom.scaleWindows()).isEqualTo("tumbling:1m;sliding:5m/1m");
    }

    @Test
    void badFlagsAreNamed() {
        assertThatThrownBy(() -> BenchMain.settings(new String[] {"--heap", "lots"}, ROOT))
                .hasMessage(
                        "Invalid value for 'heap': 'lots'; expected a JVM heap size such as 4g");
        assertThatThrownBy(() -> BenchMain.settings(new String[] {"--events", "0"}, ROOT))
                .hasMessage("Invalid value for 'events': '0'; expected a number >= 1");
        assertThatThrownBy(() -> BenchMain.settings(new String[] {"--events", "many"}, ROOT))
                .hasMessage("Invalid value for 'events': 'many'; expected a whole number");
        assertThatThrownBy(() -> BenchMain.settings(new String[] {"--smal"}, ROOT))
                .hasMessage(
                        "Unknown option 'smal'. Known options: events, heap, profile, results,"
                                + " scale-only, scale-windows, services, small");
        assertThatThrownBy(
                        () ->
                                BenchMain.settings(
                                        new String[] {"--scale-windows", "tumbling:0s"}, ROOT))
                .hasMessageStartingWith("Invalid value for 'scale-windows': ");
    }

    @Test
    void usageComesFromTheOptions() {
        assertThat(BenchMain.usage())
                .startsWith("Usage: logflow bench [--key value]...\n")
                .contains(
                        "\n"
                                + "  --events N             Events preloaded and measured. Default:"
                                + " 5000000.\n",
                        "\n  --small                200,000 events and a short latency probe:"
                                + " proves the harness.\n",
                        "\n  --scale-windows VALUE  The job's window definitions in the scale"
                                + " runs, e.g. 'tumbling:1m;sliding:5m/1m' (the throughput runs"
                                + " keep the Kafka Streams peers' tumbling window). Default:"
                                + " tumbling:1m.\n")
                .endsWith(
                        "\n       logflow bench --jmh [JMH options, e.g. -f 1 -wi 3 -i 5 Decode]");
    }
}
