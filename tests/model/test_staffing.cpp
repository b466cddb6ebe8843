// Staffing with a Caseload, driven by hand: the time-0 state, starters, leavers and agency
// cover, what observers are told, the counts, and the permanent person-days integral.
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/simulator.hpp"
#include "models/casework/caseload.hpp"
#include "models/scenario/scenario.hpp"
#include "models/workforce/staffing.hpp"

namespace wfsim::model {
namespace {

// Posts 0-4 are social workers (cap 4), post 5 the manager (holds no cases). At the start:
// permanent staff in posts 0, 1 and 5, agency staff covering posts 2 and 3, post 4 vacant.
constexpr const char* kTeam = R"(start: 2020-01-01
horizon: 1 year
roles:
  sw: { caseload_cap: 4 }
  manager: { caseload_cap: 0 }
establishment: { sw: 5, manager: 1 }
initial_staff:
  permanent: { sw: 2, manager: 1 }
  agency: { sw: 2 }
agency:
  assignment: 6 months
demand:
  referrals_per_year: 0
  case_duration: 100
)";

// Writes down every notice, and checks that the state is already updated when it comes.
class Log final : public StaffingObserver {
public:
    explicit Log(const Staffing& staffing) : staffing_(staffing) {}

    void vacancy_opened(PostId post, engine::Simulator&) override {
        EXPECT_TRUE(staffing_.post(post).vacant()) << "post " << post;
        lines.push_back("vacancy " + std::to_string(post));
    }
    void permanent_started(WorkerId worker, engine::Simulator&) override {
        const Worker& w = staffing_.worker(worker);
        EXPECT_TRUE(w.active);
        EXPECT_EQ(w.contract, Contract::Permanent);
        EXPECT_EQ(staffing_.post(w.post).holder, worker);
        lines.push_back("permanent " + std::to_string(worker));
    }
    void agency_started(WorkerId worker, engine::Simulator&) override {
        const Worker& w = staffing_.worker(worker);
        EXPECT_TRUE(w.active);
        EXPECT_EQ(w.contract, Contract::Agency);
        EXPECT_EQ(staffing_.post(w.post).cover, worker);
        lines.push_back("agency " + std::to_string(worker));
    }

    std::vector<std::string> lines;

private:
    const Staffing& staffing_;
};

std::size_t posts_of(const Scenario& s) {
    return static_cast<std::size_t>(
        std::accumulate(s.staffing.establishment.begin(), s.staffing.establishment.end(), 0));
}

// One service put together by hand: a Caseload, Staffing over it and a Log observer.
struct Service {
    explicit Service(const char* yaml)
        : scenario(parse_scenario({"staffing.yaml", yaml})),
          cases(posts_of(scenario), scenario.allocation, sim),
          staffing(scenario.roles, scenario.staffing, cases, 1, 0),
          log(staffing) {
        staffing.add_observer(log);
    }

