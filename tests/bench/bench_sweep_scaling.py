#!/usr/bin/python3
"""Sweep scaling: one study run by wfsim sweep on 1 and 2 threads and on 1 and 2 MPI ranks
(mpirun, one thread per rank), side by side: the four alternate round by round, in a rotating
order, and each is reported by its median, since the machine is shared and noisy. Then the
assembly pass (bench_sweep_assembly). Prints figures; it is a benchmark, not a test.

Usage: /usr/bin/python3 tests/bench/bench_sweep_scaling.py BUILD_DIR
           [--rounds 5] [--replications 8] [--years 10] [--mpirun mpirun]

The study: the core scenario over 4 referral rates x 3 turnover rates (12 points whose cost
grows with the referrals, about 2x from the cheapest to the dearest).
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))


def write_study(directory, years, replications):
    with open(os.path.join(SOURCE, "scenarios", "core.yaml")) as f:
        core = f.read()
    core = core.replace("horizon: 10 years", "horizon: %d years" % years)
    with open(os.path.join(directory, "core.yaml"), "w") as f:
        f.write(core)
    study = os.path.join(directory, "scaling.yaml")
    with open(study, "w") as f:
        f.write("scenario: core.yaml\n"
                "replications: %d\n"
                "parameters:\n"
                "  - { path: demand.referrals_per_year, values: [6000, 8000, 10000, 12000] }\n"
                "  - { path: turnover.social_worker.annual_rate, values: [0.1, 0.15, 0.2] }\n"
                % replications)
    return study


def timed(command, env):
    """Wall seconds and the children's CPU seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (result.returncode, " ".join(command), result.stderr))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--replications", type=int, default=8)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--mpirun", default="mpirun")
    args = parser.parse_args()
    wfsim = os.path.join(args.build, "tools", "wfsim", "wfsim")
    assembly = os.path.join(args.build, "tests", "bench_sweep_assembly")
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")

    with tempfile.TemporaryDirectory(prefix="wfsim-bench-") as work:
        study = write_study(work, args.years, args.replications)
        points = 12
        replications = points * args.replications
        out = os.path.join(work, "out.h5")
        sweep = [wfsim, "sweep", study, "-o", out, "-q", "--threads"]
        mpirun = [args.mpirun, "--oversubscribe", "-n"]
        configs = [
            ("1 thread", sweep + ["1"]),
            ("2 threads", sweep + ["2"]),
            ("1 MPI rank", mpirun + ["1"] + sweep + ["1"]),
            ("2 MPI ranks", mpirun + ["2"] + sweep + ["1"]),
        ]
        walls = {name: [] for name, _ in configs}
        cpus = {name: [] for name, _ in configs}
        load_before = os.getloadavg()[0]
        for r in range(args.rounds):
            for name, command in configs[r % 4:] + configs[:r % 4]:
                wall, cpu = timed(command, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
                os.remove(out)
        load_after = os.getloadavg()[0]
        launch = statistics.median(
            timed([args.mpirun, "--oversubscribe", "-n", "2", wfsim, "--version"], env)[0]
            for _ in range(3))

        print("study: core scenario, %d years, %d points x %d replications = %d replications"
              % (args.years, points, args.replications, replications))
        print("%d rounds, alternating; load average %.1f before, %.1f after (2 cores)"
              % (args.rounds, load_before, load_after))
        # CPU/wall: the cores the run got; on a shared machine it shows what the others left.
        # Replications per CPU second: the work per replication, whatever the cores.
        print("%-12s %9s %9s %9s %9s %9s %12s"
              % ("", "median s", "min s", "max s", "reps/s", "CPU/wall", "reps/CPU s"))
        rate = {}
        for name, _ in configs:
            median = statistics.median(walls[name])
            cpu = statistics.median(cpus[name])
            rate[name] = replications / median
            print("%-12s %9.2f %9.2f %9.2f %9.2f %9.2f %12.2f"
                  % (name, median, min(walls[name]), max(walls[name]), rate[name], cpu / median,
                     replications / cpu))
        print("ratio 2/1 threads    %.2fx" % (rate["2 threads"] / rate["1 thread"]))
        print("ratio 2/1 MPI ranks  %.2fx" % (rate["2 MPI ranks"] / rate["1 MPI rank"]))
        print("mpirun -n 2 launch   %.2f s (mpirun -n 2 wfsim --version)" % launch)
        sys.stdout.flush()

        print("\nassembly pass (bench_sweep_assembly, 2 threads, 5 merges):")
        sys.stdout.flush()
        subprocess.run([assembly, study, work, "2", "5"], check=True)


if __name__ == "__main__":
    main()
