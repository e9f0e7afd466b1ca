#!/usr/bin/env bash
# Several "hosts" on this one machine, for trying and testing greetbench's multi-host runs: network
# namespaces on one private bridge, each with its own OpenSSH server (a throwaway host key; a
# throwaway client key that only these servers accept). Needs root and openssh-server's sshd.
#
#   bench/scripts/netns-hosts.sh quick [GREETBENCH_ARGS...]
#       sets up an orchestrator, a server host and two driver hosts, runs
#       ./greetbench quick --server-host gb-server --driver-hosts gb-d1,gb-d2 ... from the orchestrator's
#       namespace, and tears everything down again (also on failure or Ctrl-C)
#   bench/scripts/netns-hosts.sh up STATE_DIR [DRIVERS]     set up; prints the hosts. STATE_DIR must not exist: it
#       is made here (mode 700), so its parent must be a folder only you can write to, or a sticky one such as /tmp
#   bench/scripts/netns-hosts.sh down STATE_DIR             stop every process in the namespaces by PID, delete them
#
# Everything here runs as root, and root writes keys and sshd configurations into STATE_DIR, and
# kills what its namespaces file names: so no folder is taken that exists already (mkdir without -p),
# and down acts only on a STATE_DIR that is root's alone, on namespaces named as up names them.
#
# Addresses are 10.201.0.0/24 and exist only inside these namespaces: the bridge lives in the
# orchestrator's namespace, so this machine's own interfaces and routes are never touched. Each host
# keeps greetbench's copy in STATE_DIR/remote-HOST (GREETBENCH_REMOTE_DIR, set by its sshd). In STATE_DIR:
#   ssh_config     ssh -F file with a Host entry per host (gb-server, gb-d1, ...)
#   namespaces     one line per namespace: NAME ROLE ADDRESS SSHD_PID (ROLE orchestrator has no sshd: -)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
subnet=10.201.0

die() { echo "netns-hosts: $*" >&2; exit 2; }

up() {
  local state="$1" drivers="${2:-2}"
  [[ $EUID -eq 0 ]] || die "needs root (network namespaces and sshd)"
  [[ -x /usr/sbin/sshd ]] || die "needs /usr/sbin/sshd (apt-get install openssh-server)"
  command -v ssh >/dev/null || die "needs ssh (apt-get install openssh-client)"
  command -v nsenter >/dev/null || die "needs nsenter (apt-get install util-linux)"
  mkdir -m 700 "$state" 2>/dev/null || die "cannot make $state: it exists already (it must be new), or its parent does not"
  local prefix="gb$(od -An -N2 -tx2 /dev/urandom | tr -d ' ')"
  local orch="$prefix-orch"
  : >"$state/namespaces"
  ip netns add "$orch"
  echo "$orch orchestrator $subnet.1 -" >>"$state/namespaces"
  ip -n "$orch" link set lo up
  ip -n "$orch" link add br0 type bridge
  ip -n "$orch" addr add "$subnet.1/24" dev br0
  ip -n "$orch" link set br0 up

  ssh-keygen -q -t ed25519 -N '' -C greetbench-test-host -f "$state/host_key"
  ssh-keygen -q -t ed25519 -N '' -C greetbench-test-client -f "$state/client_key"
  cp "$state/client_key.pub" "$state/authorized_keys"
  mkdir -p /run/sshd # sshd's privilege separation folder, as openssh-server's own service makes it
  cat >"$state/ssh_config" <<EOF
Host *
  User root
  IdentityFile $state/client_key
  IdentitiesOnly yes
  StrictHostKeyChecking no
  UserKnownHostsFile /dev/null
  LogLevel ERROR
EOF

  local i=2 name ns role
  for name in server $(seq -f 'd%g' 1 "$drivers"); do
    ns="$prefix-$name"
    role=$([[ $name == server ]] && echo server || echo driver)
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip -n "$orch" link add "v-$name" type veth peer name eth0 netns "$ns"
    ip -n "$orch" link set "v-$name" master br0 up
    ip -n "$ns" addr add "$subnet.$i/24" dev eth0
    ip -n "$ns" link set eth0 up
    mkdir -m 700 "$state/remote-gb-$name"
    cat >"$state/sshd_config-$name" <<EOF
ListenAddress $subnet.$i
HostKey $state/host_key
PidFile none
AuthorizedKeysFile $state/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
Subsystem sftp internal-sftp
SetEnv GREETBENCH_REMOTE_DIR=$state/remote-gb-$name
LogLevel ERROR
EOF
    # nsenter, not ip netns exec: that one mounts a /sys of its own, without /sys/fs/cgroup, and a
    # server host needs its cgroups for --server-cpu-limit
    nsenter --net="/run/netns/$ns" /usr/sbin/sshd -D -e -f "$state/sshd_config-$name" >"$state/sshd-$name.log" 2>&1 &
    echo "$ns $role $subnet.$i $!" >>"$state/namespaces"
    printf 'Host gb-%s\n  HostName %s.%s\n' "$name" "$subnet" "$i" >>"$state/ssh_config"
    i=$((i + 1))
  done
  # Each sshd answers before this returns.
  local host tries
  for name in server $(seq -f 'd%g' 1 "$drivers"); do
    for tries in $(seq 50); do
      ip netns exec "$orch" ssh -F "$state/ssh_config" -o BatchMode=yes -o ConnectTimeout=2 "gb-$name" true 2>/dev/null && break
      [[ $tries -eq 50 ]] && die "the sshd of gb-$name did not answer: $(cat "$state/sshd-$name.log")"
      sleep 0.1
    done
  done
  cat "$state/namespaces"
}

