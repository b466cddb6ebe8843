// Sweep files (output/sweep_file.hpp): a hand-made study's points written in any order read back
// dataset by dataset (parameters as numbers or text, series bit for bit, the summaries against
// hand computation, targets), and every refusal of the writer and of merge_sweeps with its exact
// one-line message and nothing left at the output.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <sys/resource.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "output/journal_part.hpp"
#include "output/sweep_file.hpp"
#include "tests/support/hdf5_testing.hpp"

namespace wfsim::output {
namespace {

using testing::Id;
using testing::open_hdf5_objects;
using testing::same_bits;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kReplications = 4;

struct ScratchDir : testing::ScratchDir {
    ScratchDir() : testing::ScratchDir("wfsim_test_sweep") {}
    std::string file(const char* name) const { return (path() / name).string(); }
};

// A study of `total` points, 4 replications, 3 monthly samples, two metrics and two targets;
// its axes: a number, durations written with units or without, and the options axis.
SweepHeader header(std::int64_t total = 5, std::string fingerprint = "0123456789abcdef") {
    SweepHeader h;
    h.fingerprint = std::move(fingerprint);
    h.wfsim_version = "0.0.test";
    h.study_name = "hand-made";
    h.study_yaml = "scenario: s.yaml\n";
    h.scenario_yaml = "name: s\n";
    h.design = "grid";
    h.streams = "common";
    h.seed = 7;
    h.total_points = total;
    h.replications = kReplications;
    h.start_date = "2016-04-01";
    h.horizon_days = 60.875;
    h.interval_days = 30.4375;
    h.axes = {"turnover.social_worker.annual_rate", "recruitment.vacancy_fill_time.median",
              "option"};
    h.metrics = {{"vacancies", "posts", "Vacant posts"},
                 {"mean_caseload", "cases", "Allocated cases per case-holding worker"}};
    h.time = {0.0, 30.4375, 60.875};
    h.date = {"2016-04-01", "2016-05-01", "2016-05-31"};
    TargetResult by;
    by.name = "vacancies_by";
    by.metric = "vacancies";
    by.op = "<=";
    by.value = 10;
    by.kind = "by";
    by.by = "2016-05-31";
    TargetResult held;
    held.name = "caseload held";  // a space, as unnamed targets' names have
    held.metric = "mean_caseload";
    held.op = ">=";
    held.value = 1e9;
    held.kind = "for";
    held.for_days = 30.4375;
    h.targets = {by, held};
    return h;
}

// Point p's results: every value distinct and depending on p, with NaN replications in
// mean_caseload (a metric undefined in some replications) and first_met NaN where not met.
SweepPoint point(const SweepHeader& h, std::int64_t p) {
    SweepPoint s;
    s.index = p;
    s.values = {std::to_string(p) + ".5", p % 2 ? "2 months" : "90", p % 2 ? "base" : "drive"};
    s.series = SeriesTable(h.metrics, h.replications, h.time.size());
    for (std::size_t m = 0; m < h.metrics.size(); ++m) {
        for (std::size_t r = 0; r < h.replications; ++r) {
            for (std::size_t t = 0; t < h.time.size(); ++t) {
                s.series.at(m, r, t) = 1000.0 * static_cast<double>(p) + 100.0 * m + 10.0 * r + t;
            }
        }
    }
    s.series.at(1, 1, 0) = kNaN;
    for (std::size_t r = 0; r < h.replications; ++r) s.series.at(1, r, 1) = kNaN;
    for (std::size_t k = 0; k < h.targets.size(); ++k) {
        TargetResult t = h.targets[k];
        std::size_t met = 0;
        for (std::size_t r = 0; r < h.replications; ++r) {
            const bool yes = (static_cast<std::size_t>(p) + r + k) % 3 == 0;
            t.met.push_back(yes ? 1 : 0);
            t.first_met_days.push_back(yes ? 30.4375 * static_cast<double>(r) : kNaN);
            met += yes;
        }
        t.probability = static_cast<double>(met) / static_cast<double>(h.replications);
        t.ci_low = t.probability / 2;
        t.ci_high = (1 + t.probability) / 2;
        s.targets.push_back(std::move(t));
    }
    return s;
}

void write_sweep(const std::filesystem::path& out, const SweepHeader& h,
                 const std::vector<std::int64_t>& order) {
    SweepWriter writer(out, h, order);
    for (const std::int64_t p : order) writer.write(point(h, p));
    writer.commit();
}

// A whole dataset of doubles, read with the HDF5 C API (not through the reader under test).
std::vector<double> raw_doubles(const std::filesystem::path& file, const std::string& path) {
    Id f{H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
    Id d{H5Dopen2(f.id, path.c_str(), H5P_DEFAULT), H5Dclose};
    Id space{H5Dget_space(d.id), H5Sclose};
    EXPECT_GE(d.id, 0) << path;
    std::vector<double> values(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.id)));
    EXPECT_GE(H5Dread(d.id, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), 0);
    return values;
}

H5T_class_t raw_class(const std::filesystem::path& file, const std::string& path) {
    Id f{H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose};
    Id d{H5Dopen2(f.id, path.c_str(), H5P_DEFAULT), H5Dclose};
    Id type{H5Dget_type(d.id), H5Tclose};
    return H5Tget_class(type.id);
}

const std::vector<std::string> kSummaries = {"mean", "p5", "p50", "p95"};

// Two sweep files hold the same study, points and results: every header field, every point's
// values, series and targets bit for bit, and every summary dataset.
void expect_same_sweep(const std::filesystem::path& a, const std::filesystem::path& b) {
    const SweepReader x(a), y(b);
    const SweepHeader &hx = x.header(), &hy = y.header();
    EXPECT_EQ(hx.fingerprint, hy.fingerprint);
    EXPECT_EQ(hx.wfsim_version, hy.wfsim_version);
    EXPECT_EQ(hx.study_name, hy.study_name);
    EXPECT_EQ(hx.study_yaml, hy.study_yaml);
    EXPECT_EQ(hx.scenario_yaml, hy.scenario_yaml);
    EXPECT_EQ(hx.design, hy.design);
    EXPECT_EQ(hx.streams, hy.streams);
    EXPECT_EQ(hx.seed, hy.seed);
    EXPECT_EQ(hx.total_points, hy.total_points);
    EXPECT_EQ(hx.replications, hy.replications);
    EXPECT_EQ(hx.start_date, hy.start_date);
    EXPECT_EQ(hx.axes, hy.axes);
    EXPECT_EQ(hx.time, hy.time);
    EXPECT_EQ(hx.date, hy.date);
    ASSERT_EQ(x.points(), y.points());
    for (std::size_t slot = 0; slot < x.points().size(); ++slot) {
        const SweepPoint px = x.read(slot), py = y.read(slot);
        EXPECT_EQ(px.values, py.values) << "slot " << slot;
        for (std::size_t m = 0; m < hx.metrics.size(); ++m) {
            for (std::size_t r = 0; r < hx.replications; ++r) {
                EXPECT_TRUE(same_bits(px.series.row(m, r), py.series.row(m, r)))
                    << "slot " << slot << " metric " << m << " replication " << r;
            }
        }
        ASSERT_EQ(px.targets.size(), py.targets.size());
        for (std::size_t t = 0; t < px.targets.size(); ++t) {
            EXPECT_EQ(px.targets[t].met, py.targets[t].met);
            EXPECT_TRUE(same_bits(px.targets[t].first_met_days, py.targets[t].first_met_days));
            EXPECT_EQ(px.targets[t].probability, py.targets[t].probability);
            EXPECT_EQ(px.targets[t].ci_low, py.targets[t].ci_low);
            EXPECT_EQ(px.targets[t].ci_high, py.targets[t].ci_high);
        }
    }
    for (const SeriesSpec& m : hx.metrics) {
        for (const std::string& s : kSummaries) {
            const std::string path = "/summary/" + m.name + "/" + s;
            EXPECT_TRUE(same_bits(raw_doubles(a, path), raw_doubles(b, path))) << path;
        }
    }
}

void expect_reads_back(const std::filesystem::path& out, const SweepHeader& h);

TEST(SweepFile, EveryDatasetReadsBackAsWritten) {
    ScratchDir dir;
    const auto out = dir / "sweep.h5";
    const SweepHeader h = header();
    write_sweep(out, h, {2, 4, 1});  // not in order
    EXPECT_EQ(open_hdf5_objects(), 0);
    expect_reads_back(out, h);
    EXPECT_EQ(open_hdf5_objects(), 0);
}

void expect_reads_back(const std::filesystem::path& out, const SweepHeader& h) {
    const SweepReader reader(out);
    const SweepHeader& back = reader.header();
    EXPECT_EQ(back.fingerprint, h.fingerprint);
    EXPECT_EQ(back.wfsim_version, h.wfsim_version);
    EXPECT_EQ(back.study_name, h.study_name);
    EXPECT_EQ(back.study_yaml, h.study_yaml);
    EXPECT_EQ(back.scenario_yaml, h.scenario_yaml);
    EXPECT_EQ(back.design, h.design);
    EXPECT_EQ(back.streams, h.streams);
    EXPECT_EQ(back.seed, h.seed);
    EXPECT_EQ(back.total_points, 5);
    EXPECT_EQ(back.replications, kReplications);
    EXPECT_EQ(back.start_date, h.start_date);
    EXPECT_EQ(back.horizon_days, h.horizon_days);
    EXPECT_EQ(back.interval_days, h.interval_days);
    EXPECT_EQ(back.axes, h.axes);  // in study order
    ASSERT_EQ(back.metrics.size(), 2u);
    EXPECT_EQ(back.metrics[1].name, "mean_caseload");
    EXPECT_EQ(back.metrics[1].units, "cases");
    EXPECT_EQ(back.metrics[1].description, h.metrics[1].description);
    EXPECT_EQ(back.time, h.time);
    EXPECT_EQ(back.date, h.date);
    ASSERT_EQ(back.targets.size(), 2u);
    EXPECT_EQ(back.targets[0].by, "2016-05-31");
    EXPECT_EQ(back.targets[1].name, "caseload held");
    EXPECT_EQ(back.targets[1].kind, "for");
    EXPECT_EQ(back.targets[1].for_days, 30.4375);

    // Points ascending, whatever order they were written in.
    ASSERT_EQ(reader.points(), (std::vector<std::int64_t>{1, 2, 4}));
    EXPECT_EQ(raw_doubles(out, "/point"), (std::vector<double>{1, 2, 4}));
    for (std::size_t slot = 0; slot < 3; ++slot) {
        const std::int64_t p = reader.points()[slot];
        const SweepPoint expected = point(h, p);
        const SweepPoint got = reader.read(slot);
        EXPECT_EQ(got.index, p);
        EXPECT_EQ(got.values, expected.values) << "point " << p;
        for (std::size_t m = 0; m < 2; ++m) {
            for (std::size_t r = 0; r < kReplications; ++r) {
                EXPECT_TRUE(same_bits(got.series.row(m, r), expected.series.row(m, r)))
                    << "point " << p << " metric " << m << " replication " << r;
            }
        }
        for (std::size_t t = 0; t < 2; ++t) {
            const TargetResult &a = got.targets[t], &b = expected.targets[t];
            EXPECT_EQ(a.name, b.name);
            EXPECT_EQ(a.met, b.met) << "point " << p << " target " << t;
            EXPECT_TRUE(same_bits(a.first_met_days, b.first_met_days));
            EXPECT_EQ(a.probability, b.probability);
            EXPECT_EQ(a.ci_low, b.ci_low);
            EXPECT_EQ(a.ci_high, b.ci_high);
        }
    }
    // Parameters: numbers where every value is one, text otherwise.
    EXPECT_EQ(raw_class(out, "/parameters/turnover.social_worker.annual_rate"), H5T_FLOAT);
    EXPECT_EQ(raw_doubles(out, "/parameters/turnover.social_worker.annual_rate"),
              (std::vector<double>{1.5, 2.5, 4.5}));
    EXPECT_EQ(raw_class(out, "/parameters/recruitment.vacancy_fill_time.median"), H5T_STRING);
    EXPECT_EQ(raw_class(out, "/parameters/option"), H5T_STRING);
    // Target probabilities and intervals, one per point, beside the parameters.
    const std::string target = "/targets/caseload held/";
    std::vector<double> probability;
    for (const std::int64_t p : {1, 2, 4})
        probability.push_back(point(h, p).targets[1].probability);
    EXPECT_EQ(raw_doubles(out, target + "probability"), probability);
    EXPECT_EQ(raw_doubles(out, target + "ci_low").size(), 3u);
    EXPECT_EQ(raw_doubles(out, target + "ci_high").size(), 3u);
    EXPECT_EQ(raw_doubles(out, target + "met").size(), 3 * kReplications);
}

// The summaries against hand computation: type-7 quantiles (NumPy's default) of the
// replications' values at each sample, NaN replications left out, NaN when all are.
TEST(SweepFile, SummariesAreTheMeanAndQuantilesOfTheReplicationsWithoutNaN) {
    ScratchDir dir;
    const auto out = dir / "sweep.h5";
    const SweepHeader h = header(1);
    SweepPoint p = point(h, 0);
    // vacancies: t0 {4, NaN, 1, 2}; t1 all NaN; t2 {1, 2, 3, 4} (in another order).
    const double values[3][kReplications] = {
        {4, kNaN, 1, 2}, {kNaN, kNaN, kNaN, kNaN}, {3, 1, 4, 2}};
    for (std::size_t r = 0; r < kReplications; ++r) {
        for (std::size_t t = 0; t < 3; ++t) p.series.at(0, r, t) = values[t][r];
    }
    {
        SweepWriter writer(out, h, {0});
        writer.write(p);
        writer.commit();
    }
    const auto mean = raw_doubles(out, "/summary/vacancies/mean");
    const auto p5 = raw_doubles(out, "/summary/vacancies/p5");
    const auto p50 = raw_doubles(out, "/summary/vacancies/p50");
    const auto p95 = raw_doubles(out, "/summary/vacancies/p95");
    ASSERT_EQ(mean.size(), 3u);  // [P = 1, T = 3]
    // t0: {1, 2, 4}; position (n - 1) q = 0.1, 1 and 1.9 between order statistics.
    EXPECT_DOUBLE_EQ(mean[0], 7.0 / 3.0);
    EXPECT_DOUBLE_EQ(p5[0], 1.0 + 0.1 * (2.0 - 1.0));
    EXPECT_DOUBLE_EQ(p50[0], 2.0);
    EXPECT_DOUBLE_EQ(p95[0], 2.0 + 0.9 * (4.0 - 2.0));
    // t1: no replication has a value.
    EXPECT_TRUE(std::isnan(mean[1]) && std::isnan(p5[1]) && std::isnan(p50[1]) &&
                std::isnan(p95[1]));
    // t2: {1, 2, 3, 4}; positions 0.15, 1.5 and 2.85.
    EXPECT_DOUBLE_EQ(mean[2], 2.5);
    EXPECT_DOUBLE_EQ(p5[2], 1.15);
    EXPECT_DOUBLE_EQ(p50[2], 2.5);
    EXPECT_DOUBLE_EQ(p95[2], 3.85);
    // mean_caseload: at t0 replication 1 is NaN, so the others {100, 120, 130} (point 0).
    const auto caseload = raw_doubles(out, "/summary/mean_caseload/mean");
    EXPECT_DOUBLE_EQ(caseload[0], (100.0 + 120.0 + 130.0) / 3.0);
    EXPECT_TRUE(std::isnan(caseload[1]));
}

TEST(SweepFile, PointsWrittenInAnyOrderGiveTheSameFile) {
    ScratchDir dir;
    const SweepHeader h = header();
    write_sweep(dir / "ascending.h5", h, {0, 1, 2, 3, 4});
    write_sweep(dir / "shuffled.h5", h, {3, 0, 4, 2, 1});
    expect_same_sweep(dir / "ascending.h5", dir / "shuffled.h5");
}

TEST(SweepFile, CommitRefusesAMissingPointAndLeavesNothing) {
    ScratchDir dir;
    const auto out = dir / "sweep.h5";
    const SweepHeader h = header();
    {
        SweepWriter writer(out, h, {1, 2, 4});
        writer.write(point(h, 4));
        writer.write(point(h, 1));
        try {
            writer.commit();
            ADD_FAILURE() << "committed without point 2";
        } catch (const SweepError& e) {
            EXPECT_EQ(std::string(e.what()),
                      "cannot write " + out.string() + ": point 2 has no results");
        }
    }
    EXPECT_TRUE(dir.entries().empty());  // neither the output nor its temporary
    EXPECT_EQ(open_hdf5_objects(), 0);
}

TEST(SweepFile, APointOfAnotherShapeOrNotInTheFileIsRefusedAndTheRestStillWrites) {
    ScratchDir dir;
    const auto out = dir / "sweep.h5";
    const SweepHeader h = header();
    const std::string prefix = "cannot write " + out.string() + ": point ";
    SweepWriter writer(out, h, {1, 2});
    const auto refused = [&](const SweepPoint& p) {
        try {
            writer.write(p);
        } catch (const SweepError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    SweepPoint fewer = point(h, 2);
    fewer.series = SeriesTable(h.metrics, kReplications - 1, h.time.size());
    EXPECT_EQ(refused(fewer), prefix + "2 has results of another shape than the study's");
    SweepPoint shorter = point(h, 2);
    shorter.series = SeriesTable(h.metrics, kReplications, h.time.size() - 1);
    EXPECT_EQ(refused(shorter), prefix + "2 has results of another shape than the study's");
    SweepPoint values = point(h, 2);
    values.values.pop_back();
    EXPECT_EQ(refused(values), prefix + "2 has results of another shape than the study's");
    SweepPoint targets = point(h, 2);
    targets.targets.pop_back();
    EXPECT_EQ(refused(targets), prefix + "2 has results of another shape than the study's");
    EXPECT_EQ(refused(point(h, 3)), prefix + "3 does not belong in this file");
    writer.write(point(h, 2));
    writer.write(point(h, 1));
    writer.commit();
    write_sweep(dir / "plain.h5", h, {1, 2});
    expect_same_sweep(out, dir / "plain.h5");
}

TEST(SweepFile, AWriterRefusesAPointListedTwice) {
    ScratchDir dir;
    const auto out = dir / "sweep.h5";
    try {
        SweepWriter writer(out, header(), {1, 3, 1});
        ADD_FAILURE() << "accepted point 1 twice";
    } catch (const SweepError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "cannot write " + out.string() + ": a point is listed twice");
    }
    EXPECT_TRUE(dir.entries().empty());
}

TEST(SweepFile, AFileWithNoPointsHasTheStudysHeader) {
    ScratchDir dir;
    const auto out = dir / "empty.h5";
    SweepWriter(out, header(), {}).commit();
    const SweepReader reader(out);
    EXPECT_TRUE(reader.points().empty());
    EXPECT_EQ(reader.header().total_points, 5);
    EXPECT_EQ(reader.header().axes, header().axes);
    EXPECT_EQ(reader.header().targets.size(), 2u);
}

// ---------------------------------------------------------------------------------------------
// merge_sweeps

// The message of the SweepError `action` throws, or `success`.
template <class Action>
std::string sweep_error(Action action, const char* success) {
    try {
        action();
    } catch (const SweepError& e) {
        return e.what();
    }
    return success;
}

std::string merge_error(const std::vector<std::filesystem::path>& inputs,
                        const std::filesystem::path& out) {
    return sweep_error([&] { merge_sweeps(inputs, out); }, "merged");
}

TEST(SweepMerge, ShardsInAnyOrderGiveTheFileOfTheWholeStudy) {
    ScratchDir dir;
    const SweepHeader h = header();
    write_sweep(dir / "whole.h5", h, {0, 1, 2, 3, 4});
    write_sweep(dir / "a.h5", h, {0, 3});
    write_sweep(dir / "b.h5", h, {4, 1});
    write_sweep(dir / "c.h5", h, {2});
    SweepWriter(dir / "none.h5", h, {}).commit();  // a shard that had no points
    merge_sweeps({dir / "c.h5", dir / "none.h5", dir / "b.h5", dir / "a.h5"}, dir / "merged.h5");
    expect_same_sweep(dir / "whole.h5", dir / "merged.h5");
    EXPECT_EQ(open_hdf5_objects(), 0);
}

TEST(SweepMerge, RefusesAnotherStudysFile) {
    ScratchDir dir;
    write_sweep(dir / "a.h5", header(), {0, 1, 2});
    write_sweep(dir / "b.h5", header(5, "fedcba9876543210"), {3, 4});
    EXPECT_EQ(merge_error({dir / "a.h5", dir / "b.h5"}, dir / "out.h5"),
              "cannot merge " + (dir / "b.h5").string() +
                  ": it is from another study (fingerprint fedcba9876543210, " +
                  (dir / "a.h5").string() + " has 0123456789abcdef)");
    EXPECT_FALSE(std::filesystem::exists(dir / "out.h5"));
}

TEST(SweepMerge, RefusesAPointInTwoFiles) {
    ScratchDir dir;
    write_sweep(dir / "a.h5", header(), {0, 1, 2});
    write_sweep(dir / "b.h5", header(), {1, 3, 4});
    EXPECT_EQ(merge_error({dir / "a.h5", dir / "b.h5"}, dir / "out.h5"),
              "cannot merge " + (dir / "b.h5").string() + ": point 1 is also in " +
                  (dir / "a.h5").string());
    EXPECT_FALSE(std::filesystem::exists(dir / "out.h5"));
}

TEST(SweepMerge, RefusesAMissingPoint) {
    ScratchDir dir;
    write_sweep(dir / "a.h5", header(), {0, 1});
    write_sweep(dir / "b.h5", header(), {3, 4});
    EXPECT_EQ(merge_error({dir / "a.h5", dir / "b.h5"}, dir / "out.h5"),
              "cannot merge into " + (dir / "out.h5").string() +
                  ": point 2 of 5 is in none of the files");
    EXPECT_FALSE(std::filesystem::exists(dir / "out.h5"));
    // A shard's own file may lack the other shards' points.
    merge_sweeps({dir / "a.h5", dir / "b.h5"}, dir / "part.h5", /*allow_missing=*/true);
    EXPECT_EQ(SweepReader(dir / "part.h5").points(), (std::vector<std::int64_t>{0, 1, 3, 4}));
}

TEST(SweepMerge, RefusesWhatIsNoSweepFile) {
    ScratchDir dir;
    write_sweep(dir / "a.h5", header(), {0});
    std::ofstream(dir / "text.h5") << "not HDF5\n";
    EXPECT_EQ(merge_error({dir / "a.h5", dir / "text.h5"}, dir / "out.h5"),
              "cannot read " + (dir / "text.h5").string() + ": not an HDF5 file");
    {
        Id f{H5Fcreate((dir / "other.h5").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
             H5Fclose};
    }
    EXPECT_EQ(merge_error({dir / "other.h5"}, dir / "out.h5"),
              "cannot read " + (dir / "other.h5").string() + ": not a wfsim sweep file");
    EXPECT_EQ(merge_error({}, dir / "out.h5"), "nothing to merge");
    EXPECT_FALSE(std::filesystem::exists(dir / "out.h5"));
}

// A sweep's journal holds a file per point, far more than a process may have open at once:
// merging them must not keep them all open.
TEST(SweepMerge, MergesMoreFilesThanTheProcessMayHaveOpen) {
    ScratchDir dir;
    constexpr std::int64_t kPoints = 150;
    const SweepHeader h = header(kPoints);
    std::vector<std::filesystem::path> parts;
    for (std::int64_t p = kPoints; p-- > 0;) {
        parts.push_back(dir.path() / ("point-" + std::to_string(p) + ".h5"));
        write_sweep(parts.back(), h, {p});
    }
    rlimit before{};
    ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &before), 0);
    rlimit low = before;
    low.rlim_cur = 64;
    ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &low), 0);
    const std::string result = merge_error(parts, dir / "merged.h5");
    ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &before), 0);
    ASSERT_EQ(result, "merged");
    const SweepReader merged(dir / "merged.h5");
    ASSERT_EQ(merged.points().size(), static_cast<std::size_t>(kPoints));
    EXPECT_EQ(merged.read(77).values, point(h, 77).values);
}

