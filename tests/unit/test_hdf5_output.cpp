// Run files (output/): values and metadata round-trip bit for bit, writes are atomic, bad inputs
// are reported as OutputError naming the path, and the file carries the dimension scales that
// netCDF/xarray readers rely on.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/atomic_file.hpp"
#include "output/run_file.hpp"
#include "output/series_table.hpp"
#include "tests/support/hdf5_testing.hpp"

namespace fs = std::filesystem;
using wfsim::output::AtomicFile;
using wfsim::output::OutputError;
using wfsim::output::read_run;
using wfsim::output::RunData;
using wfsim::output::RunMetadata;
using wfsim::output::SeriesSpec;
using wfsim::output::SeriesTable;
using wfsim::output::write_run;

using wfsim::testing::Id;
using wfsim::testing::open_hdf5_objects;
using wfsim::testing::same_bits;

namespace {

// Scratch directories named after the test.
struct ScratchDir : wfsim::testing::ScratchDir {
    ScratchDir() : wfsim::testing::ScratchDir("wfsim_test_hdf5") {}
};

// Runs `action`, expecting OutputError with a one-line message containing every one of `parts`.
template <class Action>
void expect_output_error(Action action, const std::vector<std::string>& parts) {
    wfsim::testing::expect_error<OutputError>(action, parts);
}

// Values a careless writer or reader would change: NaNs with sign and payload, signed zeros,
// denormals, infinities and the extremes of the range.
std::vector<double> awkward_values() {
    return {
        std::numeric_limits<double>::quiet_NaN(),
        -std::numeric_limits<double>::quiet_NaN(),
        std::bit_cast<double>(std::uint64_t{0x7ff8'0000'dead'beefULL}),
        0.0,
        -0.0,
        std::numeric_limits<double>::denorm_min(),
        -2.2250738585072e-310,
        std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(),
        std::numeric_limits<double>::max(),
        std::numeric_limits<double>::lowest(),
        1.0 / 3.0,
    };
}

// 3 metrics x 4 replications x 5 samples. The metric order is deliberately not alphabetical,
// because HDF5 lists datasets alphabetically and the reader must not.
RunData sample_run(std::uint64_t seed = 18446744073709551557ULL) {
    SeriesTable table({{"zeta_headcount", "people", "Staff on the books"},
                       {"alpha_cost", "EUR/day", "Daily cost — incl. overtime"},
                       {"mid_backlog", "", ""}},
                      4, 5);
    const std::vector<double> awkward = awkward_values();
    std::size_t next = 0;
    for (std::size_t m = 0; m < table.metrics(); ++m) {
        for (std::size_t r = 0; r < table.replications(); ++r) {
            for (std::size_t t = 0; t < table.samples(); ++t) {
                // Mostly awkward values, with ordinary ones in between, in a pattern that
                // differs between rows so a transposed or shifted read is caught.
                table.at(m, r, t) = (next % 3 == 2) ? static_cast<double>(next) * 1.25
                                                    : awkward[next % awkward.size()];
                ++next;
            }
        }
    }
    RunMetadata meta;
    meta.wfsim_version = "0.1.0";
    meta.seed = seed;
    meta.scenario_name = "clinic-ünits";
    meta.scenario_yaml =
        "name: clinic\nstart: 2016-04-01\n# café — ≥ 3 staff\nroles:\n"
        "  - nurse\n  - doctor\n" +
        std::string(5000, 'x') + "\n";
    meta.start_date = "2016-04-01";
    meta.horizon_days = 121.75;
    meta.interval_days = 30.4375;
    return RunData{meta,
                   {0.0, 30.4375, 60.875, 91.3125, 121.75},
                   {"2016-04-01", "2016-05-01", "2016-05-31", "2016-07-01", "2016-07-31"},
                   std::move(table)};
}

}  // namespace

TEST(SeriesTable, StartsAsNaNAndAddressesRowsContiguously) {
    SeriesTable table({{"a", "", ""}, {"b", "", ""}}, 2, 3);
    EXPECT_TRUE(std::isnan(table.at(1, 1, 2)));
    table.at(1, 0, 2) = 7.0;
    const std::span<const double> row = std::as_const(table).row(1, 0);
    ASSERT_EQ(row.size(), 3u);
    EXPECT_EQ(row[2], 7.0);
    EXPECT_EQ(table.index_of("b"), 1u);
}

TEST(SeriesTable, RejectsUnknownNamesBadIndicesAndDuplicates) {
    SeriesTable table({{"a", "", ""}}, 1, 1);
    try {
        table.index_of("nope");
        ADD_FAILURE() << "no exception";
    } catch (const std::out_of_range& error) {
        EXPECT_NE(std::string(error.what()).find("nope"), std::string::npos);
    }
    EXPECT_THROW(table.at(0, 0, 1), std::out_of_range);
    EXPECT_THROW(table.row(0, 1), std::out_of_range);
    EXPECT_THROW(SeriesTable({{"a", "", ""}, {"a", "", ""}}, 1, 1), std::invalid_argument);
}

TEST(RunFile, RoundTripIsBitIdentical) {
    ScratchDir dir;
    const RunData written = sample_run();
    write_run(dir / "run.h5", written);
    const RunData read = read_run(dir / "run.h5");

    EXPECT_EQ(read.meta.wfsim_version, written.meta.wfsim_version);
    EXPECT_EQ(read.meta.seed, written.meta.seed);
    EXPECT_EQ(read.meta.scenario_name, written.meta.scenario_name);
    EXPECT_EQ(read.meta.scenario_yaml, written.meta.scenario_yaml);
    EXPECT_EQ(read.meta.start_date, written.meta.start_date);
    EXPECT_EQ(read.meta.horizon_days, written.meta.horizon_days);
    EXPECT_EQ(read.meta.interval_days, written.meta.interval_days);
    EXPECT_EQ(read.time, written.time);
    EXPECT_EQ(read.date, written.date);

    ASSERT_EQ(read.series.metrics(), 3u);
    ASSERT_EQ(read.series.replications(), 4u);
    ASSERT_EQ(read.series.samples(), 5u);
    for (std::size_t m = 0; m < 3; ++m) {
        const SeriesSpec& got = read.series.specs()[m];
        const SeriesSpec& want = written.series.specs()[m];
        EXPECT_EQ(got.name, want.name);
        EXPECT_EQ(got.units, want.units);
        EXPECT_EQ(got.description, want.description);
        for (std::size_t r = 0; r < 4; ++r) {
            EXPECT_TRUE(same_bits(read.series.row(m, r), written.series.row(m, r)))
                << "metric " << m << " replication " << r;
        }
    }
}

TEST(RunFile, EmptySeriesRoundTrip) {
    ScratchDir dir;
    RunData run{{}, {}, {}, SeriesTable({{"headcount", "people", ""}}, 3, 0)};
    write_run(dir / "empty.h5", run);
    const RunData read = read_run(dir / "empty.h5");
    EXPECT_EQ(read.series.replications(), 3u);
    EXPECT_EQ(read.series.samples(), 0u);
    EXPECT_TRUE(read.time.empty());
}

TEST(RunFile, WritingIntoMissingDirectoryThrowsAndLeavesNothing) {
    ScratchDir dir;
    const fs::path out = dir.path() / "missing" / "run.h5";
    expect_output_error([&] { write_run(out, sample_run()); },
                        {"cannot create", out.string(), "No such file or directory"});
    EXPECT_FALSE(fs::exists(out));
    EXPECT_TRUE(dir.entries().empty());
}

TEST(RunFile, WritingOverAnExistingFileReplacesIt) {
    ScratchDir dir;
    write_run(dir / "run.h5", sample_run(1));
    write_run(dir / "run.h5", sample_run(2));
    EXPECT_EQ(read_run(dir / "run.h5").meta.seed, 2u);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"run.h5"});
}

