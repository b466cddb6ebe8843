#!/bin/sh
# Installs every Debian 12 package wfsim needs to build, test and plot (chromium renders wfsim
# report's HTML page, headless, in a test; Open MPI runs wfsim sweep over the ranks of a job;
# slurm-wlm and munge run a one-node Slurm for the job array test, which starts its own daemons
# with their own key, socket, ports and files, beside whatever these packages' services do).
# Run as root (or with sudo). Safe to run again: apt-get skips what is already installed.
set -eu
if [ "$(id -u)" -ne 0 ]; then
    exec sudo "$0" "$@"
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends \
    build-essential cmake ninja-build pkg-config \
    libboost-dev libyaml-cpp-dev libhdf5-dev hdf5-tools libcli11-dev \
    libgtest-dev libgmock-dev \
    openmpi-bin libopenmpi-dev \
    chromium \
    slurm-wlm munge \
    python3 python3-h5py python3-numpy python3-matplotlib \
    python3-pandas python3-xarray python3-h5netcdf python3-netcdf4 \
    >/dev/null
echo "wfsim: dependencies installed"
