#include "models/metrics/recorder.hpp"

#include <limits>

#include "engine/calendar.hpp"
#include "models/phases.hpp"

namespace wfsim::model {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kWindow = engine::kDaysPerYear;  // 12 months

double ratio(double numerator, double denominator) {
    return denominator > 0.0 ? numerator / denominator : kNaN;
}
}  // namespace

Recorder::Recorder(std::span<const double> times, const Staffing& staffing,
                   const Caseload& caseload, output::SeriesTable& table, std::size_t replication,
                   engine::Simulator& sim)
    : times_(times),
      staffing_(staffing),
      caseload_(caseload),
      table_(table),
      replication_(replication),
      handler_(sim.add_handler(*this)),
      window_start_(times.size()) {
    // A sample has a full window once it is 12 months in (tolerating rounding of t - 365.25).
    while (first_windowed_ < times_.size() && times_[first_windowed_] < kWindow - 1e-9) {
        ++first_windowed_;
    }
}

void Recorder::start(engine::Simulator& sim) {
    previous_ = snapshot(sim.now());
    sim.schedule(times_[0], handler_, 0, 0, kSample, phase::kRecord);
    if (first_windowed_ < times_.size()) {
        const double at = std::max(0.0, times_[first_windowed_] - kWindow);
        sim.schedule(at, handler_, static_cast<std::uint32_t>(first_windowed_), 0, kWindowStart,
                     phase::kRecord);
    }
}

void Recorder::handle(const engine::Event& event, engine::Simulator& sim) {
    const std::size_t sample = event.target;
    if (event.kind == kWindowStart) {
        window_start_[sample] = snapshot(sim.now());
        if (sample + 1 < times_.size()) {
            const double at = std::max(sim.now(), times_[sample + 1] - kWindow);
            sim.schedule(at, handler_, static_cast<std::uint32_t>(sample + 1), 0, kWindowStart,
                         phase::kRecord);
        }
        return;
    }
    record(sample, sim.now());
    if (sample + 1 < times_.size()) {
        sim.schedule(times_[sample + 1], handler_, static_cast<std::uint32_t>(sample + 1), 0,
                     kSample, phase::kRecord);
    }
}

Recorder::Cumulative Recorder::snapshot(double now) const {
    return Cumulative{staffing_.permanent_starters(), staffing_.permanent_leavers(),
                      caseload_.referrals(), caseload_.closed(),
                      staffing_.permanent_person_days(now)};
}

void Recorder::put(std::size_t sample, Metric metric, double value) {
    table_.at(index(metric), replication_, sample) = value;
}

void Recorder::record(std::size_t sample, double now) {
    const Cumulative current = snapshot(now);
    const double permanent = staffing_.permanent_count();
    const double agency = staffing_.agency_count();
    const double vacancies = staffing_.vacancy_count();
    const double open = static_cast<double>(caseload_.open());
    const double allocated = static_cast<double>(caseload_.allocated());

    put(sample, Metric::StaffPermanent, permanent);
    put(sample, Metric::StaffAgency, agency);
    put(sample, Metric::Vacancies, vacancies);
    put(sample, Metric::VacancyRate, ratio(vacancies, vacancies + permanent));
    put(sample, Metric::AgencyShare, ratio(agency, permanent + agency));
    put(sample, Metric::Starters, static_cast<double>(current.starters - previous_.starters));
    put(sample, Metric::Leavers, static_cast<double>(current.leavers - previous_.leavers));
    put(sample, Metric::Referrals, static_cast<double>(current.referrals - previous_.referrals));
    put(sample, Metric::ClosedCases, static_cast<double>(current.closed - previous_.closed));
    put(sample, Metric::OpenCases, open);
    put(sample, Metric::AllocatedCases, allocated);
    put(sample, Metric::UnallocatedCases, static_cast<double>(caseload_.waiting()));
    put(sample, Metric::MeanCaseload, ratio(allocated, caseload_.case_holders()));
    put(sample, Metric::MaxCaseload, caseload_.max_load());
    put(sample, Metric::ShareOpenCases3PlusWorkers,
        ratio(static_cast<double>(caseload_.open_with_three_plus_workers()), open));

    double turnover = kNaN;
    if (sample >= first_windowed_) {
        const Cumulative& start = window_start_[sample];
        const double mean_headcount = (current.person_days - start.person_days) / kWindow;
        turnover = ratio(static_cast<double>(current.leavers - start.leavers), mean_headcount);
    }
    put(sample, Metric::TurnoverRate12m, turnover);
    previous_ = current;
}

}  // namespace wfsim::model
