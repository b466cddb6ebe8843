#include "tools/wfsim/progress.hpp"

#include <string>

#include <unistd.h>

namespace wfsim::cli {

Progress::Progress(std::FILE* stream, bool quiet)
    : stream_(stream), quiet_(quiet), terminal_(isatty(fileno(stream)) != 0) {}

void Progress::update(std::uint32_t done, std::uint32_t total) {
    if (quiet_) return;
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - started_).count();
    const double rate = elapsed > 0.0 ? done / elapsed : 0.0;
    const double eta = rate > 0.0 ? (total - done) / rate : 0.0;
    if (terminal_) {
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(kWidth * static_cast<double>(done) / total);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(kWidth, '.');
        std::fprintf(stream_, "\r[%s] %u/%u replications  %.1f/s  ETA %.0fs ", bar.c_str(), done,
                     total, rate, eta);
        std::fflush(stream_);
        drew_ = true;
        return;
    }
    // Plain lines at most every 5 seconds, and always the last one.
    if (done < total && now - last_line_ < std::chrono::seconds(5)) return;
    last_line_ = now;
    std::fprintf(stream_, "wfsim: %u/%u replications done (%.1f/s, ETA %.0fs)\n", done, total, rate,
                 eta);
    std::fflush(stream_);
}

void Progress::update_points(std::uint64_t done, std::uint64_t total, std::uint64_t resumed,
                             std::uint64_t replications_per_point) {
    if (quiet_) return;
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - started_).count();
    const auto reps = [&](std::uint64_t points) {
        return static_cast<double>(points * replications_per_point);
    };
    const double rate = elapsed > 0.0 ? reps(done - resumed) / elapsed : 0.0;
    const double eta = rate > 0.0 ? reps(total - done) / rate : 0.0;
    if (terminal_) {
        constexpr int kWidth = 30;
        const int filled = total ? static_cast<int>(kWidth * static_cast<double>(done) / total) : kWidth;
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(kWidth, '.');
        std::fprintf(stream_, "\r[%s] %llu/%llu points, %.0f/%.0f replications  %.1f/s  ETA %.0fs ",
                     bar.c_str(), static_cast<unsigned long long>(done),
                     static_cast<unsigned long long>(total), reps(done), reps(total), rate, eta);
        std::fflush(stream_);
        drew_ = true;
        return;
    }
    if (done < total && now - last_line_ < std::chrono::seconds(5)) return;
    last_line_ = now;
    std::fprintf(stream_,
                 "wfsim: %llu/%llu points done, %.0f/%.0f replications (%.1f/s, ETA %.0fs)\n",
                 static_cast<unsigned long long>(done), static_cast<unsigned long long>(total),
                 reps(done), reps(total), rate, eta);
    std::fflush(stream_);
}

void Progress::finish() {
    if (drew_) std::fputc('\n', stream_);
    drew_ = false;
}

}  // namespace wfsim::cli
