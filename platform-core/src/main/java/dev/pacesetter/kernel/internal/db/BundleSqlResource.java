package dev.pacesetter.kernel.internal.db;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.flywaydb.core.api.resource.LoadableResource;

/** A migration script read straight out of a bundle, never from the file system or a class-path scan. */
final class BundleSqlResource extends LoadableResource {

    private final URL url;
    private final String location;
    private final String filename;

    BundleSqlResource(URL url, String location, String filename) {
        this.url = url;
        this.location = location;
        this.filename = filename;
    }

    @Override
    public Reader read() {
        try {
            return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + url, e);
        }
    }

    @Override
    public String getAbsolutePath() {
        return location + "/" + filename;
    }

    @Override
    public String getAbsolutePathOnDisk() {
        return url.toString();
    }

    @Override
    public String getFilename() {
        return filename;
    }

    @Override
    public String getRelativePath() {
        return filename;
    }
}
