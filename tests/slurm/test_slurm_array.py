#!/usr/bin/python3
"""A sweep as a Slurm job array, on a one-node Slurm started here from scratch.

Starts munged, slurmctld and slurmd on this machine in a temporary directory: its own munge key
and socket, its own ports, state, spool, log and pid files, no systemd, cgroups or accounting.
Submits tests/slurm/study.yaml with tools/slurm/submit.sh as a job array of 3 tasks and a merge
job that depends on it, and checks that each task ran its own shard, that the merge started only
after every task had ended, and that the merged file is identical (h5diff) to a plain
`wfsim sweep` of the study; then that a study whose shards fail leaves no output and a non-zero
status. The daemons are stopped whatever happens, and die with this process if it is killed.

Needs root (slurmd starts jobs as their user) and Debian's slurm-wlm, munge and hdf5-tools
(tools/setup/install-deps.sh); without them, or if Slurm does not come up, it fails saying why.

usage: test_slurm_array.py WFSIM
"""

import ctypes
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]
SUBMIT = SOURCE / "tools" / "slurm" / "submit.sh"
STUDY = SOURCE / "tests" / "slurm" / "study.yaml"
STUDY_POINTS = 6  # study.yaml: 3 turnover rates x 2 referral rates
SHARDS = 3
START_TIMEOUT = 30.0  # seconds for munged, slurmctld and slurmd to be ready
JOB_TIMEOUT = 120.0  # seconds for a whole submission, array and merge
# The whole test's, well inside ctest's TIMEOUT (tests/CMakeLists.txt): every wait ends by then,
# so that the test, not ctest's SIGKILL, ends a hung run and stops what it started (an
# `sbatch --wait` would outlive a killed test, polling for ever).
BUDGET = 180.0
deadline = time.monotonic() + BUDGET


def remaining(timeout):
    left = deadline - time.monotonic()
    if left <= 0:
        raise Failure(f"the test's {BUDGET:.0f} s ran out")
    return min(timeout, left)


class Failure(Exception):
    pass


class Stopped(Exception):
    """A signal (ctest's timeout, ^C) asked this test to stop: clean up and exit."""


def on_signal(number, _frame):
    raise Stopped(f"stopped by signal {number}")


def die_with_parent():
    # In the child, before exec: SIGTERM when this test process ends, however it ends (even by
    # SIGKILL, which leaves no chance to clean up), so that no daemon outlives the test.
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    PR_SET_PDEATHSIG = 1
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    os.setpgrp()  # and not in the terminal's process group: ^C reaches the test only


def tail(path, lines=25):
    try:
        text = Path(path).read_text(errors="replace").splitlines()
    except OSError as e:
        return f"    ({path}: {e.strerror})"
    return "\n".join("    " + line for line in text[-lines:]) or f"    ({path} is empty)"


