#include "tools/wfsim/sweep_assembly.hpp"

#include <algorithm>
#include <string>

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

void SweepAssembly::add(const output::SweepPoint& point) {
    const auto at = std::lower_bound(points_.begin(), points_.end(), point.index);
    writer().write(point);  // refuses a point that does not belong
    added_[static_cast<std::size_t>(at - points_.begin())] = true;
}

void SweepAssembly::finish(const SweepJournal& journal) {
    output::SweepWriter& w = writer();
    for (std::size_t i = 0; i < points_.size(); ++i) {
        if (added_[i]) continue;
        const std::filesystem::path part = journal.point_file(points_[i]);
        const output::SweepReader reader(part);
        if (reader.header().fingerprint != header_.fingerprint || reader.points().size() != 1 ||
            reader.points().front() != points_[i]) {
            throw output::SweepError("cannot assemble " + out_.string() + ": " + part.string() +
                                     " is not point " + std::to_string(points_[i]) +
                                     " of this study");
        }
        w.write(reader.read(0));
    }
    w.commit();
}

}  // namespace wfsim::cli
