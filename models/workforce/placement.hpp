// Where newcomers to a role go who were not hired for a particular post (ASYE intakes,
// qualified trainees, grade progression): the role's vacant posts with no starter on the
// way, oldest post first, then the pool above establishment. Dated events, so a scan of the
// posts per event is cheap enough.
#pragma once

#include <cstddef>
#include <vector>

#include "models/workforce/staffing.hpp"

namespace wfsim::model {

class Placement {
public:
    Placement(const Staffing& staffing, RoleId role) : staffing_(staffing) {
        for (PostId p = 0; p < staffing.post_count(); ++p) {
            if (open(staffing.post(p)) && staffing.post(p).role == role) posts_.push_back(p);
        }
    }

    // The next open post, or kNone for the pool (a post filled since the scan is skipped).
    PostId next() {
        while (next_ < posts_.size()) {
            const PostId p = posts_[next_++];
            if (open(staffing_.post(p))) return p;
        }
        return kNone;
    }

private:
    static bool open(const Post& p) { return p.vacant() && !p.abolished && !p.incoming; }

    const Staffing& staffing_;
    std::vector<PostId> posts_;
    std::size_t next_ = 0;
};

}  // namespace wfsim::model