def free_ports(n):
    # Asked of the kernel, so that this Slurm cannot clash with a real one (6817/6818) or with
    # another run of this test; all held at once, so that they differ.
    sockets = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(n)]
    try:
        for s in sockets:
            s.bind(("", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def required_programs():
    missing = [p for p in ("munged", "munge", "unmunge", "slurmctld", "slurmd", "slurmstepd",
                           "sbatch", "scontrol", "sinfo", "squeue", "scancel", "h5diff")
               if shutil.which(p) is None]
    if missing:
        raise Failure("missing programs: " + ", ".join(missing) +
                      " (install Debian's slurm-wlm, munge and hdf5-tools: "
                      "tools/setup/install-deps.sh)")


def node_hardware():
    """CPUs, topology and memory as slurmd itself sees them: a node configured with more than
    slurmd finds is drained, so the numbers are slurmd's own (`slurmd -C`)."""
    out = subprocess.run(["slurmd", "-C"], capture_output=True, text=True, timeout=30)
    if out.returncode != 0:
        raise Failure(f"slurmd -C failed ({out.returncode}): {out.stderr.strip()}")
    fields = dict(re.findall(r"(\w+)=(\S+)", out.stdout.splitlines()[0] if out.stdout else ""))
    keys = ("CPUs", "Boards", "SocketsPerBoard", "CoresPerSocket", "ThreadsPerCore", "RealMemory")
    if any(k not in fields for k in keys):
        raise Failure(f"slurmd -C printed no node configuration: {out.stdout!r}")
    return {k: fields[k] for k in keys}


class Cluster:
    """munged, slurmctld and slurmd in one directory, for one node: this machine."""

    def __init__(self, root: Path):
        self.root = root
        self.host = socket.gethostname().split(".")[0]
        self.processes = []  # (name, Popen, log)
        self.conf = root / "slurm.conf"
        self.munge_socket = root / "munge" / "munge.socket"
        self.env = None

    # -- starting ----------------------------------------------------------------------------

    def start(self):
        self.start_munge()
        hardware = node_hardware()
        self.cpus = int(hardware["CPUs"])
        self.write_conf(hardware)
        self.env = clean_environment()
        self.env["SLURM_CONF"] = str(self.conf)
        # -c: a cold start (no state from an earlier run); -D: in the foreground, as our child,
        # its log copied to stdout (kept apart: it has what precedes the log file's opening).
        self.spawn("slurmctld", ["slurmctld", "-D", "-c", "-f", str(self.conf)],
                   self.root / "slurmctld.out")
        self.wait_for("slurmctld to answer `scontrol ping`", self.controller_up)
        # -N: the node's name, whatever the hostname resolves to (a container's may not).
        self.spawn("slurmd", ["slurmd", "-D", "-f", str(self.conf), "-N", self.host],
                   self.root / "slurmd.out")
        self.wait_for(f"node {self.host} to be idle", self.node_idle)

    def start_munge(self):
        directory = self.root / "munge"
        directory.mkdir(mode=0o755)
        key = directory / "munge.key"
        # munged refuses a key that others can read.
        fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o400)
        with os.fdopen(fd, "wb") as f:
            f.write(os.urandom(1024))
        # Everything where Debian's default (/run/munge, /var/lib/munge, /var/log/munge) may not
        # exist: a fresh root has no /run/munge, which the munge package's service would make.
        # --origin: the credentials' origin without resolving this host's name.
        self.spawn("munged", ["munged", "-F", f"--socket={self.munge_socket}",
                              f"--key-file={key}", f"--pid-file={directory / 'munged.pid'}",
                              f"--log-file={directory / 'munged.log'}",
                              f"--seed-file={directory / 'munged.seed'}",
                              "--origin=127.0.0.1"],
                   directory / "munged.out")
        self.wait_for("munged to answer", self.munge_works)

    def write_conf(self, hardware):
        r = self.root
        for d in ("state", "spool", "tmp"):
            (r / d).mkdir()
        # slurmd loads a cgroup plugin even when nothing uses cgroups, and the default
        # (autodetect) stops slurmd where /sys/fs/cgroup is missing; the v1 plugin touches
        # nothing until a cgroup is asked for, and none is (read from slurm.conf's directory).
        (r / "cgroup.conf").write_text("CgroupPlugin=cgroup/v1\n")
        (r / "plugstack.conf").write_text("")  # not the system's /etc/slurm/plugstack.conf
        node = " ".join(f"{k}={v}" for k, v in hardware.items())
        controller_port, node_port = free_ports(2)
        # SlurmUser=root: no slurm user in a fresh root. proctrack/linuxproc and task/none: no
        # cgroups (a container may have none writable). No accounting, no job completion log.
        # ReturnToService=2: the node is up as soon as its slurmd registers. MinJobAge=10 s (not
        # 300): `sbatch --wait` sleeps 2 s, then 4 times as long each time while the sleep is
        # below MinJobAge / 2 and 32 s, so it looks at 2, 10, 18, 26 s here, not 2, 10, 42 s.
        self.conf.write_text(f"""\
ClusterName=wfsimtest
SlurmctldHost={self.host}(127.0.0.1)
SlurmctldPort={controller_port}
SlurmdPort={node_port}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket={self.munge_socket}
StateSaveLocation={r}/state
SlurmdSpoolDir={r}/spool
TmpFS={r}/tmp
SlurmctldPidFile={r}/slurmctld.pid
SlurmdPidFile={r}/slurmd.pid
SlurmctldLogFile={r}/slurmctld.log
SlurmdLogFile={r}/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
PlugStackConfig={r}/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
MailProg=/bin/true
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MinJobAge=10
NodeName={self.host} NodeAddr=127.0.0.1 NodeHostname={self.host} {node} State=UNKNOWN
PartitionName=test Nodes={self.host} Default=YES MaxTime=INFINITE State=UP
""")

    def spawn(self, name, argv, log):
        out = open(log, "ab")
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                             env=self.env or clean_environment(), preexec_fn=die_with_parent)
        out.close()
        self.processes.append((name, p, log))

    def wait_for(self, what, ready):
        until = time.monotonic() + remaining(START_TIMEOUT)
        while True:
            for name, p, log in self.processes:
                if p.poll() is not None:
                    raise Failure(f"{name} exited with status {p.returncode} while waiting for "
                                  f"{what}; its output:\n{tail(log)}\n{self.logs()}")
            if ready():
                return
            if time.monotonic() > until:
                raise Failure(f"Slurm did not start: no {what} within {START_TIMEOUT:.0f} s\n"
                              f"{self.logs()}")
            time.sleep(0.2)

    def munge_works(self):
        s = f"--socket={self.munge_socket}"
        if not self.munge_socket.exists():
            return False
        cred = subprocess.run(["munge", s, "-n"], capture_output=True, timeout=10)
        if cred.returncode != 0:
            return False
        return subprocess.run(["unmunge", s], input=cred.stdout, capture_output=True,
                              timeout=10).returncode == 0

    def controller_up(self):
        out = self.run(["scontrol", "ping"], check=False, timeout=10)
        return out.returncode == 0 and " is UP" in out.stdout

    def node_idle(self):
        state = self.run(["sinfo", "-h", "-N", "-n", self.host, "-o", "%T"],
                         check=False, timeout=10).stdout.strip()
        if state.startswith(("drain", "down", "fail", "inval")):
            reason = self.run(["scontrol", "show", "node", self.host], check=False).stdout
            raise Failure(f"node {self.host} is {state}, not idle:\n{reason}\n{self.logs()}")
        return state == "idle"

    # -- using -------------------------------------------------------------------------------

    def run(self, argv, check=True, timeout=30, env=None, cwd=None):
        timeout = remaining(timeout)
        # In a session of its own, so that a timeout ends the command with its children (the
        # `sbatch --wait` that submit.sh starts would otherwise poll on after the test).
        p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env or self.env, cwd=cwd, start_new_session=True)
        try:
            stdout, stderr = p.communicate(timeout=timeout)
        except BaseException:
            os.killpg(p.pid, signal.SIGKILL)
            stdout, stderr = p.communicate()
            if not isinstance(sys.exc_info()[1], subprocess.TimeoutExpired):
                raise
            raise Failure(f"{' '.join(map(str, argv))} did not finish in {timeout:.0f} s:\n"
                          f"{stdout}{stderr}\n{self.queue()}\n{self.logs()}")
        out = subprocess.CompletedProcess(argv, p.returncode, stdout, stderr)
        if check and out.returncode != 0:
            raise Failure(f"{' '.join(map(str, argv))} failed ({out.returncode}):\n"
                          f"{out.stdout}{out.stderr}")
        return out

    def queue(self):
        try:
            out = subprocess.run(["squeue", "--all", "-o", "%i %j %T %r"], capture_output=True,
                                 text=True, env=self.env, timeout=10)
        except subprocess.TimeoutExpired:
            return "  squeue: no answer in 10 s"
        return "  squeue:\n" + "\n".join("    " + l for l in out.stdout.splitlines())

    def logs(self):
        return "\n".join(f"  {name} log:\n{tail(log)}" for name, _, log in
                         [("slurmctld", None, self.root / "slurmctld.log"),
                          ("slurmd", None, self.root / "slurmd.log"),
                          ("munged", None, self.root / "munge" / "munged.out")])

    # -- stopping ----------------------------------------------------------------------------

    def stop(self):
        if self.env and any(n == "slurmctld" and p.poll() is None for n, p, _ in self.processes):
            # Jobs of this cluster only (SLURM_CONF): their steps would outlive slurmd.
            try:
                subprocess.run(["scancel", "--full", "--user=root"], env=self.env,
                               capture_output=True, timeout=10)
            except subprocess.TimeoutExpired:
                pass
        for _, p, _ in reversed(self.processes):  # slurmd, slurmctld, then munged
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()


