package io.greetbench.bench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.jsonl}: one {@link Measurement} per line, appended and forced to disk the moment it
 * is finished, so a crash or a Ctrl-C in the middle of a run loses nothing already measured.
 */
public final class ResultsFile {
    public static final String NAME = "results.jsonl";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;

    public ResultsFile(Path dir) {
        this.path = dir.resolve(NAME);
    }

    public Path path() {
        return path;
    }

    public synchronized void append(Measurement measurement) throws IOException {
        byte[] line = (JSON.writeValueAsString(measurement) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(line));
            ch.force(false);
        }
    }

    /** Every measurement in {@code dir}'s file; a torn last line (power cut) is skipped. */
    public static List<Measurement> read(Path dir) throws IOException {
        List<Measurement> all = new ArrayList<>();
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) {
            return all;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                all.add(JSON.readValue(line, Measurement.class));
            } catch (IOException e) {
                // an incomplete line at the end: everything before it stands
            }
        }
        return all;
    }
}
