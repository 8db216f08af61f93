package io.logflow.connectors.files;

import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.flink.formats.parquet.ParquetBuilder;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * Parquet writers for generated Avro classes using the class's own data model, so logical types
 * (timestamps as {@code Instant}) are converted; Flink's {@code
 * AvroParquetWriters.forSpecificRecord} uses a model without them and fails on such records.
 */
final class SpecificParquetBuilder<T extends SpecificRecordBase> implements ParquetBuilder<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;

    SpecificParquetBuilder(Class<T> recordClass) {
        this.recordClass = recordClass;
    }

    @Override
    public ParquetWriter<T> createWriter(OutputFile out) throws IOException {
        SpecificData model = SpecificData.getForClass(recordClass);
        Schema schema = model.getSchema(recordClass);
        return AvroParquetWriter.<T>builder(out)
                .withSchema(schema)
                .withDataModel(model)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build();
    }
}
