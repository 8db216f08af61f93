package io.logflow.jobs.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Reads back the committed Parquet files a job wrote, as Spark or Hadoop would. */
final class ParquetFiles {

    private ParquetFiles() {}

    /** Every record of every committed (not hidden, not in-progress) Parquet file below dir. */
    static <T extends SpecificRecord> List<T> readAll(Path dir, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file :
                    paths.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .toList()) {
                try (ParquetReader<T> reader =
                        AvroParquetReader.<T>builder(
                                        HadoopInputFile.fromPath(
                                                new org.apache.hadoop.fs.Path(file.toUri()),
                                                new Configuration()))
                                .withDataModel(
                                        org.apache.avro.specific.SpecificData.getForClass(type))
                                .build()) {
                    T record;
                    while ((record = reader.read()) != null) {
                        out.add(record);
                    }
                }
            }
        }
        return out;
    }
}
