// The comparison tables of a run file (/comparison/metrics and /comparison/targets): every
// column runs along its table's row dimension, netCDF's "dimension but not a variable" kept
// beside the table in /comparison so that the table group holds its columns only; the file
// still reads back whole.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <hdf5_hl.h>

#include <cstdint>
#include <filesystem>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "output/run_file.hpp"
#include "tests/support/hdf5_testing.hpp"

namespace fs = std::filesystem;
using wfsim::output::Comparison;
using wfsim::output::MetricDifference;
using wfsim::output::OptionRun;
using wfsim::output::read_run;
using wfsim::output::RunData;
using wfsim::output::SeriesTable;
using wfsim::output::TargetDifference;
using wfsim::output::TargetResult;
using wfsim::output::write_run;
using wfsim::testing::Id;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct ScratchDir : wfsim::testing::ScratchDir {
    ScratchDir() : wfsim::testing::ScratchDir("wfsim_test_comparison") {}
};

SeriesTable series(double offset) {
    SeriesTable table({{"headcount", "people", "staff in post"}}, 2, 2);
    for (std::size_t r = 0; r < 2; ++r) {
        for (std::size_t t = 0; t < 2; ++t) table.at(0, r, t) = offset + 10.0 * r + t;
    }
    return table;
}

TargetResult target(std::vector<std::uint8_t> met) {
    TargetResult t;
    t.name = "enough";
    t.metric = "headcount";
    t.op = ">=";
    t.value = 5;
    t.kind = "by";
    t.by = "2016-05-01";
    t.first_met_days.assign(met.size(), kNaN);
    t.met = std::move(met);
    return t;
}

// A baseline and two options; `metric_rows` rows in /comparison/metrics, two in its targets.
RunData compared_run(std::size_t metric_rows) {
    RunData run{{}, {0.0, 30.0}, {"2016-04-01", "2016-05-01"}, series(0.0)};
    run.meta.start_date = "2016-04-01";
    run.targets = {target({1, 0})};
    Comparison c;
    for (const char* name : {"more", "fewer"}) {
        c.options.push_back(OptionRun{name,
                                      std::string("the option ") + name,
                                      {"a.b: 1"},
                                      series(name[0] == 'm' ? 1.0 : -1.0),
                                      {target({1, 1})}});
    }
    for (std::size_t i = 0; i < metric_rows; ++i) {
        c.metrics.push_back(MetricDifference{i % 2 ? "fewer" : "more", "headcount", "2016-05-01",
                                             30.0, 5.5, 6.5, 1.0 + i, 0.0, 1.0, 1.0 + 2 * i, 2});
    }
    c.targets = {TargetDifference{"more", "enough", 0.5, 1.0, 0.5, -0.5, 1.5, 2},
                 TargetDifference{"fewer", "enough", 0.5, 1.0, 0.5, -0.5, 1.5, 2}};
    run.comparison = c;
    return run;
}

std::set<std::string> members(hid_t group) {
    H5G_info_t info{};
    EXPECT_GE(H5Gget_info(group, &info), 0);
    std::set<std::string> names;
    for (hsize_t i = 0; i < info.nlinks; ++i) {
        char name[256] = {};
        EXPECT_GT(H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name, sizeof name,
                                     H5P_DEFAULT),
                  0);
        names.insert(name);
    }
    return names;
}