// A journal part holds one point's series and target outcomes; read with the sweep's header it
// gives back the point exactly (NaN bits included, definitions from the header).
TEST(JournalPart, ReadsBackThePointAsWritten) {
    ScratchDir dir;
    const SweepHeader h = header();
    const SweepPoint written = point(h, 3);
    const std::filesystem::path part = dir.path() / "point-3.h5";
    write_journal_part(part, h, written);
    const SweepPoint read = read_journal_part(part, h, 3);
    EXPECT_EQ(read.index, 3);
    EXPECT_EQ(read.values, written.values);
    for (std::size_t m = 0; m < h.metrics.size(); ++m)
        for (std::size_t r = 0; r < h.replications; ++r)
            EXPECT_TRUE(same_bits(read.series.row(m, r), written.series.row(m, r)))
                << "metric " << m << " replication " << r;
    ASSERT_EQ(read.targets.size(), written.targets.size());
    for (std::size_t k = 0; k < h.targets.size(); ++k) {
        EXPECT_EQ(read.targets[k].name, h.targets[k].name);
        EXPECT_EQ(read.targets[k].kind, h.targets[k].kind);
        EXPECT_EQ(read.targets[k].met, written.targets[k].met);
        EXPECT_TRUE(same_bits(read.targets[k].first_met_days, written.targets[k].first_met_days));
        EXPECT_EQ(read.targets[k].probability, written.targets[k].probability);
        EXPECT_EQ(read.targets[k].ci_low, written.targets[k].ci_low);
        EXPECT_EQ(read.targets[k].ci_high, written.targets[k].ci_high);
    }
    // Its points go into a sweep file as the point itself would.
    write_sweep(dir.path() / "direct.h5", h, {3});
    {
        SweepWriter writer(dir.path() / "via_part.h5", h, {3});
        writer.write(read);
        writer.commit();
    }
    const SweepPoint direct = SweepReader(dir.path() / "direct.h5").read(0);
    const SweepPoint via = SweepReader(dir.path() / "via_part.h5").read(0);
    EXPECT_EQ(direct.values, via.values);
    EXPECT_EQ(direct.targets[1].met, via.targets[1].met);
}

