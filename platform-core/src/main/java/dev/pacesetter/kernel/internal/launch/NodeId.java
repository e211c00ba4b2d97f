package dev.pacesetter.kernel.internal.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The id of this kernel process among the nodes sharing one database: random once, then kept in
 * {@code <data>/node-id}, so a node restarted after a crash is recognised as the same node.
 */
final class NodeId {

    private NodeId() {
    }

    static String of(Path dataDir) {
        Path file = dataDir.resolve("node-id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (id.matches("[0-9a-f-]{36}")) {
                    return id;
                }
            }
            String id = UUID.randomUUID().toString();
            Files.writeString(file, id, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node id in " + file, e);
        }
    }
}