// Every dataset in /comparison/<table> has /comparison/<row> on its one axis, `rows` long.
void expect_table_along(hid_t file, const std::string& table, const std::string& row,
                        std::size_t rows, const std::set<std::string>& columns) {
    Id group{H5Gopen2(file, ("comparison/" + table).c_str(), H5P_DEFAULT), H5Gclose};
    ASSERT_GE(group.id, 0) << table;
    EXPECT_EQ(members(group.id), columns) << table;  // nothing but the columns
    Id scale{H5Dopen2(file, ("comparison/" + row).c_str(), H5P_DEFAULT), H5Dclose};
    ASSERT_GE(scale.id, 0) << row;
    EXPECT_GT(H5DSis_scale(scale.id), 0) << row;
    Id space{H5Dget_space(scale.id), H5Sclose};
    EXPECT_EQ(H5Sget_simple_extent_npoints(space.id), static_cast<hssize_t>(rows)) << row;
    char name[128] = {};
    ASSERT_GT(H5DSget_scale_name(scale.id, name, sizeof name), 0) << row;
    const std::string length = std::to_string(rows);
    EXPECT_EQ(std::string(name), "This is a netCDF dimension but not a netCDF variable." +
                                     std::string(10 - length.size(), ' ') + length);
    for (const std::string& column : columns) {
        Id dataset{H5Dopen2(group.id, column.c_str(), H5P_DEFAULT), H5Dclose};
        ASSERT_GE(dataset.id, 0) << column;
        EXPECT_EQ(H5DSget_num_scales(dataset.id, 0), 1) << table << "/" << column;
        EXPECT_GT(H5DSis_attached(dataset.id, scale.id, 0), 0) << table << "/" << column;
    }
}

TEST(ComparisonTables, EveryColumnRunsAlongItsTablesRowDimension) {
    const std::set<std::string> metric_columns{
        "option",     "metric",        "date",   "time_days", "baseline_mean", "option_mean",
        "difference", "difference_sd", "ci_low", "ci_high",   "pairs"};
    const std::set<std::string> target_columns{"option",      "target",     "baseline_probability",
                                               "probability", "difference", "ci_low",
                                               "ci_high",     "pairs"};
    for (const std::size_t rows : {std::size_t{1}, std::size_t{12}}) {
        ScratchDir dir;
        const fs::path path = dir / "compare.h5";
        write_run(path, compared_run(rows));
        Id file{H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
        ASSERT_GE(file.id, 0);
        expect_table_along(file.id, "metrics", "metrics_row", rows, metric_columns);
        expect_table_along(file.id, "targets", "targets_row", 2, target_columns);
    }
}

TEST(ComparisonTables, ReadBackWithTheirDimensions) {
    ScratchDir dir;
    const fs::path path = dir / "compare.h5";
    const RunData written = compared_run(5);
    write_run(path, written);
    const RunData back = read_run(path);
    ASSERT_TRUE(back.comparison.has_value());
    const Comparison& c = *back.comparison;
    ASSERT_EQ(c.options.size(), 2u);
    EXPECT_EQ(c.options[1].name, "fewer");
    EXPECT_EQ(c.options[1].series.at(0, 1, 1), 10.0);
    ASSERT_EQ(c.metrics.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(c.metrics[i].option, written.comparison->metrics[i].option) << i;
        EXPECT_EQ(c.metrics[i].difference, 1.0 + i) << i;
        EXPECT_EQ(c.metrics[i].ci_high, 1.0 + 2 * i) << i;
        EXPECT_EQ(c.metrics[i].pairs, 2) << i;
    }
    ASSERT_EQ(c.targets.size(), 2u);
    EXPECT_EQ(c.targets[1].option, "fewer");
    EXPECT_EQ(c.targets[1].ci_low, -0.5);
}

// A comparison without targets has no targets table, and so no targets_row.
TEST(ComparisonTables, NoTargetsTableNoTargetsDimension) {
    ScratchDir dir;
    const fs::path path = dir / "compare.h5";
    RunData run = compared_run(3);
    run.targets.clear();
    for (OptionRun& option : run.comparison->options) option.targets.clear();
    run.comparison->targets.clear();
    write_run(path, run);
    Id file{H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
    EXPECT_EQ(H5Lexists(file.id, "comparison/targets", H5P_DEFAULT), 0);
    EXPECT_EQ(H5Lexists(file.id, "comparison/targets_row", H5P_DEFAULT), 0);
    EXPECT_GT(H5Lexists(file.id, "comparison/metrics_row", H5P_DEFAULT), 0);
    EXPECT_TRUE(read_run(path).comparison->targets.empty());
}

}  // namespace