std::string journal_part_error(const std::filesystem::path& part, const SweepHeader& h,
                               std::int64_t p) {
    return sweep_error([&] { (void)read_journal_part(part, h, p); }, "read");
}

TEST(JournalPart, RefusesAnotherStudysOrPointsPartAndWhatIsNoPart) {
    ScratchDir dir;
    const SweepHeader h = header();
    const std::filesystem::path part = dir.path() / "point-2.h5";
    write_journal_part(part, h, point(h, 2));
    EXPECT_EQ(journal_part_error(part, h, 4),
              "cannot read " + part.string() + ": it is point 2 of the study with fingerprint "
              "0123456789abcdef, not point 4 of this study (0123456789abcdef)");
    EXPECT_EQ(journal_part_error(part, header(5, "fedcba9876543210"), 2),
              "cannot read " + part.string() + ": it is point 2 of the study with fingerprint "
              "0123456789abcdef, not point 2 of this study (fedcba9876543210)");
    // A study whose results have another shape (here, more replications).
    SweepHeader wider = h;
    wider.replications = kReplications + 1;
    EXPECT_NE(journal_part_error(part, wider, 2).find("shape is [2, 4, 3], expected [2, 5, 3]"),
              std::string::npos)
        << journal_part_error(part, wider, 2);
    // A whole sweep file is not a journal part, nor is a text file.
    write_sweep(dir.path() / "sweep.h5", h, {2});
    EXPECT_EQ(journal_part_error(dir.path() / "sweep.h5", h, 2),
              "cannot read " + (dir.path() / "sweep.h5").string() +
                  ": not a point of a wfsim sweep's journal");
    std::ofstream(dir.path() / "text.h5") << "half a file";
    EXPECT_EQ(journal_part_error(dir.path() / "text.h5", h, 2),
              "cannot read " + (dir.path() / "text.h5").string() + ": not an HDF5 file");
    // A point of another shape than the header's is refused before anything is written.
    SweepPoint odd = point(h, 1);
    odd.values.pop_back();
    const std::filesystem::path refused = dir.path() / "point-1.h5";
    EXPECT_THROW(write_journal_part(refused, h, odd), SweepError);
    EXPECT_FALSE(std::filesystem::exists(refused));
}

}  // namespace
}  // namespace wfsim::output
