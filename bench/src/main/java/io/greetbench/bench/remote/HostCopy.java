package io.greetbench.bench.remote;

import io.greetbench.bench.server.HostShell;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * greetbench's copy on another host, in its cache folder under the bundle's hash. It is run only
 * while it is trusted: complete, only its user's (no link, no file another user owns or may write),
 * and every file matching this build's manifest ({@code sha256sum -c} there). A copy that is not is
 * replaced. A new copy goes into a folder of {@code mktemp -d} there, is checked, and is renamed into
 * place; the folder is removed when anything fails.
 */
final class HostCopy {
    /** Bash functions for the host: {@code own_only PATH}; {@code trusted COPY}, with the manifest on stdin. */
    static final String FUNCTIONS = """
            own_only() { [[ -O "$1" && ! -L "$1" ]] && (( (8#$(stat -c %a "$1") & 8#022) == 0 )); }
            trusted() {
              [[ -f "$1/.complete" ]] && own_only "$1" \\
                && [[ -z "$(find "$1" -mindepth 1 \\( -type l -o ! -user "$(id -u)" -o -perm /022 \\) -print -quit)" ]] \\
                && (cd "$1" && sha256sum --quiet --strict -c - >/dev/null 2>&1)
            }
            """;

    /** The probe's exit code for a cache folder that is not only its user's. */
    static final int FOREIGN_CACHE = 5;

    /**
     * Finishes a copy: the manifest (stdin) written beside the files and checked against them; then
     * renamed into place, unless a trusted copy is there already (another run's); a copy there that
     * is not trusted is moved aside and removed first. Arguments: the partial folder, the copy's place.
     */
    private static final String FINISH = FUNCTIONS + """
            umask 077
            partial=$1 copy=$2
            cat >"$partial/.manifest" && touch "$partial/.complete" || exit 1
            trusted "$partial" <"$partial/.manifest" || { echo "the copied files do not match this build's" >&2; exit 6; }
            mv -T "$partial" "$copy" 2>/dev/null && exit 0
            if trusted "$copy" <"$partial/.manifest"; then rm -rf "$partial"; exit 0; fi
            aside=$(mktemp -d "$copy.replaced-XXXXXX") && mv -T "$copy" "$aside/copy" && rm -rf "$aside" \\
              && mv -T "$partial" "$copy" || { echo "could not replace $copy" >&2; exit 1; }
            """;

    private HostCopy() {
    }

    /**
     * Lines of the probe (bash, after {@link #FUNCTIONS}; {@code $dir} the cache folder, {@code $2} the
     * hash): exit {@link #FOREIGN_CACHE} for a cache folder that is not only its user's, else say
     * {@code installed=yes}, {@code no} or {@code changed}.
     */
    static String probe(Bundle bundle) {
        return "own_only \"$dir\" || { echo \"$dir\" >&2; exit " + FOREIGN_CACHE + "; }\n"
                + "if [[ ! -e \"$dir/$2\" ]]; then echo installed=no\n"
                + "elif trusted \"$dir/$2\" <<'GREETBENCH_MANIFEST'\n"
                + bundle.manifest()
                + "GREETBENCH_MANIFEST\n"
                + "then echo installed=yes\n"
                + "else echo installed=changed\n"
                + "fi\n";
    }

    /** Copies {@code bundle} into {@code cache}/HASH on {@code host}; an IOException names the host and what failed. */
    static void install(Ssh ssh, String host, Bundle bundle, String cache) throws IOException {
        HostShell.Result made = ssh.run(host, List.of("mktemp", "-d", cache + "/" + bundle.hash() + ".partial-XXXXXX"),
                Duration.ofSeconds(30));
        String partial = made.out().strip();
        if (!made.ok() || !partial.startsWith(cache + "/" + bundle.hash() + ".partial-") || partial.contains("\n")) {
            throw new IOException("could not make a folder in " + cache + " on " + host + ": " + made.lastLine());
        }
        boolean done = false;
        try {
            ssh.copy(host, bundle.files(), partial, Duration.ofMinutes(5));
            HostShell.Result finished = ssh.run(host, List.of("bash", "-c", FINISH, "finish", partial, cache + "/" + bundle.hash()),
                    Ssh.bytes(bundle.manifest()), Duration.ofSeconds(60));
            if (!finished.ok()) {
                throw new IOException("could not complete the copy of greetbench on " + host + ": " + finished.lastLine());
            }
            done = true;
        } finally {
            if (!done) {
                try {
                    ssh.run(host, List.of("rm", "-rf", partial), Duration.ofSeconds(30));
                } catch (IOException e) {
                    // unreachable now: the partial folder stays in its cache, named as one
                }
            }
        }
    }
}
