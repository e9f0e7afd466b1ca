package io.greetbench.bench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greetbench.bench.server.CommandRun;
import io.greetbench.bench.server.HostShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netns-hosts.sh} runs as root, writes keys and sshd configurations into its state folder and
 * kills what that folder's {@code namespaces} file names: a folder another user made first (or a link
 * to one) is never taken, and {@code down} acts on no folder that is not root's alone. Needs root,
 * as the script does (CI runs as root); nothing here creates a namespace.
 */
class NetnsHostsScriptTest {
    private static final Path SCRIPT = Path.of("..").toAbsolutePath().normalize().resolve("bench/scripts/netns-hosts.sh");

    @TempDir
    Path dir;
    private UserPrincipal nobody;

    @BeforeEach
    void asRootWithAnotherUser() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root, as netns-hosts.sh does (CI runs as root)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "needs /usr/sbin/sshd, as netns-hosts.sh does");
        nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    }

    @Test
    void aStateFolderAnotherUserMadeFirstIsNotTaken() throws Exception {
        Path state = Files.createDirectory(dir.resolve("hosts"));
        Files.setOwner(state, nobody);
        HostShell.Result up = script("up", state.toString(), "1");
        assertEquals(2, up.exit(), up.out() + up.err());
        assertTrue(up.err().contains("cannot make " + state + ": it exists already"), up.err());
        assertEquals(List.of(), entries(state), "nothing was written into it");
        assertEquals(nobody, Files.getOwner(state));
    }

    @Test
    void aLinkWhereTheStateFolderGoesIsNotFollowed() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.setOwner(elsewhere, nobody);
        Path state = Files.createSymbolicLink(dir.resolve("hosts"), elsewhere);
        HostShell.Result up = script("up", state.toString(), "1");
        assertEquals(2, up.exit(), up.out() + up.err());
        assertEquals(List.of(), entries(elsewhere), "nothing was written through the link");
    }

    @Test
    void downActsOnlyOnAFolderOfRootsAloneNamingNamespacesAsUpNamesThem() throws Exception {
        Path others = Files.createDirectory(dir.resolve("others"));
        Files.writeString(others.resolve("namespaces"), "gb0a0a-server server 10.201.0.2 1\n");
        Files.setOwner(others, nobody);
        Path strange = Files.createDirectory(dir.resolve("strange"));
        Files.setPosixFilePermissions(strange, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Files.writeString(strange.resolve("namespaces"), "default server 10.201.0.2 1\n");
        for (Path state : List.of(others, strange)) {
            HostShell.Result down = script("down", state.toString());
            assertEquals(2, down.exit(), down.out() + down.err());
            assertTrue(down.err().contains("is not a state folder of this script"), down.err());
            assertTrue(Files.exists(state.resolve("namespaces"), LinkOption.NOFOLLOW_LINKS), "left as it was: " + state);
        }
    }

    private static HostShell.Result script(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        return CommandRun.run(new ProcessBuilder(command), Duration.ofSeconds(30), "netns-hosts.sh");
    }

    private static List<Path> entries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }
}
