package io.greetbench.bench.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * greetbench as other hosts need it: every entry of this JVM's class path (greetbench.jar and lib/
 * when started by ./greetbench; class folders, packed into jars, when started from a build), named
 * in class-path order, and a hash of their content that keys the copy on each host: a host that has
 * this hash's folder already gets nothing copied.
 */
final class Bundle {
    private static final int HASH_CHARS = 20;

    private final List<Path> entries;
    private final String hash;

    private Bundle(List<Path> entries, String hash) {
        this.entries = entries;
        this.hash = hash;
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
        return new Bundle(entries, hash(entries));
    }

    String hash() {
        return hash;
    }

    /** The file names on the other host, in class-path order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String base = entries.get(i).getFileName().toString();
            names.add(String.format("%03d-%s", i, Files.isDirectory(entries.get(i)) ? base + ".jar" : base));
        }
        return names;
    }

    /** The files to copy, under their names on the other host, made in {@code dir}: links to the jars, class folders packed. */
    List<Path> stage(Path dir) throws IOException {
        List<Path> staged = new ArrayList<>();
        List<String> names = names();
        for (int i = 0; i < entries.size(); i++) {
            Path target = dir.resolve(names.get(i));
            if (Files.isDirectory(entries.get(i))) {
                pack(entries.get(i), target);
            } else {
                Files.createSymbolicLink(target, entries.get(i)); // scp copies what a link points to
            }
            staged.add(target);
        }
        return staged;
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    /** SHA-256 over every entry's place, name and content (a class folder's files in order). */
    private static String hash(List<Path> entries) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (Path entry : entries) {
            List<Path> files;
            if (Files.isDirectory(entry)) {
                try (Stream<Path> walk = Files.walk(entry)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(entry);
            }
            digest.update((entry.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path f : files) {
                digest.update((entry.relativize(f) + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(f)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, HASH_CHARS);
    }
}