TEST(RunFile, FailedWriteKeepsThePreviousFileAndLeavesNoTempFile) {
    ScratchDir dir;
    write_run(dir / "run.h5", sample_run(1));
    // Fails inside HDF5 writing, after the temporary file exists: a variable-length HDF5 string
    // cannot hold a NUL byte.
    RunData bad = sample_run(2);
    bad.meta.scenario_yaml = std::string("a\0b", 3);
    expect_output_error([&] { write_run(dir / "run.h5", bad); },
                        {"cannot write", (dir / "run.h5").string(), "scenario_yaml", "NUL"});
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"run.h5"});
    EXPECT_EQ(open_hdf5_objects(), 0);
    EXPECT_EQ(read_run(dir / "run.h5").meta.seed, 1u);
}

TEST(RunFile, ErrorPrintingIsSilencedOnlyWhileInside) {
    ScratchDir dir;
    // A run file missing one attribute: reading it fails inside HDF5 (H5Aopen), which is what
    // would print HDF5's error stack.
    const fs::path path = dir / "run.h5";
    write_run(path, sample_run());
    {
        Id file{H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose};
        ASSERT_GE(file.id, 0);
        ASSERT_GE(H5Adelete(file.id, "seed"), 0);
    }
    H5E_auto2_t before = nullptr;
    void* before_data = nullptr;
    ASSERT_GE(H5Eget_auto2(H5E_DEFAULT, &before, &before_data), 0);
    ASSERT_NE(before, nullptr);  // HDF5's default prints the stack to stderr

    ::testing::internal::CaptureStderr();
    expect_output_error([&] { read_run(path); }, {path.string(), "'seed'"});
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");

    H5E_auto2_t after = nullptr;
    void* after_data = nullptr;
    ASSERT_GE(H5Eget_auto2(H5E_DEFAULT, &after, &after_data), 0);
    EXPECT_EQ(after, before);
    EXPECT_EQ(after_data, before_data);
    EXPECT_EQ(open_hdf5_objects(), 0);
}