def clean_environment():
    # Nothing of a Slurm this test may itself run under (SLURM_JOB_ID, SLURM_CONF, SBATCH_*).
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLURM_", "SBATCH_", "SALLOC_", "SRUN_"))}
    env["PATH"] = env.get("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin"
    return env


def identical(cluster, a, b):
    """Whether two HDF5 files hold the same objects, attributes and values (h5diff), and why not.
    `h5diff -q` exits 0 for datasets it cannot compare (another shape or type), so those, which
    `h5diff -c` lists, count as differences too."""
    quick = cluster.run(["h5diff", "-q", str(a), str(b)], check=False)
    listed = cluster.run(["h5diff", "-c", str(a), str(b)], check=False)
    if quick.returncode == 0 and "Not comparable" not in listed.stdout:
        return True, ""
    return False, (f"h5diff -q: exit {quick.returncode}{quick.stderr}\n"
                   f"h5diff -c: exit {listed.returncode}\n{listed.stdout[:4000]}")


def check_sweep(cluster, wfsim, work):
    """The study as a job array of SHARDS tasks with a merge, against a plain sweep."""
    env = dict(cluster.env, WFSIM=str(wfsim))
    out = work / "array.h5"
    cpus = min(2, cluster.cpus)  # threads per shard, from SLURM_CPUS_PER_TASK
    started = time.monotonic()
    r = cluster.run(["sh", str(SUBMIT), "--cpus", str(cpus), "--wait", str(STUDY), str(SHARDS),
                     str(out)], check=False, env=env, timeout=JOB_TIMEOUT, cwd=work)
    elapsed = time.monotonic() - started
    shards = work / "array.shards"
    if r.returncode != 0 or not out.exists():
        logs = "\n".join(f"  {p.name}:\n{tail(p)}" for p in sorted(shards.glob("slurm-*.out")))
        raise Failure(f"submit.sh failed ({r.returncode}):\n{r.stdout}{r.stderr}\n{logs}\n"
                      f"{cluster.logs()}")
    array = re.search(r"job array (\d+)", r.stdout)
    merge = re.search(r"Submitted batch job (\d+)", r.stdout)
    if not array or not merge:
        raise Failure(f"no job ids in submit.sh's output:\n{r.stdout}")
    array, merge = array.group(1), merge.group(1)

    # Each task ran its own shard, with its threads from --cpus, and wrote its part.
    for task in range(SHARDS):
        log = shards / f"slurm-wfsim-sweep-{array}_{task}.out"
        text = log.read_text() if log.exists() else ""
        expect = [f"--shard {SHARDS} --threads {cpus} ",
                  f"(shard {task}/{SHARDS} of {STUDY_POINTS})"]
        if not all(e in text for e in expect):
            raise Failure(f"task {task}'s log {log} lacks {expect}:\n{text}")
        if not (shards / f"part_{task}.h5").is_file():
            raise Failure(f"task {task} wrote no part_{task}.h5")
    merge_log = (shards / f"slurm-wfsim-merge-{merge}.out").read_text()
    if f"merged {SHARDS} files -> {out}" not in merge_log:
        raise Failure(f"the merge job's log does not say it merged {SHARDS} parts:\n{merge_log}")

    # The merge waited for the array: in the controller's log, every task ended with status 0
    # before the merge job was allocated a CPU.
    log = (cluster.root / "slurmctld.log").read_text().splitlines()

    def line_of(pattern, what):
        for number, line in enumerate(log):
            if re.search(pattern, line):
                return number
        raise Failure(f"slurmctld.log has no line for {what} ({pattern!r})")

    ends = [line_of(rf"_job_complete: JobId={array}_{task}\(\d+\) WEXITSTATUS 0",
                    f"task {task} ending with status 0") for task in range(SHARDS)]
    start = line_of(rf"sched: Allocate JobId={merge} ", "the merge job's start")
    if start < max(ends):
        raise Failure(f"the merge job started before every task had ended:\n" +
                      "\n".join(log[min(ends + [start]):max(ends) + 1]))

    # The same study as one plain sweep: the same file, bit for bit.
    plain = work / "plain.h5"
    cluster.run([str(wfsim), "sweep", str(STUDY), "-o", str(plain), "-q", "--threads", "2"],
                timeout=120)
    same, detail = identical(cluster, out, plain)
    if not same:
        raise Failure(f"the merged sweep differs from the plain sweep:\n{detail}")
    # The comparison tells files apart: one shard is not the whole sweep.
    if identical(cluster, shards / "part_0.h5", plain)[0]:
        raise Failure("part_0.h5 compares identical to the whole sweep")
    print(f"job array {array} ({SHARDS} tasks, {cpus} CPUs each) and merge job {merge}: "
          f"{elapsed:.1f} s; merged file identical to the plain sweep")


def check_failed_shards(cluster, wfsim, work):
    """Shards that fail: the merge is cancelled, submit.sh fails, and no output appears."""
    bad = work / "bad_study.yaml"
    bad.write_text(STUDY.read_text().replace("scenario: scenario.yaml",
                                             "scenario: no_such_scenario.yaml"))
    env = dict(cluster.env, WFSIM=str(wfsim))
    out = work / "bad.h5"
    started = time.monotonic()
    r = cluster.run(["sh", str(SUBMIT), "--cpus", "1", "--wait", str(bad), str(SHARDS), str(out)],
                    check=False, env=env, timeout=JOB_TIMEOUT, cwd=work)
    if r.returncode == 0 or out.exists():
        raise Failure(f"submit.sh of a failing study: status {r.returncode}, "
                      f"output {'written' if out.exists() else 'absent'}:\n{r.stdout}{r.stderr}")
    if "did not complete" not in r.stderr:
        raise Failure(f"submit.sh of a failing study did not say so:\n{r.stdout}{r.stderr}")
    logs = "".join(p.read_text() for p in (work / "bad.shards").glob("slurm-wfsim-sweep-*.out"))
    if "no_such_scenario.yaml" not in logs:
        raise Failure(f"the failing tasks' logs do not name the missing scenario:\n{logs}")
    # The merge never ran: Slurm cancelled it when its dependency could no longer be met.
    merge = re.search(r"Submitted batch job (\d+)", r.stdout)
    if not merge:
        raise Failure(f"no merge job id in submit.sh's output:\n{r.stdout}")
    merge = merge.group(1)
    log = (cluster.root / "slurmctld.log").read_text()
    if f"cancelling JobId={merge}\n" not in log or f"Allocate JobId={merge} " in log:
        raise Failure(f"merge job {merge} was not cancelled before it started:\n"
                      f"{tail(cluster.root / 'slurmctld.log')}")
    if list((work / "bad.shards").glob("slurm-wfsim-merge-*.out")):
        raise Failure("the merge job ran (it has a log) although every shard failed")
    print(f"failing shards: merge cancelled, submit.sh status {r.returncode}, no output "
          f"({time.monotonic() - started:.1f} s)")


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    wfsim = Path(sys.argv[1]).resolve()
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(number, on_signal)
    root = None
    cluster = None
    try:
        if os.geteuid() != 0:
            raise Failure("must run as root: slurmd runs jobs as their user, and this Slurm "
                          "has SlurmUser=root")
        required_programs()
        if not wfsim.is_file():
            raise Failure(f"no wfsim program at {wfsim}")
        # 0755: munged wants every directory above its socket searchable by all.
        root = Path(tempfile.mkdtemp(prefix="wfsim-slurm-"))
        root.chmod(0o755)
        work = root / "work"  # the "shared" directory: jobs and submitter see the same files
        work.mkdir()
        started = time.monotonic()
        cluster = Cluster(root)
        cluster.start()
        print(f"Slurm up on {cluster.host} ({cluster.cpus} CPUs) in "
              f"{time.monotonic() - started:.1f} s")
        check_sweep(cluster, wfsim, work)
        check_failed_shards(cluster, wfsim, work)
    except (Failure, Stopped, subprocess.TimeoutExpired) as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    finally:
        # Whatever happened: ignore further signals while the daemons stop and files go.
        for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(number, signal.SIG_IGN)
        if cluster:
            cluster.stop()
        if root:
            shutil.rmtree(root, ignore_errors=True)
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
