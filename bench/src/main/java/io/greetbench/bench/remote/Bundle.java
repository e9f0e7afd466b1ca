package io.greetbench.bench.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * greetbench as other hosts need it: every entry of this JVM's class path (greetbench.jar and lib/
 * when started by ./greetbench; class folders, packed into jars, when started from a build), copied
 * once into a private folder here, so that what is hashed is what is sent even if a build rewrites
 * the originals meanwhile. Its manifest ({@code sha256sum} lines, in class-path order) is what each
 * host's copy is checked against, and the hash of the manifest names the copy there.
 */
final class Bundle implements AutoCloseable {
    private static final int HASH_CHARS = 20;
    /** Every packed entry's time: the same class folder packs into the same bytes, and so the same hash. */
    private static final LocalDateTime PACKED_AT = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final Path staging;
    private final List<Path> files;
    private final String manifest;
    private final String hash;

    private Bundle(Path staging, List<Path> files, String manifest) {
        this.staging = staging;
        this.files = files;
        this.manifest = manifest;
        this.hash = sha256(manifest.getBytes(StandardCharsets.UTF_8)).substring(0, HASH_CHARS);
    }

    /** This JVM's class path. */
    static Bundle ofThisJvm() throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (!entry.isBlank() && Files.exists(p)) {
                entries.add(p);
            }
        }
        return of(entries);
    }

    /** {@code entries} (jars, or class folders to pack), in this order, copied into a folder only this user can read. */
    static Bundle of(List<Path> entries) throws IOException {
        Path staging = Files.createTempDirectory("greetbench-bundle"); // 0700
        try {
            List<Path> files = new ArrayList<>();
            StringBuilder manifest = new StringBuilder();
            for (int i = 0; i < entries.size(); i++) {
                Path entry = entries.get(i);
                String base = entry.getFileName().toString().replaceAll("[^A-Za-z0-9._+-]", "_");
                Path file = staging.resolve(String.format("%03d-%s", i, Files.isDirectory(entry) ? base + ".jar" : base));
                if (Files.isDirectory(entry)) {
                    pack(entry, file);
                } else {
                    Files.copy(entry, file);
                }
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                files.add(file);
                manifest.append(sha256(file)).append("  ").append(file.getFileName()).append('\n');
            }
            return new Bundle(staging, files, manifest.toString());
        } catch (IOException | RuntimeException e) {
            delete(staging);
            throw e;
        }
    }

    /** The name of its copy on every host: a hash of its manifest. */
    String hash() {
        return hash;
    }

    /** The files to copy, here, in class-path order. */
    List<Path> files() {
        return files;
    }

    /** The file names on the other host, in class-path order. */
    List<String> names() {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }

    /** One {@code SHA256  NAME} line a file, as {@code sha256sum -c} reads them. */
    String manifest() {
        return manifest;
    }

    @Override
    public void close() {
        delete(staging);
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                JarEntry entry = new JarEntry(folder.relativize(f).toString().replace('\\', '/'));
                entry.setTimeLocal(PACKED_AT);
                zip.putNextEntry(entry);
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