TEST(RunFile, InconsistentRunIsRejectedBeforeTouchingTheDisk) {
    ScratchDir dir;
    RunData run = sample_run();
    run.date.pop_back();
    expect_output_error([&] { write_run(dir / "run.h5", run); },
                        {(dir / "run.h5").string(), "5 samples", "4 dates"});
    RunData slash{{}, {0.0}, {"2016-04-01"}, SeriesTable({{"a/b", "", ""}}, 1, 1)};
    expect_output_error([&] { write_run(dir / "run.h5", slash); }, {"'a/b'"});
    // The series group's coordinates hold these names.
    for (const char* taken : {"time", "replication"}) {
        RunData clash{{}, {0.0}, {"2016-04-01"}, SeriesTable({{taken, "", ""}}, 1, 1)};
        expect_output_error([&] { write_run(dir / "run.h5", clash); },
                            {"metric name '" + std::string(taken) + "'", "coordinate"});
    }
    EXPECT_TRUE(dir.entries().empty());
}

TEST(AtomicFile, TargetAppearsOnlyOnCommit) {
    ScratchDir dir;
    const fs::path target = dir / "run.h5";
    {
        AtomicFile file(target);
        EXPECT_NE(file.temp_path(), target);
        EXPECT_EQ(file.temp_path().parent_path(), target.parent_path());
        EXPECT_NE(file.temp_path().filename().string().find(".tmp-"), std::string::npos);
        EXPECT_TRUE(fs::exists(file.temp_path()));
        EXPECT_FALSE(fs::exists(target));
        file.commit();
        EXPECT_TRUE(fs::exists(target));
    }
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"run.h5"});
    {
        AtomicFile abandoned(dir / "other.h5");  // never committed: must vanish
    }
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"run.h5"});
}

TEST(RunFile, ReadingAMissingFileNamesIt) {
    ScratchDir dir;
    expect_output_error([&] { read_run(dir / "absent.h5"); },
                        {(dir / "absent.h5").string(), "No such file or directory"});
}

TEST(RunFile, ReadingANonHdf5FileNamesIt) {
    ScratchDir dir;
    std::ofstream(dir / "notes.h5") << "just some text\n";
    expect_output_error([&] { read_run(dir / "notes.h5"); },
                        {(dir / "notes.h5").string(), "not an HDF5 file"});
}

TEST(RunFile, ReadingAForeignHdf5FileNamesIt) {
    ScratchDir dir;
    const fs::path path = dir / "foreign.h5";
    {
        Id file{H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose};
        ASSERT_GE(file.id, 0);
    }
    expect_output_error([&] { read_run(path); }, {path.string(), "not a wfsim run file"});
    EXPECT_EQ(open_hdf5_objects(), 0);
}

