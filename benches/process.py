#!/usr/bin/env python3
"""Whole-process timings of leverage builds against each other, in one run (issue #10).

On a shared machine the speed drifts by a third within minutes, so timing one build after the
other (as `hyperfine A B` does) compares the machine as much as the builds. This script runs the
commands in rounds, each round in a new random order, and reports for each command its median,
its 10th and 25th percentiles, and the median of its round-by-round ratio to the first command:
the drift is common to every round, so the ratio is what the builds differ by.

    python3 benches/process.py --rounds 500 \\
        'target/release/leverage suggest' '/tmp/leverage-old suggest'

Each command runs with its standard output to /dev/null (opened for writing: leverage takes a
read-write /dev/null for a closed stream). Ten warm-up runs of each come first. The times include
starting a process from Python, about 0.2 ms more than hyperfine's `-N`.
"""

import argparse
import os
import random
import shlex
import statistics
import subprocess
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("commands", nargs="+", help="commands to time; the first is the reference")
    ap.add_argument("--rounds", type=int, default=300)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1, help="seed of the order of each round")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    argvs = [shlex.split(c) for c in args.commands]
    times = [[] for _ in argvs]
    with open(os.devnull, "w") as sink:
        def run(argv):
            start = time.perf_counter()
            status = subprocess.run(argv, stdout=sink).returncode
            elapsed = time.perf_counter() - start
            if status != 0:
                raise SystemExit(f"`{shlex.join(argv)}` exited with {status}")
            return elapsed

        for argv in argvs:
            for _ in range(args.warmup):
                run(argv)
        for _ in range(args.rounds):
            order = list(range(len(argvs)))
            rng.shuffle(order)
            for i in order:
                times[i].append(run(argvs[i]))
    load = os.getloadavg()
    print(f"{args.rounds} rounds, load average after {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print("| command | median | p10 | p25 | ratio to the first (median of rounds) |")
    print("|---|---|---|---|---|")
    for cmd, t in zip(args.commands, times):
        s = sorted(t)
        ratio = statistics.median(a / b for a, b in zip(t, times[0]))
        print(f"| `{cmd}` | {statistics.median(s) * 1e3:.2f} ms | {s[len(s) // 10] * 1e3:.2f} ms "
              f"| {s[len(s) // 4] * 1e3:.2f} ms | {ratio:.3f} |")


if __name__ == "__main__":
    main()
