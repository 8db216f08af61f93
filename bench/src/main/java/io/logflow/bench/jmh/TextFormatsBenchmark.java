package io.logflow.bench.jmh;

import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.jobs.formats.AccessLogFormat;
import io.logflow.jobs.formats.FormatSettings;
import io.logflow.jobs.formats.LogFormat;
import io.logflow.jobs.formats.LogfmtFormat;
import io.logflow.jobs.formats.SyslogFormat;
import io.logflow.jobs.formats.TextFormat;
import io.logflow.jobs.formats.UnparseableException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The raw input formats, events per second on one core: each parses a few realistic lines of its
 * shape in turn into one reused {@link CompactEvent}, as a source task does per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextFormatsBenchmark {

    private static final long RECORD = 1_795_687_205_000L; // 2026-11-26T10:00:05Z
    private static final FormatSettings SETTINGS = new FormatSettings("bench", Map.of());

    private static final byte[][] NGINX =
            lines(
                    "203.0.113.7 - - [26/Nov/2026:10:00:00 +0000] \"GET /api/cart?id=42 HTTP/1.1\""
                            + " 200 512 \"https://shop.example.com/\" \"Mozilla/5.0 (X11; Linux"
                            + " x86_64) AppleWebKit/537.36\" 0.012",
                    "198.51.100.23 - alice [26/Nov/2026:10:00:01 +0000] \"POST /api/checkout"
                            + " HTTP/2.0\" 502 157 \"-\" \"okhttp/4.12.0\" 1.204",
                    "10.0.0.5 - - [26/Nov/2026:10:00:01 +0000] \"GET /static/app.js HTTP/1.1\""
                            + " 304 0 \"https://shop.example.com/cart\" \"Mozilla/5.0\" 0.001",
                    "192.0.2.44 - - [26/Nov/2026:10:00:02 +0000] \"GET /health HTTP/1.1\" 200 2"
                            + " \"-\" \"kube-probe/1.29\" 0.000");
    private static final byte[][] SYSLOG =
            lines(
                    "<165>1 2026-11-26T10:00:00.003Z web-1.example.com checkout 8710 ID47"
                            + " [meta@32473 region=\"eu\"] payment accepted order=1234",
                    "<38>Nov 26 10:00:01 web-1 sshd[1234]: Accepted publickey for deploy from"
                            + " 10.0.0.5 port 51234 ssh2",
                    "<11>1 2026-11-26T10:00:02.118Z db-2 postgres 77 - - connection to 10.0.3.4"
                            + " refused",
                    "<30>Nov 26 10:00:02 web-2 systemd[1]: Started Session 42 of user deploy.");
    private static final byte[][] LOGFMT =
            lines(
                    "ts=2026-11-26T10:00:00.123Z level=info msg=\"request served\" service=cart"
                            + " host=web-1 method=GET path=/api/cart?id=4 status=200 duration=12ms"
                            + " bytes=512",
                    "ts=2026-11-26T10:00:01.5Z level=warn msg=\"slow query \\\"orders\\\"\""
                            + " service=orders host=db-1 duration=1.2s rows=120",
                    "time=\"2026-11-26T10:00:02Z\" level=error msg=\"payment declined\""
                            + " service=checkout status=502 latency=350ms path=/pay",
                    "ts=1795687203 lvl=debug msg=tick app=worker elapsed=250us");
    private static final byte[][] TEXT =
            lines(
                    "2026-11-26 10:00:00,123 WARN  [http-nio-8080-exec-7]"
                            + " c.e.shop.CartService - cart 42 empty for user 7",
                    "2026-11-26T10:00:01.004Z ERROR connection to 10.0.3.4:5432 refused",
                    "E1126 10:00:02.123456    1234 server.go:42] rpc error: code = Unavailable",
                    "Started Session 42 of user deploy.");

    private final LogFormat nginx = new AccessLogFormat(SETTINGS);
    private final LogFormat syslog = new SyslogFormat(SETTINGS);
    private final LogFormat logfmt = new LogfmtFormat(SETTINGS);
    private final LogFormat text = new TextFormat(SETTINGS);
    private final CompactEvent scratch = new CompactEvent();
    private CompactEvent emitted;
    private final Consumer<CompactEvent> out = e -> emitted = e;
    private int next;

    private static byte[][] lines(String... lines) {
        byte[][] b = new byte[lines.length][];
        for (int i = 0; i < lines.length; i++) {
            b[i] = lines[i].getBytes(StandardCharsets.UTF_8);
        }
        return b;
    }

    private CompactEvent run(LogFormat format, byte[][] lines) throws UnparseableException {
        next = (next + 1) & 3;
        format.parse(lines[next], RECORD, scratch.reset(RECORD, "bench"), out);
        return emitted;
    }

    @Benchmark
    public CompactEvent nginxCombined() throws UnparseableException {
        return run(nginx, NGINX);
    }

    @Benchmark
    public CompactEvent syslog() throws UnparseableException {
        return run(syslog, SYSLOG);
    }

    @Benchmark
    public CompactEvent logfmt() throws UnparseableException {
        return run(logfmt, LOGFMT);
    }

    @Benchmark
    public CompactEvent text() throws UnparseableException {
        return run(text, TEXT);
    }
}
