#include "output/hdf5_targets.hpp"

#include <hdf5_hl.h>

#include <span>
#include <string>

#include "output/hdf5_attributes.hpp"
#include "output/hdf5_datasets.hpp"
#include "output/hdf5_error.hpp"
#include "output/hdf5_handle.hpp"
#include "output/run_layout.hpp"

namespace wfsim::output::hdf5 {

namespace {

std::string optional_text(hid_t group, const char* name) {
    return has_attribute(group, name) ? read_string_attribute(group, name) : std::string();
}

}  // namespace

void write_target_definition(hid_t group, const TargetResult& t) {
    write_attribute(group, "name", t.name);
    write_attribute(group, "metric", t.metric);
    write_attribute(group, "op", t.op);
    write_attribute(group, "value", t.value);
    write_attribute(group, "kind", t.kind);
    if (!t.by.empty()) write_attribute(group, "by", t.by);
    if (!t.from.empty()) write_attribute(group, "from", t.from);
    if (!t.to.empty()) write_attribute(group, "to", t.to);
    if (t.kind == "for") write_attribute(group, "for_days", t.for_days);
}

TargetResult read_target_definition(hid_t group) {
    TargetResult t;
    t.name = read_string_attribute(group, "name");
    t.metric = read_string_attribute(group, "metric");
    t.op = read_string_attribute(group, "op");
    t.value = read_double_attribute(group, "value");
    t.kind = read_string_attribute(group, "kind");
    t.by = optional_text(group, "by");
    t.from = optional_text(group, "from");
    t.to = optional_text(group, "to");
    if (has_attribute(group, "for_days")) t.for_days = read_double_attribute(group, "for_days");
    return t;
}

void write_targets(hid_t file, const std::vector<TargetResult>& targets, hid_t replication,
                   const std::string& start_date) {
    Handle all = own(H5Gcreate2(file, layout::kTargetsGroup, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                     H5Gclose, "creating group 'targets'");
    std::vector<std::string> names;
    for (const TargetResult& t : targets) names.push_back(t.name);
    write_attribute(all.get(), layout::kTargetNames, names);
    for (const TargetResult& t : targets) {
        const std::string path = std::string(layout::kTargetsGroup) + "/" + t.name;
        Handle group = own(H5Gcreate2(file, path.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                           H5Gclose, "creating group '" + path + "'");
        write_target_definition(group.get(), t);
        write_attribute(group.get(), "probability", t.probability);
        write_attribute(group.get(), "ci_low", t.ci_low);
        write_attribute(group.get(), "ci_high", t.ci_high);
        const hsize_t n = t.met.size();
        Handle met = write_dataset(group.get(), layout::kTargetMet, {n},
                                   std::span<const std::uint8_t>(t.met));
        write_attribute(met.get(), layout::kDescription,
                        std::string("1 if the replication met the target, else 0"));
        Handle first = write_dataset(group.get(), layout::kTargetFirstMet, {n},
                                     std::span<const double>(t.first_met_days));
        write_attribute(first.get(), layout::kUnits, "days since " + start_date);
        write_attribute(first.get(), layout::kDescription,
                        std::string("first sample time at which the metric met the condition "
                                    "(for 'for': the sample completing the first sustained "
                                    "span); NaN if never"));
        for (hid_t dataset : {met.get(), first.get()}) {
            check(H5DSattach_scale(dataset, replication, 0),
                  "attaching scale 'replication' to '" + path + "'");
        }
    }
}

std::vector<TargetResult> read_targets(hid_t file, hsize_t replications) {
    std::vector<TargetResult> targets;
    if (check(H5Lexists(file, layout::kTargetsGroup, H5P_DEFAULT), "looking for 'targets'") <= 0) {
        return targets;
    }
    Handle all = own(H5Gopen2(file, layout::kTargetsGroup, H5P_DEFAULT), H5Gclose,
                     "opening group 'targets'");
    for (const std::string& name : read_string_list_attribute(all.get(), layout::kTargetNames)) {
        const std::string path = std::string(layout::kTargetsGroup) + "/" + name;
        Handle group = own(H5Gopen2(file, path.c_str(), H5P_DEFAULT), H5Gclose,
                           "opening group '" + path + "'");
        TargetResult t = read_target_definition(group.get());
        t.probability = read_double_attribute(group.get(), "probability");
        t.ci_low = read_double_attribute(group.get(), "ci_low");
        t.ci_high = read_double_attribute(group.get(), "ci_high");
        const std::string met_path = path + "/" + layout::kTargetMet;
        const std::string first_path = path + "/" + layout::kTargetFirstMet;
        Handle met = open_dataset(file, met_path.c_str());
        t.met = read_uint8s(met.get(), met_path.c_str(), {replications});
        Handle first = open_dataset(file, first_path.c_str());
        t.first_met_days = read_doubles(first.get(), first_path.c_str(), {replications});
        targets.push_back(std::move(t));
    }
    return targets;
}

}  // namespace wfsim::output::hdf5
