package io.logflow.bench.jmh;

import io.logflow.connectors.registry.RegistryClientConfig;
import io.logflow.connectors.serde.BoundedBinaryDecoder;
import io.logflow.connectors.serde.ConfluentAvroDeserializationSchema;
import io.logflow.connectors.serde.ConfluentAvroSerdes;
import io.logflow.connectors.serde.ConfluentSchemaCoderProvider;
import io.logflow.devstack.kafka.EmbeddedKafka;
import io.logflow.devstack.registry.DevSchemaRegistry;
import io.logflow.jobs.analytics.functions.CompactCodec;
import io.logflow.jobs.analytics.functions.CompactEvent;
import io.logflow.jobs.analytics.functions.LogEventBinaryReader;
import io.logflow.jobs.analytics.functions.LogEventDeserializer;
import io.logflow.jobs.analytics.functions.ShuffledEvent;
import io.logflow.jobs.analytics.functions.ShuffledEventSerializer;
import io.logflow.jobs.formats.FormatSettings;
import io.logflow.jobs.formats.JsonFormat;
import io.logflow.schema.LogEvent;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.RegistryAvroDeserializationSchema;
import org.apache.flink.formats.avro.RegistryAvroSerializationSchema;
import org.apache.flink.formats.avro.typeutils.AvroSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wire-format decode of one Confluent-framed Avro {@link LogEvent}: through LogFlow's registry
 * deserializer (one resolved reader per writer id, bounded decoder on the record's bytes) versus
 * Flink's {@code RegistryAvroDeserializationSchema} with the same schema coder (what LogFlow used
 * before) and bare datum readers on the payload with a reused decoder — the price of the framing,
 * the registry lookup and the length checks.
 *
 * <p>A real broker and the dev registry start once per fork; every lookup after the first is a
 * cache hit, as in a running job.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The broker and registry start in the fork and compete for the JIT's first seconds.
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {

    private static final String TOPIC = "logs";
    private static final int HEADER = 5;

    private EmbeddedKafka kafka;
    private DevSchemaRegistry registry;
    private byte[][] messages;
    private int next;
    private ConfluentAvroDeserializationSchema<LogEvent> confluent;
    private RegistryAvroDeserializationSchema<LogEvent> flinkRegistry;
    private ConfluentAvroDeserializationSchema<GenericRecord> keyFields;
    private final AvroSerializer<LogEvent> avroShuffle = new AvroSerializer<>(LogEvent.class);
    private final DataOutputSerializer wire = new DataOutputSerializer(4096);
    private final DataInputDeserializer wireIn = new DataInputDeserializer();
    private final BoundedBinaryDecoder bounded = new BoundedBinaryDecoder();
    private final CompactEvent compact = new CompactEvent();
    private final SpecificDatumReader<LogEvent> specific =
            new SpecificDatumReader<>(LogEvent.class);
    private final GenericDatumReader<GenericRecord> generic =
            new GenericDatumReader<>(LogEvent.getClassSchema());
    private BinaryDecoder decoder;
    private byte[][] jsonLines;
    private byte[][] shortJsonLines;
    private final JsonFormat json = new JsonFormat(new FormatSettings("bench", Map.of()));
    private final CompactEvent parsed = new CompactEvent();
    private final CompactCodec codec = new CompactCodec();
    private GenericRecord reusedRecord;

    @Setup
    public void setUp() throws IOException {
        kafka = EmbeddedKafka.builder().build().start();
        registry = DevSchemaRegistry.builder().kafkaBootstrap(kafka.bootstrapServers()).build();
        registry.start();
        RegistryClientConfig config = RegistryClientConfig.builder(registry.url()).build();
        RegistryAvroSerializationSchema<LogEvent> serializer =
                ConfluentAvroSerdes.valueSerializer(LogEvent.class, TOPIC, config);
        LogEvent[] events = BenchEvents.sample(BenchEvents.COUNT, 11);
        messages = new byte[events.length][];
        for (int i = 0; i < events.length; i++) {
            messages[i] = serializer.serialize(events[i]);
        }
        confluent = ConfluentAvroSerdes.valueDeserializer(LogEvent.class, TOPIC, config);
        confluent.deserialize(messages[0]);
        flinkRegistry =
                new RegistryAvroDeserializationSchema<>(
                        LogEvent.class,
                        LogEvent.getClassSchema(),
                        new ConfluentSchemaCoderProvider(config, TOPIC, false));
        flinkRegistry.deserialize(messages[0]);
        keyFields =
                ConfluentAvroSerdes.genericValueDeserializer(
                        LogEventDeserializer.KEY_FIELDS, TOPIC, config);
        keyFields.deserialize(messages[0]);
        jsonLines = new byte[events.length][];
        shortJsonLines = new byte[events.length][];
        long jsonBytes = 0;
        long shortJsonBytes = 0;
        long avroBytes = 0;
        for (int i = 0; i < events.length; i++) {
            jsonLines[i] = BenchEvents.ecsJson(events[i]);
            shortJsonLines[i] = BenchEvents.shortJson(events[i]);
            jsonBytes += jsonLines[i].length;
            shortJsonBytes += shortJsonLines[i].length;
            avroBytes += messages[i].length;
        }
        System.out.printf(
                "Mean record size: Avro %d bytes, ECS JSON %d bytes, short-key JSON %d bytes%n",
                avroBytes / events.length,
                jsonBytes / events.length,
                shortJsonBytes / events.length);
    }

    @TearDown
    public void tearDown() {
        registry.close();
        kafka.close();
    }

    private byte[] nextMessage() {
        next = (next + 1) & (BenchEvents.COUNT - 1);
        return messages[next];
    }

    @Benchmark
    public LogEvent confluentSchemaCoder() throws IOException {
        return confluent.deserialize(nextMessage());
    }

    /** Flink's registry deserializer with LogFlow's schema coder: the decode before the bound. */
    @Benchmark
    public LogEvent flinkRegistryDeserializer() throws IOException {
        return flinkRegistry.deserialize(nextMessage());
    }

    /**
     * Before the one-shuffle topology: the source decodes the whole event, then each of the two
     * keyed shuffles of the default job (window aggregate, template miner) Avro-encodes and decodes
     * it again.
     */
    @Benchmark
    public LogEvent jobEventPathBefore() throws IOException {
        LogEvent event = flinkRegistry.deserialize(nextMessage());
        for (int shuffle = 0; shuffle < 2; shuffle++) {
            wire.clear();
            avroShuffle.serialize(event, wire);
            wireIn.setBuffer(wire.getSharedBuffer(), 0, wire.length());
            event = avroShuffle.deserialize(wireIn);
        }
        return event;
    }

    /**
     * Now: the source reads event time and service only, the record's bytes cross one shuffle as a
     * {@link ShuffledEvent}, and the event is decoded once behind it.
     */
    @Benchmark
    public LogEvent jobEventPathAfter() throws IOException {
        ShuffledEvent received = throughTheShuffle();
        return LogEventBinaryReader.read(
                bounded.reset(received.value, HEADER, received.value.length - HEADER));
    }

    /**
     * Now, with the projection: as {@link #jobEventPathAfter}, but behind the shuffle only the
     * fields the aggregates and the miner read are decoded, into one reused {@link CompactEvent}.
     */
    @Benchmark
    public CompactEvent jobEventPathCompact() throws IOException {
        ShuffledEvent received = throughTheShuffle();
        return LogEventBinaryReader.readCompact(
                bounded.reset(received.value, HEADER, received.value.length - HEADER), compact);
    }

    /** The source's key read, then one trip through the shuffle's serializer. */
    private ShuffledEvent throughTheShuffle() throws IOException {
        byte[] m = nextMessage();
        GenericRecord key = keyFields.deserialize(m);
        ShuffledEvent shuffled =
                new ShuffledEvent(
                        (String) key.get(1), (Long) key.get(0), m, TOPIC, 0, next, 0L, null);
        wire.clear();
        ShuffledEventSerializer.INSTANCE.serialize(shuffled, wire);
        wireIn.setBuffer(wire.getSharedBuffer(), 0, wire.length());
        return ShuffledEventSerializer.INSTANCE.deserialize(wireIn);
    }

    /**
     * The same events as ECS JSON lines from a raw source: parsed once at the source into the
     * compact record, encoded for the shuffle, one trip through its serializer, read back behind
     * it. Compare with {@link #jobEventPathCompact}, the Avro source's path to the same record.
     */
    @Benchmark
    public CompactEvent jsonEventPath() throws Exception {
        return jsonPath(jsonLines);
    }

    /**
     * As {@link #jsonEventPath}, the same events as JSON lines under short plain keys ({@link
     * BenchEvents#shortJson}): the same fields in fewer bytes, the fairer match of the Avro record.
     */
    @Benchmark
    public CompactEvent shortJsonEventPath() throws Exception {
        return jsonPath(shortJsonLines);
    }

    private CompactEvent jsonPath(byte[][] lines) throws Exception {
        next = (next + 1) & (BenchEvents.COUNT - 1);
        json.parse(lines[next], 0L, parsed, e -> {});
        ShuffledEvent shuffled =
                new ShuffledEvent(
                        parsed.service,
                        parsed.timestamp,
                        codec.encode(parsed),
                        TOPIC,
                        0,
                        next,
                        0L,
                        null);
        wire.clear();
        ShuffledEventSerializer.INSTANCE.serialize(shuffled, wire);
        wireIn.setBuffer(wire.getSharedBuffer(), 0, wire.length());
        return CompactCodec.decode(
                ShuffledEventSerializer.INSTANCE.deserialize(wireIn).value, compact);
    }

    /** The JSON parse alone: one ECS line into the compact record. */
    @Benchmark
    public CompactEvent jsonParse() throws Exception {
        next = (next + 1) & (BenchEvents.COUNT - 1);
        json.parse(jsonLines[next], 0L, parsed, e -> {});
        return parsed;
    }

    /** The projected decode behind the shuffle alone. */
    @Benchmark
    public CompactEvent compactReader() throws IOException {
        byte[] m = nextMessage();
        return LogEventBinaryReader.readCompact(
                bounded.reset(m, HEADER, m.length - HEADER), compact);
    }

    /** The full decode behind the shuffle alone: the direct reader of LogFlow's own schema. */
    @Benchmark
    public LogEvent directReader() throws IOException {
        byte[] m = nextMessage();
        return LogEventBinaryReader.read(bounded.reset(m, HEADER, m.length - HEADER));
    }

    /** A new record per message, as a job must when downstream operators may hold the last. */
    @Benchmark
    public LogEvent bareSpecificReader() throws IOException {
        byte[] m = nextMessage();
        decoder = DecoderFactory.get().binaryDecoder(m, HEADER, m.length - HEADER, decoder);
        return specific.read(null, decoder);
    }

    /** Decoder and record both reused: the input ceiling's decode. */
    @Benchmark
    public GenericRecord bareGenericReaderReused() throws IOException {
        byte[] m = nextMessage();
        decoder = DecoderFactory.get().binaryDecoder(m, HEADER, m.length - HEADER, decoder);
        reusedRecord = generic.read(reusedRecord, decoder);
        return reusedRecord;
    }
}
