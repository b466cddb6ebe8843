// The assembly pass of a sweep: what rank 0 does with the points other ranks ran (and what a
// resumed sweep does with an earlier run's). Runs a study's points on threads into a journal of
// one-point files, as wfsim sweep does, then times reading every part into a sweep file a few
// times and prints seconds, MB/s, file sizes and peak memory. The journal's files are fresh in the page cache, as on one machine;
// on a cluster's shared file system rank 0 reads them cold.
//
// Usage: bench_sweep_assembly STUDY.yaml WORKDIR [threads] [repeats]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "models/study/study.hpp"
#include "models/study/sweep.hpp"
#include "output/journal_part.hpp"
#include "output/sweep_file.hpp"

namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double megabytes(std::uintmax_t bytes) {
    return static_cast<double>(bytes) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s STUDY.yaml WORKDIR [threads] [repeats]\n", argv[0]);
        return 2;
    }
    const fs::path work = argv[2];
    const unsigned threads = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 0;
    const int repeats = argc > 4 ? std::max(1, std::atoi(argv[4])) : 3;
    const wfsim::model::Study study = wfsim::model::load_study(argv[1]);
    const wfsim::output::SweepHeader header = wfsim::model::sweep_header(study);
    const fs::path parts = work / "parts";
    fs::remove_all(parts);
    fs::create_directories(parts);
    const auto part = [&](std::int64_t p) {
        return parts / ("point-" + std::to_string(p) + ".h5");
    };

    std::vector<std::int64_t> all(study.points.size());
    for (std::size_t p = 0; p < all.size(); ++p) all[p] = static_cast<std::int64_t>(p);
    wfsim::model::ListedPoints source(all);
    double journaling = 0.0;  // seconds in the journal writes (serialised, as in wfsim sweep)
    const auto t0 = std::chrono::steady_clock::now();
    wfsim::model::run_points(study, source, threads, [&](wfsim::output::SweepPoint&& point) {
        const auto w0 = std::chrono::steady_clock::now();
        wfsim::output::write_journal_part(part(point.index), header, point);
        journaling += seconds_since(w0);
    });
    const double run = seconds_since(t0);

    std::vector<fs::path> inputs;
    std::uintmax_t journal_bytes = 0;
    for (const std::int64_t p : all) {
        inputs.push_back(part(p));
        journal_bytes += fs::file_size(inputs.back());
    }
    const fs::path out = work / "assembled.h5";
    std::vector<double> times;
    for (int r = 0; r < repeats; ++r) {
        fs::remove(out);
        const auto t1 = std::chrono::steady_clock::now();
        // What the leader does with points it did not run: read each part, write it in.
        wfsim::output::SweepWriter writer(out, header, all);
        for (const std::int64_t p : all) {
            writer.write(wfsim::output::read_journal_part(part(p), header, p));
        }
        writer.commit();
        times.push_back(seconds_since(t1));
    }
    std::sort(times.begin(), times.end());
    const double median = times[times.size() / 2];
    const std::uintmax_t out_bytes = fs::file_size(out);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);

    const double reps = static_cast<double>(all.size()) * study.replications;
    std::printf("study                  %s\n", argv[1]);
    std::printf("points x replications  %zu x %u, %zu samples, %zu metrics\n", all.size(),
                study.replications, header.time.size(), header.metrics.size());
    std::printf("run + journal          %.2f s (%.1f replications/s)\n", run, reps / run);
    std::printf("journal                %zu files, %.1f MB, %.1f ms per point written\n",
                inputs.size(), megabytes(journal_bytes),
                1e3 * journaling / static_cast<double>(all.size()));
    std::printf("assembly               %.3f s median of %d (min %.3f, max %.3f)\n", median,
                repeats, times.front(), times.back());
    std::printf("assembled file         %.1f MB, %.1f kB per point\n", megabytes(out_bytes),
                megabytes(out_bytes) * 1e3 / static_cast<double>(all.size()));
    std::printf("assembly rate          %.1f MB/s written, %.1f MB/s read, %.0f points/s\n",
                megabytes(out_bytes) / median, megabytes(journal_bytes) / median,
                static_cast<double>(all.size()) / median);
    std::printf("assembly share         %.1f %% of run + assembly\n",
                100.0 * median / (run + median));
    std::printf("peak RSS               %.1f MiB\n", usage.ru_maxrss / 1024.0);
    fs::remove_all(parts);
    return 0;
}