# Whether $1 is a state folder of up's: a folder (not a link) of this user's that no one else may
# enter, whose namespaces file names only namespaces as up names them.
own_state() {
  [[ -d "$1" && ! -L "$1" && -O "$1" && "$(stat -c %a "$1")" == 700 && -f "$1/namespaces" && ! -L "$1/namespaces" ]] &&
    ! grep -qvE '^gb[0-9a-f]{4}-(orch|server|d[0-9]+) (orchestrator|server|driver) [0-9.]+ ([0-9]+|-)$' "$1/namespaces"
}

down() {
  local state="$1" ns role address pid p i
  own_state "$state" || die "$state is not a state folder of this script (one up made, root's alone)"
  # Every process still in a namespace (its sshd, an ssh session, a process of greetbench's): by
  # PID, SIGTERM, then SIGKILL for what is left after 3 s; then the namespaces, their veths and the bridge.
  for sig in TERM KILL; do
    while read -r ns role address pid; do
      for p in $(ip netns pids "$ns" 2>/dev/null); do kill -"$sig" "$p" 2>/dev/null || true; done
    done <"$state/namespaces"
    for i in $(seq 30); do
      [[ -z "$(while read -r ns role address pid; do ip netns pids "$ns" 2>/dev/null; done <"$state/namespaces")" ]] && break
      sleep 0.1
    done
  done
  while read -r ns role address pid; do
    ip netns del "$ns" 2>/dev/null || true
  done <"$state/namespaces"
  rm -rf "$state"
}

quick() {
  local base state
  "$root/greetbench" list >/dev/null # builds greetbench first if it must, here, where Maven can reach its repository
  # A folder of mktemp's, kept until the end (no name is ever freed and taken again): up makes the state in it.
  base="$(mktemp -d /tmp/greetbench-netns.XXXXXX)"
  state="$base/hosts"
  # The folders' names now: the function's variables are gone when the trap runs.
  trap "[[ ! -d '$state' ]] || (down '$state'); rmdir '$base'" EXIT
  up "$state" 2 >/dev/null
  local orch
  orch="$(awk '$2 == "orchestrator" {print $1}' "$state/namespaces")"
  echo "netns-hosts: orchestrator in $orch; gb-server, gb-d1, gb-d2 each in a namespace of its own" >&2
  ip netns exec "$orch" "$root/greetbench" quick --server-host gb-server --driver-hosts gb-d1,gb-d2 \
    --ssh-config "$state/ssh_config" "$@"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) shift; down "$@" ;;
  quick) shift; quick "$@" ;;
  *) sed -n '2,/^set -euo/{/^set -euo/!p}' "$0" >&2; exit 2 ;;
esac
