#include "tools/wfsim/sweep_assembly.hpp"

#include <algorithm>
#include <string>
#include <system_error>

#include "output/journal_part.hpp"

namespace wfsim::cli {

SweepAssembly::SweepAssembly(std::filesystem::path out, output::SweepHeader header,
                             std::vector<std::int64_t> points)
    : out_(std::move(out)), header_(std::move(header)), points_(std::move(points)) {
    std::sort(points_.begin(), points_.end());
    added_.assign(points_.size(), false);
}

// Created at the first point, so that laying out the file (a few hundred datasets) also
// overlaps the simulation of other threads.
output::SweepWriter& SweepAssembly::writer() {
    if (!writer_) writer_.emplace(out_, header_, points_);
    return *writer_;
}

std::size_t SweepAssembly::slot(std::int64_t point) const {
    return static_cast<std::size_t>(std::lower_bound(points_.begin(), points_.end(), point) -
                                    points_.begin());
}

void SweepAssembly::add(const output::SweepPoint& point) {
    writer().write(point);  // refuses a point that does not belong
    added_[slot(point.index)] = true;
}

void SweepAssembly::expect(std::span<const std::int64_t> points) {
    expected_.insert(expected_.end(), points.begin(), points.end());
}

void SweepAssembly::catch_up(const SweepJournal& journal) {
    std::erase_if(expected_, [&](std::int64_t point) {
        const std::size_t i = slot(point);
        if (i == points_.size() || points_[i] != point) return true;  // not ours to assemble
        if (added_[i]) return true;
        // Journal files appear whole (written under a temporary name, then renamed).
        std::error_code error;
        if (!std::filesystem::exists(journal.point_file(point), error)) return false;
        read_from_journal(journal, i);
        return true;
    });
}

void SweepAssembly::read_from_journal(const SweepJournal& journal, std::size_t i) {
    writer().write(output::read_journal_part(journal.point_file(points_[i]), header_, points_[i]));
    added_[i] = true;
}

void SweepAssembly::finish(const SweepJournal& journal) {
    for (std::size_t i = 0; i < points_.size(); ++i) {
        if (!added_[i]) read_from_journal(journal, i);
    }
    writer().commit();
}

}  // namespace wfsim::cli
