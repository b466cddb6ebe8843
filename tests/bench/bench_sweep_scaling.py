#!/usr/bin/python3
"""Sweep scaling: a study run by wfsim sweep on 1 and 2 threads and on 1 and 2 MPI ranks
(mpirun, one thread per rank), side by side: the four alternate round by round, in a rotating
order, and each is reported by its median, since the machine is shared and noisy. Then a study
of one point on 1 and 2 threads (the threads share its replications), the fixed cost of
starting a sweep alone and under mpirun, and the assembly pass (bench_sweep_assembly). Prints
figures; it is a benchmark, not a test.

Usage: /usr/bin/python3 tests/bench/bench_sweep_scaling.py BUILD_DIR
           [--rounds 5] [--replications 24] [--years 10] [--mpirun mpirun]

The study: the core scenario over 4 referral rates x 3 turnover rates (12 points whose cost
grows with the referrals, about 2x from the cheapest to the dearest), 24 replications each, so
that a 1-worker run takes some 6-8 s and the fixed costs (reported apart) stay small beside it;
then the same work as 48 points of 6 replications.
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


def write_scenario(directory, name, years):
    with open(os.path.join(SOURCE, "scenarios", "core.yaml")) as f:
        core = f.read()
    core = core.replace("horizon: 10 years", "horizon: %d years" % years)
    with open(os.path.join(directory, name), "w") as f:
        f.write(core)


def write_study(directory, name, scenario, replications, parameters):
    study = os.path.join(directory, name)
    with open(study, "w") as f:
        f.write("scenario: %s\nreplications: %d\nparameters:\n%s" % (scenario, replications, parameters))
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


def compare_workers(wfsim, mpirun, study, points, reps, args, out, env):
    """1 and 2 threads, 1 and 2 MPI ranks on `study`, alternating round by round; prints the
    medians and the 2/1 ratios."""
    replications = points * reps
    sweep = [wfsim, "sweep", study, "-o", out, "-q", "--threads"]
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

    print("study: core scenario, %d years, %d points x %d replications = %d replications"
          % (args.years, points, reps, replications))
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
    print("ratio 2/1 MPI ranks  %.2fx\n" % (rate["2 MPI ranks"] / rate["1 MPI rank"]))
    sys.stdout.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--replications", type=int, default=24)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--mpirun", default="mpirun")
    args = parser.parse_args()
    wfsim = os.path.join(args.build, "tools", "wfsim", "wfsim")
    assembly = os.path.join(args.build, "tests", "bench_sweep_assembly")
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")

    with tempfile.TemporaryDirectory(prefix="wfsim-bench-") as work:
        write_scenario(work, "core.yaml", args.years)
        write_scenario(work, "short.yaml", 1)
        out = os.path.join(work, "out.h5")
        mpirun = [args.mpirun, "--oversubscribe", "-n"]
        # The same work twice: 12 points of 24 replications, then 48 points of 6, whose finer
        # grain leaves less idle at the end (a rank cannot help with another rank's point).
        coarse = write_study(work, "scaling.yaml", "core.yaml", args.replications,
                             "  - { path: demand.referrals_per_year, values: [6000, 8000, 10000, 12000] }\n"
                             "  - { path: turnover.social_worker.annual_rate, values: [0.1, 0.15, 0.2] }\n")
        fine = write_study(work, "fine.yaml", "core.yaml", max(1, args.replications // 4),
                           "  - { path: demand.referrals_per_year, values: [6000, 6500, 7000, 7500, "
                           "8000, 8500, 9000, 9500, 10000, 10500, 11000, 12000] }\n"
                           "  - { path: turnover.social_worker.annual_rate, values: [0.1, 0.13, 0.17, 0.2] }\n")
        for study, points, reps in ((coarse, 12, args.replications),
                                    (fine, 48, max(1, args.replications // 4))):
            compare_workers(wfsim, mpirun, study, points, reps, args, out, env)
        launch = statistics.median(
            timed([args.mpirun, "--oversubscribe", "-n", "2", wfsim, "--version"], env)[0]
            for _ in range(3))
        print("mpirun -n 2 launch   %.2f s (mpirun -n 2 wfsim --version)" % launch)

        one_point = write_study(work, "one_point.yaml", "core.yaml", 4 * args.replications,
                                "  - { path: demand.referrals_per_year, values: [10000] }\n")
        tiny = write_study(work, "tiny.yaml", "short.yaml", 1,
                           "  - { path: demand.referrals_per_year, values: [8000] }\n")
        # One point: only sharing its replications lets a second thread help.
        one = {}
        for r in range(args.rounds):
            for threads in ((1, 2) if r % 2 == 0 else (2, 1)):
                wall, _ = timed([wfsim, "sweep", one_point, "-o", out, "-q", "--threads",
                                 str(threads)], env)
                one.setdefault(threads, []).append(wall)
                os.remove(out)
        print("\none point x %d replications: 1 thread %.2f s, 2 threads %.2f s, ratio %.2fx"
              % (4 * args.replications, statistics.median(one[1]), statistics.median(one[2]),
                 statistics.median(one[1]) / statistics.median(one[2])))

        # What a sweep costs before and after its points: one 1-year replication.
        startup = {}
        starts = [("alone", [wfsim, "sweep", tiny, "-o", out, "-q", "--threads", "1"]),
                  ("mpirun -n 1", mpirun + ["1", wfsim, "sweep", tiny, "-o", out, "-q"]),
                  ("mpirun -n 2", mpirun + ["2", wfsim, "sweep", tiny, "-o", out, "-q"])]
        for r in range(args.rounds):
            for name, command in starts:
                startup.setdefault(name, []).append(timed(command, env)[0])
                os.remove(out)
        print("fixed cost of a sweep (one 1-year replication): " +
              ", ".join("%s %.2f s" % (name, statistics.median(startup[name])) for name, _ in starts))
        sys.stdout.flush()

        print("\nassembly pass (bench_sweep_assembly, 2 threads, 5 passes):")
        sys.stdout.flush()
        subprocess.run([assembly, coarse, work, "2", "5"], check=True)


if __name__ == "__main__":
    main()
