#include "output/journal_part.hpp"

#include <hdf5.h>

#include <algorithm>
#include <string>
#include <vector>

#include "output/atomic_file.hpp"
#include "output/hdf5_attributes.hpp"
#include "output/hdf5_compression.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_error.hpp"
#include "output/hdf5_files.hpp"
#include "output/run_file.hpp"
#include "output/run_layout.hpp"
#include "output/sweep_names.hpp"

namespace wfsim::output {

namespace {

using hdf5::check;
using hdf5::Handle;
using hdf5::own;

constexpr char kSeries[] = "series";
constexpr char kMet[] = "met";
constexpr char kFirstMet[] = "first_met_days";
constexpr char kOutcome[] = "target_outcome";
constexpr char kPoint[] = "point";
constexpr char kValues[] = "values";

// Chunks of whole metrics (or of replications, for a metric bigger than the chunk limit), so
// that each is compressed once and no chunk outgrows HDF5's default cache.
std::vector<hsize_t> series_chunk(hsize_t metrics, hsize_t replications, hsize_t samples) {
    const hsize_t row = std::max<hsize_t>(1, samples * sizeof(double));
    const hsize_t reps = std::clamp<hsize_t>(hdf5::kMaxChunkBytes / row, 1, replications);
    const hsize_t whole = std::clamp<hsize_t>(hdf5::kMaxChunkBytes / (row * reps), 1, metrics);
    return {whole, reps, std::max<hsize_t>(1, samples)};
}

bool same_shape(const SweepPoint& point, const SweepHeader& h) {
    return point.series.metrics() == h.metrics.size() &&
           point.series.replications() == h.replications &&
           point.series.samples() == h.time.size() && point.targets.size() == h.targets.size() &&
           point.values.size() == h.axes.size();
}

}  // namespace

void write_journal_part(const std::filesystem::path& file, const SweepHeader& h,
                        const SweepPoint& point) {
    const std::string where = "cannot write " + file.string();
    if (!same_shape(point, h)) {
        throw SweepError(where + ": point " + std::to_string(point.index) +
                         " has results of another shape than the study's");
    }
    const hsize_t M = h.metrics.size(), R = h.replications, T = h.time.size();
    const hsize_t K = h.targets.size();
    try {
        AtomicFile atomic(file);
        const hdf5::QuietErrors quiet;
        try {
            Handle access = own(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "setting up file access");
            // Read back only by wfsim with this HDF5: the newer format is smaller and quicker.
            check(H5Pset_libver_bounds(access.get(), H5F_LIBVER_V110, H5F_LIBVER_V110),
                  "setting up file access");
            Handle h5 = own(H5Fcreate(atomic.temp_path().c_str(), H5F_ACC_TRUNC, H5P_DEFAULT,
                                      access.get()),
                            H5Fclose, "creating the HDF5 file");
            const hid_t f = h5.get();
            hdf5::write_attribute(f, layout::kFormat, std::string(kJournalPartFormatName));
            hdf5::write_attribute(f, sweep_layout::kFingerprint, h.fingerprint);
            hdf5::write_attribute(f, kPoint, point.index);
            hdf5::write_attribute(f, kValues, point.values);
            if (M * R * T > 0) {
                std::vector<double> series;
                series.reserve(M * R * T);
                for (std::size_t m = 0; m < M; ++m) {
                    for (std::size_t r = 0; r < R; ++r) {
                        const auto row = point.series.row(m, r);
                        series.insert(series.end(), row.begin(), row.end());
                    }
                }
                // The fastest level: a part is written once, read once and then deleted.
                const Handle creation = hdf5::compressed_creation(series_chunk(M, R, T), 1);
                hdf5::write_dataset(f, kSeries, {M, R, T}, std::span<const double>(series),
                                    creation.get());
            }
            if (K * R > 0) {
                std::vector<std::uint8_t> met;
                std::vector<double> first_met, outcome;
                for (const TargetResult& t : point.targets) {
                    if (t.met.size() != R || t.first_met_days.size() != R) {
                        throw hdf5::Error("target '" + t.name + "' has results of another shape");
                    }
                    met.insert(met.end(), t.met.begin(), t.met.end());
                    first_met.insert(first_met.end(), t.first_met_days.begin(),
                                     t.first_met_days.end());
                    outcome.insert(outcome.end(), {t.probability, t.ci_low, t.ci_high});
                }
                hdf5::write_dataset(f, kMet, {K, R}, std::span<const std::uint8_t>(met));
                hdf5::write_dataset(f, kFirstMet, {K, R}, std::span<const double>(first_met));
                hdf5::write_dataset(f, kOutcome, {K, 3}, std::span<const double>(outcome));
            }
            check(h5.close(), "closing the file");
        } catch (const hdf5::Error& e) {
            throw SweepWriteError(where + ": " + e.what());
        }
        atomic.commit();
    } catch (const OutputError& e) {
        throw SweepWriteError(e.what());
    }
}

SweepPoint read_journal_part(const std::filesystem::path& file, const SweepHeader& h,
                             std::int64_t index) {
    const std::string where = "cannot read " + file.string();
    const hsize_t M = h.metrics.size(), R = h.replications, T = h.time.size();
    const hsize_t K = h.targets.size();
    SweepPoint point;
    point.index = index;
    point.series = SeriesTable(h.metrics, R, T);
    const hdf5::QuietErrors quiet;
    try {
        const Handle h5 = hdf5::open_formatted(file, kJournalPartFormatName,
                                               "not a point of a wfsim sweep's journal");
        const hid_t f = h5.get();
        const std::string fingerprint = hdf5::read_string_attribute(f, sweep_layout::kFingerprint);
        const std::int64_t stored = hdf5::read_int64_attribute(f, kPoint);
        if (fingerprint != h.fingerprint || stored != index) {
            throw SweepError(where + ": it is point " + std::to_string(stored) + " of the study " +
                             "with fingerprint " + fingerprint + ", not point " +
                             std::to_string(index) + " of this study (" + h.fingerprint + ")");
        }
        point.values = hdf5::read_string_list_attribute(f, kValues);
        if (point.values.size() != h.axes.size()) {
            throw hdf5::Error("it has " + std::to_string(point.values.size()) +
                              " parameter values, not " + std::to_string(h.axes.size()));
        }
        if (M * R * T > 0) {
            Handle d = hdf5::open_dataset(f, kSeries);
            const std::vector<double> series = hdf5::read_doubles(d.get(), kSeries, {M, R, T});
            auto from = series.begin();
            for (std::size_t m = 0; m < M; ++m) {
                for (std::size_t r = 0; r < R; ++r, from += static_cast<std::ptrdiff_t>(T)) {
                    std::copy_n(from, T, point.series.row(m, r).begin());
                }
            }
        }
        std::vector<std::uint8_t> met;
        std::vector<double> first_met, outcome;
        if (K * R > 0) {
            Handle m = hdf5::open_dataset(f, kMet);
            met = hdf5::read_uint8s(m.get(), kMet, {K, R});
            Handle first = hdf5::open_dataset(f, kFirstMet);
            first_met = hdf5::read_doubles(first.get(), kFirstMet, {K, R});
            Handle o = hdf5::open_dataset(f, kOutcome);
            outcome = hdf5::read_doubles(o.get(), kOutcome, {K, 3});
        }
        for (std::size_t k = 0; k < K; ++k) {
            TargetResult t = h.targets[k];  // the definition; the outcomes are the point's
            const auto at = static_cast<std::ptrdiff_t>(k * R);
            t.met.assign(met.begin() + at, met.begin() + at + static_cast<std::ptrdiff_t>(R));
            t.first_met_days.assign(first_met.begin() + at,
                                    first_met.begin() + at + static_cast<std::ptrdiff_t>(R));
            if (R > 0) {
                t.probability = outcome[3 * k];
                t.ci_low = outcome[3 * k + 1];
                t.ci_high = outcome[3 * k + 2];
            }
            point.targets.push_back(std::move(t));
        }
    } catch (const hdf5::Error& e) {
        throw SweepError(where + ": " + e.what());
    }
    return point;
}

}  // namespace wfsim::output
