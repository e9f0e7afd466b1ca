# Which JDK greetbench runs on: one rule, sourced by ./greetbench and .ci/run.
#
#   1. GREETBENCH_JAVA: a java executable or a JDK folder, if the user set it (GREETBENCH_JAVA_HOME,
#      its older name, too);
#   2. else JAVA_HOME, if set;
#   3. else the newest JDK 21+ under /usr/lib/jvm (virtual threads, Helidon 4);
#   4. else the java on PATH.
#
# jdk_choose sets JDK_HOME, JDK_FEATURE (17, 21, 25, ...) and JDK_FROM (why this one), or prints
# what is wrong (on stderr) and returns 2. jdk_flags FEATURE prints the JVM flags greetbench runs
# with on that JDK. `greetbench run --server-host/--driver-hosts` applies the same two rules on
# every remote host (it sends this file there).

jdk_feature() { # the feature version of the JDK at $1 (17, 21, 25), or nothing
  local home="$1" v=""
  if [[ -f "$home/release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")"
  elif [[ -x "$home/bin/java" ]]; then
    v="$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')"
  fi
  [[ "$v" == 1 ]] && v=8
  echo "$v"
}

jdk_newest_at_least() { # the newest JDK of feature version >= $1 under /usr/lib/jvm, or nothing
  local want="$1" best=0 found="" home v
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    [[ -x "$home/bin/java" && ! -L "$home" ]] || continue
    v="$(jdk_feature "$home")"
    if [[ -n "$v" && "$v" -ge "$want" && "$v" -gt "$best" ]]; then best="$v"; found="$home"; fi
  done
  echo "$found"
}

jdk_choose() {
  JDK_HOME="" JDK_FROM=""
  local given="${GREETBENCH_JAVA:-${GREETBENCH_JAVA_HOME:-}}"
  if [[ -n "$given" ]]; then
    [[ -x "$given/bin/java" ]] && JDK_HOME="$given"
    [[ -z "$JDK_HOME" && -x "$given" && ! -d "$given" ]] && JDK_HOME="$(dirname "$(dirname "$(readlink -f "$given")")")"
    if [[ -z "$JDK_HOME" ]]; then
      echo "greetbench: GREETBENCH_JAVA=$given is neither a java executable nor a JDK folder with bin/java; fix it or unset it" >&2
      return 2
    fi
    JDK_FROM="GREETBENCH_JAVA"
  elif [[ -n "${JAVA_HOME:-}" ]]; then
    if [[ ! -x "$JAVA_HOME/bin/java" ]]; then
      echo "greetbench: JAVA_HOME=$JAVA_HOME has no bin/java; point it at a JDK, or unset it to let greetbench choose" >&2
      return 2
    fi
    JDK_HOME="$JAVA_HOME" JDK_FROM="JAVA_HOME"
  else
    JDK_HOME="$(jdk_newest_at_least 21)"
    JDK_FROM="the newest JDK 21+ under /usr/lib/jvm"
    if [[ -z "$JDK_HOME" ]] && command -v java >/dev/null 2>&1; then
      JDK_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
      JDK_FROM="java on PATH; no JDK 21+ under /usr/lib/jvm, so no virtual threads"
    fi
    if [[ -z "$JDK_HOME" ]]; then
      echo "greetbench: no Java found: install a JDK 17+ (21+ for virtual threads), or set GREETBENCH_JAVA or JAVA_HOME" >&2
      return 2
    fi
  fi
  JDK_FEATURE="$(jdk_feature "$JDK_HOME")"
  if [[ -z "$JDK_FEATURE" || "$JDK_FEATURE" -lt 17 ]]; then
    echo "greetbench: $JDK_HOME (from $JDK_FROM) is Java ${JDK_FEATURE:-?}; greetbench needs 17+ (21+ for virtual threads)" >&2
    return 2
  fi
}

jdk_flags() { # the JVM flags for greetbench and its servers on a JDK of feature version $1
  local feature="$1" flags=()
  # Netty loads its native transports through System.loadLibrary, a restricted method from JDK 22.
  [[ "$feature" -ge 22 ]] && flags+=(--enable-native-access=ALL-UNNAMED)
  # From JDK 24, Netty leaves sun.misc.Unsafe alone unless allowed, and falls back to slower buffer
  # access; production Netty, Vert.x and Undertow deployments allow it, so greetbench does too.
  [[ "$feature" -ge 24 ]] && flags+=(--sun-misc-unsafe-memory-access=allow)
  echo "${flags[*]}"
}