    Scenario scenario;
    engine::Simulator sim;
    Caseload cases;
    Staffing staffing;
    Log log;
};

TEST(Staffing, InitialisePlacesPermanentThenAgencyStaffAndAnnouncesEveryVacancy) {
    Service s(kTeam);
    s.staffing.initialise(s.sim);

    EXPECT_EQ(s.staffing.establishment(), 6);
    EXPECT_EQ(s.staffing.permanent_count(), 3);
    EXPECT_EQ(s.staffing.agency_count(), 2);
    EXPECT_EQ(s.staffing.vacancy_count(), 3);  // agency-covered posts are still vacancies

    EXPECT_EQ(s.staffing.post(0).holder, 0u);
    EXPECT_EQ(s.staffing.post(1).holder, 1u);
    for (const PostId p : {2u, 3u}) {
        EXPECT_TRUE(s.staffing.post(p).vacant()) << p;
        EXPECT_EQ(s.staffing.post(p).cover, p) << p;
    }
    EXPECT_TRUE(s.staffing.post(4).vacant());
    EXPECT_EQ(s.staffing.post(4).cover, kNone);
    EXPECT_EQ(s.staffing.post(5).holder, 4u);
    EXPECT_EQ(s.staffing.worker(4).role, *s.scenario.roles.find("manager"));
    for (PostId p = 0; p < 6; ++p) EXPECT_EQ(s.staffing.post(p).vacancy_spell, 0u);

    // Initial staff and initial vacancies are announced (recruitment's clock starts at 0 for
    // covered vacancies too), but nobody counts as a starter.
    EXPECT_EQ(s.log.lines,
              (std::vector<std::string>{"permanent 0", "permanent 1", "permanent 4", "agency 2",
                                        "agency 3", "vacancy 2", "vacancy 3", "vacancy 4"}));
    EXPECT_EQ(s.staffing.permanent_starters(), 0u);
    EXPECT_EQ(s.staffing.permanent_leavers(), 0u);

    // Agency staff hold cases like anyone else; the manager holds none.
    EXPECT_EQ(s.cases.case_holders(), 4);
    EXPECT_EQ(s.cases.cap(2), 4);
    EXPECT_EQ(s.cases.cap(4), 0);
}

// Fills the four social workers with 16 cases (case i goes to slot i % 4); the cases of slots
// 0, 1 and 3 that came first have 10 days of work, the rest 100. At day 20 the loads are
// 3, 3, 4 (the agency worker covering post 2), 3.
void fill_and_age(Service& s) {
    s.staffing.initialise(s.sim);
    for (int i = 0; i < 16; ++i)
        s.cases.open_case(i == 0 || i == 1 || i == 3 ? 10.0 : 100.0, s.sim);
    s.sim.run_until(20.0);
    ASSERT_EQ(s.cases.closed(), 3u);
    ASSERT_EQ(s.cases.load(0), 3);
    ASSERT_EQ(s.cases.load(1), 3);
    ASSERT_EQ(s.cases.load(2), 4);
    ASSERT_EQ(s.cases.load(3), 3);
}

TEST(Staffing, APermanentStarterEndsTheAgencyCoverAndTakesMostOfItsCases) {
    Service s(kTeam);
    fill_and_age(s);
    s.log.lines.clear();

    const WorkerId newcomer = s.staffing.start_permanent(2, 0, Hire{}, s.sim);
    ASSERT_NE(newcomer, 0u);
    EXPECT_EQ(s.staffing.post(2).holder, newcomer);
    EXPECT_EQ(s.staffing.post(2).cover, kNone);
    EXPECT_EQ(s.staffing.worker(newcomer).contract, Contract::Permanent);
    EXPECT_EQ(s.staffing.agency_count(), 1);
    EXPECT_EQ(s.staffing.permanent_count(), 4);
    EXPECT_EQ(s.staffing.vacancy_count(), 2);
    EXPECT_EQ(s.staffing.permanent_starters(), 1u);
    EXPECT_EQ(s.log.lines, (std::vector<std::string>{"permanent " + std::to_string(newcomer)}));
    // The agency worker's slot has moved on a generation, so its pending events are stale.
    EXPECT_EQ(s.staffing.worker(2).generation, 1u);

    // The cover's 4 cases: the newcomer takes them while their caseload ratio is lowest (0, 1/4,
    // 2/4); at 3/4 it ties with slot 0, which wins the fourth.
    EXPECT_EQ(s.cases.load(newcomer), 3);
    EXPECT_EQ(s.cases.load(0), 4);
    EXPECT_EQ(s.cases.load(1), 3);
    EXPECT_EQ(s.cases.load(3), 3);
    EXPECT_EQ(s.cases.allocated(), 13u);
    EXPECT_EQ(s.cases.waiting(), 0u);
    // Handed on with their remaining 80 days: everything closes at day 100, nothing before.
    s.sim.run_until(99.5);
    EXPECT_EQ(s.cases.closed(), 3u);
    s.sim.run_until(100.0);
    EXPECT_EQ(s.cases.closed(), 16u);
}

TEST(Staffing, APermanentLeaverOpensAVacancyAndHandsOnTheirCases) {
    Service s(kTeam);
    fill_and_age(s);
    s.sim.run_until(30.0);
    s.log.lines.clear();

    s.staffing.permanent_leaves(0, Destination::LeftSector, s.sim);
    EXPECT_TRUE(s.staffing.post(0).vacant());
    EXPECT_EQ(s.staffing.post(0).vacancy_spell, 1u);
    EXPECT_FALSE(s.staffing.worker(0).active);
    EXPECT_EQ(s.staffing.worker(0).generation, 1u);
    EXPECT_EQ(s.staffing.permanent_count(), 2);
    EXPECT_EQ(s.staffing.vacancy_count(), 4);
    EXPECT_EQ(s.staffing.permanent_leavers(), 1u);
    EXPECT_EQ(s.log.lines, (std::vector<std::string>{"vacancy 0"}));
    // The leaver's 3 cases: slots 1 and 3 have one place each, the agency worker in slot 2
    // none, so two are placed at once and the third waits.
    EXPECT_EQ(s.cases.load(0), 0);
    EXPECT_EQ(s.cases.load(1), 4);
    EXPECT_EQ(s.cases.load(2), 4);
    EXPECT_EQ(s.cases.load(3), 4);
    EXPECT_EQ(s.cases.allocated(), 12u);
    EXPECT_EQ(s.cases.waiting(), 1u);

    // A starter fills the post (a new spell: requests for the vacancy are now stale) and takes
    // the waiting case; a second leaver from the same post starts another spell.
    s.sim.run_until(40.0);
    const WorkerId second = s.staffing.start_permanent(0, 0, Hire{}, s.sim);
    EXPECT_EQ(s.cases.waiting(), 0u);
    EXPECT_EQ(s.cases.load(second), 1);
    EXPECT_EQ(s.staffing.post(0).vacancy_spell, 2u);
    s.staffing.permanent_leaves(second, Destination::LeftSector, s.sim);
    EXPECT_EQ(s.staffing.post(0).vacancy_spell, 3u);
    EXPECT_EQ(s.staffing.permanent_leavers(), 2u);
    EXPECT_EQ(s.staffing.permanent_starters(), 1u);
    EXPECT_EQ(s.log.lines, (std::vector<std::string>{
                               "vacancy 0", "permanent " + std::to_string(second), "vacancy 0"}));
}

TEST(Staffing, AgencyStaffCoverOnlyUncoveredVacanciesAndLeaveWithoutANewVacancy) {
    Service s(kTeam);
    fill_and_age(s);
    s.log.lines.clear();

    EXPECT_THROW(s.staffing.start_agency(3, s.sim), std::logic_error);  // already covered
    EXPECT_THROW(s.staffing.start_agency(1, s.sim), std::logic_error);  // filled
    EXPECT_THROW(s.staffing.start_permanent(1, 0, Hire{}, s.sim), std::logic_error);

    const WorkerId locum = s.staffing.start_agency(4, s.sim);
    EXPECT_EQ(s.staffing.post(4).cover, locum);
    EXPECT_TRUE(s.staffing.post(4).vacant());
    EXPECT_EQ(s.staffing.agency_count(), 3);
    EXPECT_EQ(s.staffing.vacancy_count(), 3);
    EXPECT_EQ(s.log.lines, (std::vector<std::string>{"agency " + std::to_string(locum)}));

    // The agency worker covering post 2 ends the assignment: the new locum (empty) takes its
    // cases while its ratio is lowest (0, 1/4, 2/4); at 3/4 it ties with slot 0, which wins.
    s.staffing.agency_leaves(2, Destination::AssignmentEnded, s.sim);
    EXPECT_EQ(s.staffing.agency_count(), 2);
    EXPECT_EQ(s.staffing.post(2).cover, kNone);
    EXPECT_TRUE(s.staffing.post(2).vacant());
    EXPECT_EQ(s.staffing.post(2).vacancy_spell, 0u);  // the same vacancy, not a new one
    EXPECT_EQ(s.staffing.vacancy_count(), 3);
    EXPECT_EQ(s.log.lines.size(), 1u);  // no notice: the post was vacant already
    EXPECT_EQ(s.cases.load(locum), 3);
    EXPECT_EQ(s.cases.load(0), 4);
    EXPECT_EQ(s.cases.load(2), 0);
    EXPECT_EQ(s.cases.allocated(), 13u);
    EXPECT_EQ(s.cases.waiting(), 0u);
}

TEST(Staffing, PermanentPersonDaysIntegrateTheHeadcountExactly) {
    Service s(R"(start: 2020-01-01
horizon: 1 year
roles: { sw: { caseload_cap: 3 } }
establishment: { sw: 3 }
initial_staff: { permanent: { sw: 2 } }
demand: { referrals_per_year: 0, case_duration: 10 }
)");
    s.staffing.initialise(s.sim);
    EXPECT_EQ(s.staffing.permanent_person_days(0.0), 0.0);
    EXPECT_EQ(s.staffing.permanent_person_days(7.5), 15.0);  // 2 staff, between events

    s.sim.run_until(10.0);
    s.staffing.permanent_leaves(0, Destination::LeftSector, s.sim);  // 2 -> 1 at day 10
    EXPECT_EQ(s.staffing.permanent_person_days(10.0), 20.0);
    EXPECT_EQ(s.staffing.permanent_person_days(17.5), 27.5);

    s.sim.run_until(25.0);
    s.staffing.start_permanent(0, 0, Hire{}, s.sim);  // 1 -> 2 at day 25
    s.sim.run_until(30.0);
    s.staffing.start_agency(2, s.sim);  // agency staff do not count
    EXPECT_EQ(s.staffing.permanent_person_days(30.0), 20.0 + 15.0 + 10.0);

    s.sim.run_until(40.0);
    s.staffing.start_permanent(2, 0, Hire{}, s.sim);  // 2 -> 3 at day 40, ending the cover
    EXPECT_EQ(s.staffing.agency_count(), 0);
    // 2 x 10 + 1 x 15 + 2 x 15 + 3 x 10
    EXPECT_EQ(s.staffing.permanent_person_days(50.0), 95.0);
    EXPECT_EQ(s.staffing.permanent_starters(), 2u);
    EXPECT_EQ(s.staffing.permanent_leavers(), 1u);
}

}  // namespace
}  // namespace wfsim::model