TEST(RunFile, ReadingAnotherFormatVersionNamesIt) {
    ScratchDir dir;
    const fs::path path = dir / "future.h5";
    write_run(path, sample_run());
    {
        Id file{H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose};
        ASSERT_GE(file.id, 0);
        ASSERT_GE(H5Adelete(file.id, "format"), 0);
        Id space{H5Screate(H5S_SCALAR), H5Sclose};
        Id type{H5Tcopy(H5T_C_S1), H5Tclose};
        H5Tset_size(type.id, H5T_VARIABLE);
        Id attribute{H5Acreate2(file.id, "format", type.id, space.id, H5P_DEFAULT, H5P_DEFAULT),
                     H5Aclose};
        const char* future = "wfsim-run-99";
        ASSERT_GE(H5Awrite(attribute.id, type.id, &future), 0);
    }
    expect_output_error([&] { read_run(path); },
                        {path.string(), "unsupported format 'wfsim-run-99'"});
}

TEST(RunFile, SeriesHaveReplicationAndTimeDimensionScales) {
    ScratchDir dir;
    const fs::path path = dir / "run.h5";
    write_run(path, sample_run());

    Id file{H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
    ASSERT_GE(file.id, 0);
    Id time{H5Dopen2(file.id, "time", H5P_DEFAULT), H5Dclose};
    Id replication{H5Dopen2(file.id, "replication", H5P_DEFAULT), H5Dclose};
    Id date{H5Dopen2(file.id, "date", H5P_DEFAULT), H5Dclose};
    ASSERT_GE(time.id, 0);
    ASSERT_GE(replication.id, 0);
    ASSERT_GE(date.id, 0);
    EXPECT_GT(H5DSis_scale(time.id), 0);
    EXPECT_GT(H5DSis_scale(replication.id), 0);
    EXPECT_EQ(H5DSis_scale(date.id), 0);
    EXPECT_GT(H5DSis_attached(date.id, time.id, 0), 0);

    // The series group has its own copies of both scales (netCDF and xarray take a group's
    // coordinates from that group only), the same values and attributes as the root's.
    Id series_time{H5Dopen2(file.id, "series/time", H5P_DEFAULT), H5Dclose};
    Id series_replication{H5Dopen2(file.id, "series/replication", H5P_DEFAULT), H5Dclose};
    ASSERT_GE(series_time.id, 0);
    ASSERT_GE(series_replication.id, 0);
    EXPECT_GT(H5DSis_scale(series_time.id), 0);
    EXPECT_GT(H5DSis_scale(series_replication.id), 0);
    const auto doubles = [](hid_t dataset) {
        std::vector<double> values(16, -1.0);
        EXPECT_GE(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                          values.data()),
                  0);
        return values;
    };
    EXPECT_EQ(doubles(series_time.id), doubles(time.id));
    EXPECT_EQ(doubles(series_replication.id), doubles(replication.id));
    for (const char* attribute : {"units", "calendar", "long_name"}) {
        EXPECT_GT(H5Aexists(series_time.id, attribute), 0) << attribute;
    }
    EXPECT_GT(H5Aexists(series_replication.id, "long_name"), 0);

    for (const char* metric : {"series/zeta_headcount", "series/alpha_cost"}) {
        Id series{H5Dopen2(file.id, metric, H5P_DEFAULT), H5Dclose};
        ASSERT_GE(series.id, 0) << metric;
        EXPECT_GT(H5DSis_attached(series.id, series_replication.id, 0), 0) << metric;
        EXPECT_GT(H5DSis_attached(series.id, series_time.id, 1), 0) << metric;
        EXPECT_EQ(H5DSis_attached(series.id, series_time.id, 0), 0) << metric;
        EXPECT_EQ(H5DSis_attached(series.id, time.id, 1), 0) << metric;

        // Chunked with deflate, as the format promises.
        Id creation{H5Dget_create_plist(series.id), H5Pclose};
        EXPECT_EQ(H5Pget_layout(creation.id), H5D_CHUNKED);
        unsigned flags = 0;
        std::size_t count = 1;
        unsigned level = 0;
        EXPECT_GE(H5Pget_filter_by_id2(creation.id, H5Z_FILTER_DEFLATE, &flags, &count, &level, 0,
                                       nullptr, nullptr),
                  0);
        EXPECT_EQ(level, 4u);
    }
}
