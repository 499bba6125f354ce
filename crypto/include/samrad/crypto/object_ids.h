// The object ids both sides derive, so a device finds what was left for it
// and the server can hold each id to what it is for. One place, one label
// each: a writer and a reader that disagree here lose a grant silently.
#pragma once

#include "samrad/crypto/primitives.h"

namespace samrad::crypto {

// The group's history (its earlier epoch keys), re-granted to one device by
// its agency's recovery key.
ObjectId epochHistoryObjectId(const GroupId& group, const DeviceId& device);

// A device's view of its group's log (the checkpoint it last accepted),
// which the other members compare with theirs. The server recognises it by
// this id and does not log reads of it: the devices' own bookkeeping is not
// an audit event.
ObjectId logViewObjectId(const DeviceId& device);

// A case key sealed to one device added after the case was opened (a member
// who joined later, a new device, a replacement restored by a recovery key).
ObjectId caseKeyBoxObjectId(const CaseId& caseId, const DeviceId& device);

// A case's key boxes for one agency's devices: read only by them. One per
// agency, so that when a consent ends the server can delete every other
// agency's boxes (nobody left on their access lists) while the referring
// agency keeps its own.
ObjectId caseKeysObjectId(const CaseId& caseId, const AgencyId& agency);

}  // namespace samrad::crypto
