package io.greetbench.bench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * greetbench's copy on a host is run only while every file matches this build's manifest there and
 * it is only its user's: a changed or planted copy is replaced, a copy that arrives damaged is
 * removed, a cache folder others may write to is refused. The host is this machine ({@link LocalHostSsh}),
 * its cache folder a temporary one.
 */
@Timeout(120)
class HostCopyTest {
    private static final Path JDK_SCRIPT = Path.of("..").toAbsolutePath().normalize().resolve("bench/scripts/jdk.sh");
    private static final String JAVA_HOME = System.getProperty("java.home");

    @TempDir
    Path dir;
    private Path cache;
    private Bundle bundle;
    private final ByteArrayOutputStream messages = new ByteArrayOutputStream();

    @BeforeEach
    void aBundleAndAnEmptyCache() throws IOException {
        cache = Files.createDirectory(dir.resolve("cache"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path classes = Files.createDirectories(dir.resolve("classes/io/x"));
        Files.writeString(classes.resolve("A.class"), "class bytes");
        bundle = Bundle.of(List.of(Files.writeString(dir.resolve("a.jar"), "the real a"), dir.resolve("classes")));
    }

    @AfterEach
    void closeTheBundle() {
        bundle.close();
    }

    @Test
    void aCopyChangedOnTheHostIsDetectedAndReplaced() throws Exception {
        LocalHostSsh host = host();
        RemoteHost.open(host, "gb-server", JAVA_HOME, bundle, JDK_SCRIPT, new PrintStream(messages));
        Path jar = copy().resolve("000-a.jar");
        assertEquals("the real a", Files.readString(jar));

        Files.writeString(jar, "a planted a");
        RemoteHost opened = RemoteHost.open(host, "gb-server", JAVA_HOME, bundle, JDK_SCRIPT, new PrintStream(messages));
        assertTrue(messages.toString(StandardCharsets.UTF_8).contains("the copy of greetbench on gb-server (" + copy()
                + ") does not match this build's files, or is not only its user's: replacing it"), messages.toString());
        assertEquals("the real a", Files.readString(jar), "replaced");
        assertEquals(List.of(copy()), entries(cache), "nothing else left in the cache");
        assertTrue(opened.greetbench(List.of(), List.of()).contains(copy() + "/000-a.jar:" + copy() + "/001-classes.jar"),
                "the class path is the copy's, in class-path order");

        int before = host.commandsOf("mktemp").size();
        messages.reset();
        RemoteHost.open(host, "gb-server", JAVA_HOME, bundle, JDK_SCRIPT, new PrintStream(messages));
        assertEquals(before, host.commandsOf("mktemp").size(), "a trusted copy is used as it is");
        assertEquals("", messages.toString());
    }

    @Test
    void aCopyThatOthersMayWriteToIsReplaced() throws Exception {
        RemoteHost.open(host(), "gb-server", JAVA_HOME, bundle, JDK_SCRIPT, new PrintStream(messages));
        Files.setPosixFilePermissions(copy().resolve("000-a.jar"), PosixFilePermissions.fromString("rw-rw-rw-"));
        RemoteHost.open(host(), "gb-server", JAVA_HOME, bundle, JDK_SCRIPT, new PrintStream(messages));
        assertTrue(messages.toString().contains("replacing it"), messages.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy().resolve("000-a.jar"))));
    }

    @Test
    void aFolderPlantedUnderTheHashIsReplaced() throws Exception {
        Path planted = Files.createDirectory(copy());
        Files.writeString(planted.resolve("000-a.jar"), "a planted a");
        Files.writeString(planted.resolve("001-classes.jar"), "planted classes");
        Files.writeString(planted.resolve(".complete"), "");
        RemoteHost.open(host(), "gb-server", JAVA_HOME, bundle, JDK_SCRIPT, new PrintStream(messages));
        assertTrue(messages.toString().contains("replacing it"), messages.toString());
        assertEquals("the real a", Files.readString(copy().resolve("000-a.jar")));
    }

    @Test
    void aCopyDamagedOnTheWayIsRemovedAndTheHostNamed() throws Exception {
        LocalHostSsh host = new LocalHostSsh(Map.of("GREETBENCH_REMOTE_DIR", cache.toString())) {
            @Override
            void copy(String h, List<Path> files, String dir, Duration bound) throws IOException {
                super.copy(h, files, dir, bound);
                Files.writeString(Path.of(dir).resolve("000-a.jar"), "rewritten on the way");
            }
        };
        IOException e = assertThrows(IOException.class,
                () -> RemoteHost.open(host, "gb-server", JAVA_HOME, bundle, JDK_SCRIPT, new PrintStream(messages)));
        assertEquals("could not complete the copy of greetbench on gb-server: the copied files do not match this build's",
                e.getMessage());
        assertEquals(List.of(), entries(cache), "the partial folder is removed");
    }

    @Test
    void aCacheFolderOthersMayWriteToIsRefusedNamingTheHost() throws Exception {
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException e = assertThrows(IOException.class,
                () -> RemoteHost.open(host(), "gb-server", JAVA_HOME, bundle, JDK_SCRIPT, new PrintStream(messages)));
        assertTrue(e.getMessage().startsWith("greetbench's cache folder " + cache.toRealPath() + " on gb-server is another "
                + "user's, a link, or others may write to it"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals(List.of(), entries(cache), "nothing was copied into it");
    }

    private LocalHostSsh host() {
        return new LocalHostSsh(Map.of("GREETBENCH_REMOTE_DIR", cache.toString()));
    }

    private Path copy() throws IOException {
        return cache.toRealPath().resolve(bundle.hash());
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder.toRealPath())) {
            return s.sorted().toList();
        }
    }
}
