#!/bin/sh
# Submits a wfsim sweep to Slurm: a job array of N shards (sweep.sbatch) and a merge job
# (merge.sbatch) that starts when every shard has succeeded and writes OUT.
#
#   tools/slurm/submit.sh [--cpus C] [--wait] STUDY.yaml N OUT.h5
#
# Run it from a directory every compute node sees. The parts go to OUT's directory, in
# <OUT without .h5>.shards/ (made here; neither it nor OUT may exist yet), with each job's log
# beside them; OUT is written by the merge job. --cpus sets the threads of each shard (default:
# sweep.sbatch's --cpus-per-task). --wait returns when the merge job has ended, with status 0
# only if OUT was written; otherwise the job ids are printed and this returns at once. If a
# shard fails, Slurm cancels the merge job (its dependency can never be met): see the README for
# running that shard again and merging by hand. The partition, time limit, memory or account of
# both jobs can be set with sbatch's environment variables (SBATCH_PARTITION, SBATCH_TIMELIMIT,
# SBATCH_MEM_PER_NODE, SBATCH_ACCOUNT) or in the two .sbatch files. wfsim is WFSIM if set (made
# absolute here), else the one on PATH, on the compute nodes as here.
set -eu

usage() {
    echo "usage: $0 [--cpus C] [--wait] STUDY.yaml N OUT.h5" >&2
    exit 2
}
cpus=
wait=
while [ $# -gt 0 ]; do
    case $1 in
        --cpus) [ $# -ge 2 ] || usage; cpus=$2; shift 2 ;;
        --wait) wait=--wait; shift ;;
        --) shift; break ;;
        -*) usage ;;
        *) break ;;
    esac
done
[ $# -eq 3 ] || usage
case $2 in
    ''|*[!0-9]*|0) echo "$0: N must be a whole number above 0, not '$2'" >&2; exit 2 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
study=$(realpath -e "$1") || { echo "$0: no study file $1" >&2; exit 2; }
shards=$2
out=$(realpath -m "$3")
dir=${out%.h5}.shards
# Neither may exist: the parts of an earlier sweep would be merged with these, and an earlier
# OUT would look like this sweep's when its merge was cancelled.
for f in "$out" "$dir"; do
    if [ -e "$f" ]; then
        echo "$0: $f exists (from an earlier sweep?): remove it or choose another OUT" >&2
        exit 2
    fi
done
mkdir -p "$dir"
if [ -n "${WFSIM:-}" ]; then
    WFSIM=$(realpath -e "$WFSIM") || { echo "$0: WFSIM=$WFSIM does not exist" >&2; exit 2; }
    export WFSIM
fi

array=$(sbatch --parsable --array="0-$((shards - 1))" ${cpus:+--cpus-per-task="$cpus"} \
    --chdir="$dir" --output="$dir/slurm-%x-%A_%a.out" \
    "$here/sweep.sbatch" "$study" "$shards" "$dir") || { rmdir "$dir"; exit 1; }
array=${array%%;*}  # --parsable prints "id;cluster" on a multi-cluster setup
echo "sweep: job array $array ($shards tasks) -> $dir/part_*.h5"
# --kill-on-invalid-dep: if a shard fails, cancel the merge rather than leave it pending forever.
set -- --dependency="afterok:$array" --kill-on-invalid-dep=yes --chdir="$dir" \
    --output="$dir/slurm-%x-%j.out" "$here/merge.sbatch" "$out" "$dir"
if [ -z "$wait" ]; then
    merge=$(sbatch --parsable "$@")
    echo "merge: job ${merge%%;*} -> $out (after job $array succeeds)"
    exit 0
fi
echo "merge: -> $out (after job $array succeeds); waiting for it"
# sbatch --wait returns the merge job's exit status, but 0 when the job was cancelled (a shard
# failed), so the test is also that OUT exists.
status=0
sbatch --wait "$@" || status=$?
if [ "$status" -ne 0 ] || [ ! -f "$out" ]; then
    echo "$0: the sweep did not complete (the merge job's status: $status; no $out):" \
        "see $dir/slurm-*.out" >&2
    exit 1
fi
echo "sweep complete: $out"
