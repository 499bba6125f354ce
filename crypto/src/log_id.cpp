#include "samrad/crypto/log_id.h"

namespace samrad::crypto {

Bytes LogId::storageKey() const {
  switch (kind) {
    case Kind::Directory:
      return {};
    case Kind::Group:
      return Bytes(group.bytes.begin(), group.bytes.end());
    case Kind::Legacy:
      return Bytes{0};
  }
  return {};
}

Result<LogId> LogId::fromStorageKey(ByteView key) {
  if (key.empty()) return directory();
  if (key.size() == 1 && key[0] == 0) return legacy();
  SAMRAD_ASSIGN_OR_RETURN(auto g, GroupId::fromBytes(key));
  return ofGroup(g);
}

std::string LogId::origin(std::string_view base) const {
  switch (kind) {
    case Kind::Directory:
      return std::string(base) + "/directory";
    case Kind::Group:
      return std::string(base) + "/group/" + group.hex();
    case Kind::Legacy:
      return std::string(base);
  }
  return std::string(base);
}

std::string LogId::describe() const {
  switch (kind) {
    case Kind::Directory:
      return "the directory log";
    case Kind::Group:
      return "group " + group.hex().substr(0, 8) + "'s log";
    case Kind::Legacy:
      return "the legacy log";
  }
  return "a log";
}

}  // namespace samrad::crypto
