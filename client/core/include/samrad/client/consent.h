// Consent records ("samtycke") as a member's device handles them (DESIGN §2).
//
// The record itself — the OSL waiver and, kept apart, the GDPR basis; the
// scope (recipient agencies, information categories, purpose); validity; how
// it was collected (written, or orally with a witness); the lawyers' form and
// the hash of its text; the registering official — is an encrypted object of
// the case, signed by the official's device. The server is told only what it
// enforces (case, agencies, validity, status). Withdrawal ("återkallelse")
// is registered with the server first, so it takes effect at once for every
// other agency; the record and the case then say so, with the referring
// agency alone.
#pragma once

#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "samrad/client/cases.h"
#include "samrad/client/platform_client.h"
#include "samrad/client/replica.h"
#include "samrad/common/result.h"

namespace samrad::client {

enum class ConsentMethod { Written, OralWithWitness };

struct ConsentForm {
  crypto::CaseId caseId;
  std::string oslWaiver;  // what the person waived, under which provision
  std::string gdprBasis;  // what the agencies process under: never "the consent"
  std::vector<crypto::AgencyId> recipients;
  // Information categories: the form template's by code ("health", "crime";
  // consentCategoryCode), any other as the person wrote it.
  std::vector<std::string> categories;
  std::string purpose;
  std::int64_t validFrom = 0;
  std::int64_t validUntil = 0;
  ConsentMethod method = ConsentMethod::Written;
  std::string witness;  // name and title; required for an oral consent
  std::string formTemplate;
  std::string formVersion;
  crypto::Hash formTextHash;
  std::optional<crypto::ObjectId> scannedForm;  // an encrypted attachment of the case
  crypto::Bytes scannedFormKey;                 // its key, kept only in the encrypted record
};

struct ConsentRecord {
  ConsentForm form;
  crypto::UserId registeredBy;
  std::int64_t registeredAt = 0;
  std::int64_t withdrawnAt = 0;  // 0 unless withdrawn
  std::optional<crypto::UserId> withdrawnBy;
  ConsentMethod withdrawalMethod = ConsentMethod::Written;
  std::string withdrawalNote;

  [[nodiscard]] bool withdrawn() const { return withdrawnAt != 0; }
  [[nodiscard]] bool validAt(std::int64_t t) const {
    return !withdrawn() && form.validFrom <= t && t < form.validUntil;
  }
  [[nodiscard]] crypto::Bytes serialize() const;
  // Reason: consent.malformed.
  static Result<ConsentRecord> parse(crypto::ByteView bytes);
};

struct WithdrawalReport {
  std::uint32_t narrowed = 0;  // objects now read by the referring agency only
  std::uint32_t deleted = 0;   // other agencies' key boxes and copies deleted by the server
};

enum class Language { Swedish, English };

// The information categories of the consent form template. A record keeps
// them by code, so the register reads the same whichever language the
// member who registered it used; each reader sees them in their own.
struct ConsentCategory {
  std::string_view code;
  std::string_view sv;
  std::string_view en;
};
const std::vector<ConsentCategory>& standardConsentCategories();
// The code of a template category named by its code or by its Swedish or
// English label (any case, spaces trimmed); any other text, trimmed, as is.
std::string consentCategoryCode(std::string_view text);
// How a stored category reads in `language`: a template category's label
// (also for records made before codes, which stored a label), else the
// text as stored.
std::string consentCategoryLabel(std::string_view stored, Language language);

class ConsentBook {
 public:
  ConsentBook(GroupReplica& replica, CaseBook& cases, PlatformClient& server,
              crypto::AgencyId myAgency, crypto::UserId me)
      : replica_(replica), cases_(cases), server_(server), agency_(myAgency), me_(me) {}

  // Checks the form, writes the record into the case and registers the
  // scope with the server (sending what waits in the outbox first, since the
  // server checks what is already shared). Reasons: consent.case_unknown,
  // consent.not_consented_case, consent.not_referring_agency,
  // consent.osl_waiver_required, consent.gdpr_basis_required,
  // consent.scope_required, consent.purpose_required, consent.witness_required,
  // consent.form_required, consent.bad_validity, consent.scope_mismatch,
  // consent.not_yet_valid (it starts more than ten minutes from now), and the
  // server's (consent.exists, consent.expired, consent.out_of_scope, …).
  // Needs the server.
  Result<ConsentRecord> registerConsent(const ConsentForm& form, std::int64_t now);
  // Registers the withdrawal with the server (access ends there at once),
  // then records it in the consent and the case. Reasons: consent.not_found,
  // consent.already_withdrawn, and the server's.
  Result<WithdrawalReport> withdraw(const crypto::CaseId& caseId, ConsentMethod how,
                                    const std::string& note, std::int64_t now);

  // The scanned, signed form: encrypted here under a fresh key (secretstream,
  // bound to the group, case and attachment) and uploaded for the case's
  // devices only; returns the form with the attachment and its key set, to
  // register. Reasons: consent.case_unknown, stream.*, and the server's.
  // `progress` hears (bytes the server holds, total) after each segment.
  using Progress = std::function<void(std::uint64_t sent, std::uint64_t total)>;
  Result<ConsentForm> attachScannedForm(ConsentForm form, std::istream& scan,
                                        const Progress& progress = {});
  // Downloads and decrypts a case's scanned form into `out`. Reasons:
  // consent.not_found, consent.no_scanned_form, stream.*, and the server's.
  Status scannedForm(const crypto::CaseId& caseId, std::ostream& out);

  [[nodiscard]] std::optional<ConsentRecord> find(const crypto::CaseId& caseId);
  [[nodiscard]] std::vector<ConsentRecord> all();

  // The object a case's consent record lives in (derived from the case id).
  static crypto::ObjectId objectOf(const crypto::CaseId& caseId);

 private:
  GroupReplica& replica_;
  CaseBook& cases_;
  PlatformClient& server_;
  crypto::AgencyId agency_;
  crypto::UserId me_;
};

// The receipt for the person: what they agreed to, with whom, until when, and
// how to withdraw. `agencyNames` names the agencies (ids not found are shown
// as "okänd myndighet" / "unknown agency"); `contact` is how to reach the
// referring agency.
std::string consentReceipt(const ConsentRecord& record, const std::string& caseNumber,
                           const std::map<crypto::AgencyId, std::string>& agencyNames,
                           const std::string& referringAgencyName, const std::string& contact,
                           Language language);

// "2026-11-24" for a unix time (UTC), as Swedish agencies write dates.
std::string isoDate(std::int64_t unixSeconds);

}  // namespace samrad::client
