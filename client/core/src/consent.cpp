#include "samrad/client/consent.h"

#include <algorithm>
#include <ctime>
#include <set>
#include <sstream>

#include "samrad/common/record_kinds.h"
#include "samrad/crypto/attachment.h"
#include "samrad/v1/workflow.pb.h"

namespace samrad::client {
namespace {

constexpr const char* kConsentKind = "consent";
static_assert(std::string_view(kConsentKind) == kConsentRecordKind);
constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxCategories = 32;

Error malformed(const std::string& what) {
  return Error(ErrorCode::DataLoss, "consent.malformed", "a consent record " + what);
}

Error invalid(const char* reason, const std::string& message) {
  return Error(ErrorCode::InvalidArgument, reason, message);
}

template <typename I>
std::string raw(const I& id) {
  return std::string(reinterpret_cast<const char*>(id.view().data()), id.view().size());
}

template <typename I>
Result<I> idOf(const std::string& s, const char* field) {
  auto id = I::fromBytes(crypto::asBytes(s));
  if (!id) return malformed(std::string("has a bad ") + field);
  return *id;
}

v1::ConsentMethod wireMethod(ConsentMethod m) {
  return m == ConsentMethod::Written ? v1::CONSENT_METHOD_WRITTEN
                                     : v1::CONSENT_METHOD_ORAL_WITH_WITNESS;
}

Result<ConsentMethod> methodOf(int m) {
  if (m == v1::CONSENT_METHOD_WRITTEN) return ConsentMethod::Written;
  if (m == v1::CONSENT_METHOD_ORAL_WITH_WITNESS) return ConsentMethod::OralWithWitness;
  return malformed("has no collection method");
}

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

Status checkForm(const ConsentForm& f) {
  for (const std::string* s :
       {&f.oslWaiver, &f.gdprBasis, &f.purpose, &f.witness, &f.formTemplate, &f.formVersion}) {
    if (s->size() > kMaxText) return invalid("consent.too_long", "a field is over 4000 bytes");
  }
  if (blank(f.oslWaiver)) {
    return invalid("consent.osl_waiver_required",
                   "say what confidentiality the person waives, and under which provision "
                   "(e.g. OSL 12 kap. 2 §)");
  }
  if (blank(f.gdprBasis)) {
    return invalid("consent.gdpr_basis_required",
                   "give the legal basis the agencies process under (e.g. GDPR art. 6.1 e); the "
                   "consent is not that basis");
  }
  if (f.recipients.empty()) {
    return invalid("consent.scope_required", "name the agencies the consent lets you share with");
  }
  if (f.categories.empty() || f.categories.size() > kMaxCategories ||
      std::any_of(f.categories.begin(), f.categories.end(),
                  [](const std::string& c) { return blank(c) || c.size() > 200; })) {
    return invalid("consent.scope_required",
                   "name the categories of information the consent covers (1 to 32)");
  }
  if (blank(f.purpose)) {
    return invalid("consent.purpose_required", "say what the information is shared for");
  }
  if (f.method == ConsentMethod::OralWithWitness && blank(f.witness)) {
    return invalid("consent.witness_required",
                   "an oral consent needs a witness: give their name and title");
  }
  if (blank(f.formTemplate) || blank(f.formVersion)) {
    return invalid("consent.form_required",
                   "name the consent form and its version as the lawyers issued it");
  }
  if (f.validUntil <= f.validFrom) {
    return invalid("consent.bad_validity", "the consent must end after it begins");
  }
  return okStatus();
}

}  // namespace

crypto::Bytes ConsentRecord::serialize() const {
  v1::ConsentContent m;
  m.set_case_id(raw(form.caseId));
  m.set_osl_waiver(form.oslWaiver);
  m.set_gdpr_basis(form.gdprBasis);
  for (const auto& a : form.recipients) m.add_recipient_agencies(raw(a));
  for (const auto& c : form.categories) m.add_information_categories(c);
  m.set_purpose(form.purpose);
  m.set_valid_from(form.validFrom);
  m.set_valid_until(form.validUntil);
  m.set_method(wireMethod(form.method));
  m.set_witness(form.witness);
  m.set_form_template(form.formTemplate);
  m.set_form_version(form.formVersion);
  m.set_form_text_sha256(std::string(reinterpret_cast<const char*>(form.formTextHash.bytes.data()),
                                     form.formTextHash.bytes.size()));
  m.set_registered_by_user(raw(registeredBy));
  m.set_registered_at(registeredAt);
  if (form.scannedForm) m.set_scanned_form_attachment(raw(*form.scannedForm));
  m.set_scanned_form_key(std::string(form.scannedFormKey.begin(), form.scannedFormKey.end()));
  m.set_withdrawn_at(withdrawnAt);
  if (withdrawnBy) m.set_withdrawn_by_user(raw(*withdrawnBy));
  if (withdrawn()) m.set_withdrawal_method(wireMethod(withdrawalMethod));
  m.set_withdrawal_note(withdrawalNote);
  std::string out;
  m.SerializeToString(&out);
  return crypto::Bytes(out.begin(), out.end());
}

Result<ConsentRecord> ConsentRecord::parse(crypto::ByteView bytes) {
  v1::ConsentContent m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return malformed("cannot be read");
  }
  ConsentRecord r;
  SAMRAD_ASSIGN_OR_RETURN(r.form.caseId, idOf<crypto::CaseId>(m.case_id(), "case id"));
  r.form.oslWaiver = m.osl_waiver();
  r.form.gdprBasis = m.gdpr_basis();
  for (const auto& a : m.recipient_agencies()) {
    SAMRAD_ASSIGN_OR_RETURN(auto id, idOf<crypto::AgencyId>(a, "agency"));
    r.form.recipients.push_back(id);
  }
  r.form.categories.assign(m.information_categories().begin(), m.information_categories().end());
  r.form.purpose = m.purpose();
  r.form.validFrom = m.valid_from();
  r.form.validUntil = m.valid_until();
  SAMRAD_ASSIGN_OR_RETURN(r.form.method, methodOf(m.method()));
  r.form.witness = m.witness();
  r.form.formTemplate = m.form_template();
  r.form.formVersion = m.form_version();
  if (m.form_text_sha256().size() != r.form.formTextHash.bytes.size()) {
    return malformed("has a bad form hash");
  }
  std::copy(m.form_text_sha256().begin(), m.form_text_sha256().end(),
            r.form.formTextHash.bytes.begin());
  SAMRAD_ASSIGN_OR_RETURN(r.registeredBy, idOf<crypto::UserId>(m.registered_by_user(), "user"));
  r.registeredAt = m.registered_at();
  if (!m.scanned_form_attachment().empty()) {
    SAMRAD_ASSIGN_OR_RETURN(auto a,
                            idOf<crypto::ObjectId>(m.scanned_form_attachment(), "attachment"));
    r.form.scannedForm = a;
    if (m.scanned_form_key().size() != crypto::kSymmetricKeySize) {
      return malformed("has a scanned form without its key");
    }
    r.form.scannedFormKey.assign(m.scanned_form_key().begin(), m.scanned_form_key().end());
  }
  r.withdrawnAt = m.withdrawn_at();
  if (!m.withdrawn_by_user().empty()) {
    SAMRAD_ASSIGN_OR_RETURN(auto u, idOf<crypto::UserId>(m.withdrawn_by_user(), "user"));
    r.withdrawnBy = u;
  }
  if (r.withdrawn()) {
    SAMRAD_ASSIGN_OR_RETURN(r.withdrawalMethod, methodOf(m.withdrawal_method()));
  }
  r.withdrawalNote = m.withdrawal_note();
  return r;
}

namespace {
crypto::Bytes scannedFormAd(const crypto::GroupId& group, const crypto::CaseId& caseId,
                            const crypto::ObjectId& id) {
  static constexpr std::string_view kLabel{"samrad/v1/scanned-form\0", 23};
  crypto::Bytes ad;
  crypto::appendBytes(ad, crypto::asBytes(kLabel));
  crypto::appendBytes(ad, group.view());
  crypto::appendBytes(ad, caseId.view());
  crypto::appendBytes(ad, id.view());
  return ad;
}
}  // namespace

Result<ConsentForm> ConsentBook::attachScannedForm(ConsentForm form, std::istream& scan,
                                                   const Progress& progress) {
  if (!cases_.find(form.caseId)) {
    return Error(ErrorCode::NotFound, "consent.case_unknown", "no such case on this device");
  }
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, cases_.scopeOf(form.caseId));
  const auto key = crypto::SecretBytes::random(crypto::kSymmetricKeySize);
  const auto id = crypto::ObjectId::random();
  std::ostringstream cipher;
  SAMRAD_ASSIGN_OR_RETURN(
      auto sealed, crypto::encryptAttachment(scan, cipher, key,
                                             scannedFormAd(replica_.group(), form.caseId, id)));
  (void)sealed;
  const std::string bytes = cipher.str();
  const crypto::Bytes whole(bytes.begin(), bytes.end());
  const std::uint64_t total = whole.size();
  // In segments, so the person sees progress; a segment the connection
  // dropped is resumed from what the server says it holds.
  constexpr std::uint64_t kSegment = 256 * 1024;
  PlatformClient::Receipt receipt;
  int retries = 0;
  while (!receipt.complete) {
    const std::uint64_t until = std::min(total, receipt.received + kSegment);
    auto sent = server_.uploadAttachment(replica_.group(), id, whole, receipt.received,
                                         until == total ? 0 : until, scope.devices, form.caseId);
    if (!sent.ok()) {
      if (sent.error().code() != ErrorCode::Unavailable || ++retries > 3) return sent.error();
      SAMRAD_ASSIGN_OR_RETURN(receipt, server_.attachmentStatus(replica_.group(), id));
      continue;
    }
    if (sent->received <= receipt.received && !sent->complete) break;  // no progress: give up
    receipt = *sent;
    if (progress) progress(receipt.received, total);
  }
  if (!receipt.complete) {
    return Error(ErrorCode::Unavailable, "consent.upload_incomplete",
                 "the scanned form did not reach the server whole; try again");
  }
  form.scannedForm = id;
  form.scannedFormKey.assign(key.view().begin(), key.view().end());
  return form;
}

Status ConsentBook::scannedForm(const crypto::CaseId& caseId, std::ostream& out) {
  auto r = find(caseId);
  if (!r) return Error(ErrorCode::NotFound, "consent.not_found", "the case has no consent record");
  if (!r->form.scannedForm) {
    return Error(ErrorCode::NotFound, "consent.no_scanned_form",
                 "no scanned form was attached to this consent");
  }
  SAMRAD_ASSIGN_OR_RETURN(auto cipher,
                          server_.downloadAttachment(replica_.group(), *r->form.scannedForm));
  std::istringstream in(std::string(cipher.begin(), cipher.end()));
  const auto key = crypto::SecretBytes::copyOf(r->form.scannedFormKey);
  std::ostringstream plain;
  SAMRAD_ASSIGN_OR_RETURN(
      auto opened,
      crypto::decryptAttachment(in, plain, key,
                                scannedFormAd(replica_.group(), caseId, *r->form.scannedForm)));
  (void)opened;
  out << plain.str();
  return okStatus();
}

const std::vector<ConsentCategory>& standardConsentCategories() {
  static const std::vector<ConsentCategory> k = {
      {"violence_close_relationship", "våld i nära relation", "violence in a close relationship"},
      {"health", "hälsa", "health"},
      {"crime", "brott", "crime"},
      {"housing", "boende", "housing"},
      {"finances", "ekonomi", "finances"},
      {"children", "barn", "children"},
  };
  return k;
}

namespace {

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Lower case for ASCII and the Swedish letters Å Ä Ö É (UTF-8), enough to
// match the template's labels typed in any case.
std::string folded(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto n = static_cast<unsigned char>(out[i + 1]);
      if (n == 0x85 || n == 0x84 || n == 0x96 || n == 0x89) {  // Å Ä Ö É
        out[i + 1] = static_cast<char>(n + 0x20);
      }
      ++i;
    }
  }
  return out;
}

const ConsentCategory* findCategory(std::string_view text) {
  const std::string key = folded(trimmed(text));
  for (const auto& c : standardConsentCategories()) {
    if (key == c.code || key == folded(c.sv) || key == folded(c.en)) return &c;
  }
  return nullptr;
}

}  // namespace

std::string consentCategoryCode(std::string_view text) {
  if (const auto* c = findCategory(text)) return std::string(c->code);
  return trimmed(text);
}

std::string consentCategoryLabel(std::string_view stored, Language language) {
  if (const auto* c = findCategory(stored)) {
    return std::string(language == Language::Swedish ? c->sv : c->en);
  }
  return std::string(stored);
}

crypto::ObjectId ConsentBook::objectOf(const crypto::CaseId& caseId) {
  static constexpr std::string_view kLabel = "samrad/v1/consent-record";
  const crypto::Hash h = crypto::sha256({crypto::asBytes(kLabel), caseId.view()});
  return *crypto::ObjectId::fromBytes(crypto::ByteView(h.bytes.data(), 16));
}

Result<ConsentRecord> ConsentBook::registerConsent(const ConsentForm& given, std::int64_t now) {
  ConsentForm form = given;
  for (auto& category : form.categories) category = consentCategoryCode(category);
  auto c = cases_.find(form.caseId);
  if (!c) {
    return Error(ErrorCode::NotFound, "consent.case_unknown",
                 "no such case on this device; refer the case first");
  }
  if (c->kind != CaseKind::Consented) {
    return Error(ErrorCode::FailedPrecondition, "consent.not_consented_case",
                 "case " + c->number + " was referred as de-identified; it has no consent");
  }
  if (c->referringAgency != agency_) {
    return Error(ErrorCode::PermissionDenied, "consent.not_referring_agency",
                 "only the agency that referred case " + c->number + " registers its consent");
  }
  SAMRAD_TRY(checkForm(form));
  if (form.validUntil <= now) {
    return invalid("consent.expired", "the consent's validity has already ended");
  }
  const std::set<crypto::AgencyId> named(form.recipients.begin(), form.recipients.end());
  const std::set<crypto::AgencyId> shared(c->sharedWith.begin(), c->sharedWith.end());
  if (named != shared || named.size() != form.recipients.size()) {
    return invalid("consent.scope_mismatch", "the consent must name exactly the agencies case " +
                                                 c->number + " was referred to");
  }
  if (form.validFrom > now + crypto::kClockSkewSeconds) {
    return invalid("consent.not_yet_valid",
                   "the consent starts on " + isoDate(form.validFrom) +
                       "; register it on that day (the agencies may read the case from the moment "
                       "it is registered)");
  }
  if (auto existing = find(form.caseId);
      existing && !existing->withdrawn() && existing->form.validUntil > now) {
    return Error(ErrorCode::AlreadyExists, "consent.exists",
                 "case " + c->number + " already has a valid consent");
  }
  ConsentRecord r;
  r.form = form;
  r.registeredBy = me_;
  r.registeredAt = now;
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, cases_.scopeOf(form.caseId));
  const crypto::ObjectId recordId = objectOf(form.caseId);
  SAMRAD_TRY(replica_.write(recordId, kConsentKind, r.serialize(), scope));
  // The server checks what is already shared against the new scope: the
  // case and the record go first.
  SAMRAD_ASSIGN_OR_RETURN(PushReport pushed, replica_.push(server_));
  if (pushed.waiting > 0) {
    return Error(ErrorCode::Unavailable, "consent.offline",
                 "the server cannot be reached; the consent is kept on this device, register it "
                 "again when you are online");
  }
  for (const auto& conflict : replica_.conflicts()) {
    if (conflict.id == recordId) {
      return Error(ErrorCode::Aborted, "consent.conflict",
                   "someone else changed this consent record at the same time; check it and "
                   "register again");
    }
  }
  SAMRAD_ASSIGN_OR_RETURN(auto registered,
                          server_.registerConsent(replica_.group(), form.caseId, form.recipients,
                                                  form.validFrom, form.validUntil, recordId,
                                                  crypto::randomBytes(16), form.scannedForm));
  (void)registered;
  return r;
}

Result<WithdrawalReport> ConsentBook::withdraw(const crypto::CaseId& caseId, ConsentMethod how,
                                               const std::string& note, std::int64_t now) {
  auto r = find(caseId);
  if (!r) {
    return Error(ErrorCode::NotFound, "consent.not_found", "the case has no consent on record");
  }
  if (r->withdrawn()) {
    return Error(ErrorCode::FailedPrecondition, "consent.already_withdrawn",
                 "the consent was already withdrawn on " + isoDate(r->withdrawnAt));
  }
  auto c = cases_.find(caseId);
  if (!c || c->referringAgency != agency_) {
    return Error(ErrorCode::PermissionDenied, "consent.not_referring_agency",
                 "a withdrawal is registered by the agency that referred the case");
  }
  if (note.size() > kMaxText) return invalid("consent.too_long", "the note is over 4000 bytes");
  // The server first: from this moment no other agency can read the case.
  SAMRAD_ASSIGN_OR_RETURN(
      auto ended, server_.withdrawConsent(replica_.group(), caseId, crypto::randomBytes(16)));
  r->withdrawnAt = now;
  r->withdrawnBy = me_;
  r->withdrawalMethod = how;
  r->withdrawalNote = note;
  SAMRAD_TRY(cases_.markConsentEnded(caseId));
  SAMRAD_ASSIGN_OR_RETURN(CaseScope scope, cases_.scopeOf(caseId));
  SAMRAD_TRY(replica_.write(objectOf(caseId), kConsentKind, r->serialize(), scope));
  // Sent now if the server is reachable, later otherwise: the withdrawal
  // itself has already taken effect.
  auto pushed = replica_.push(server_);
  if (!pushed) return pushed.error();
  return WithdrawalReport{ended.narrowed, ended.deleted};
}

std::optional<ConsentRecord> ConsentBook::find(const crypto::CaseId& caseId) {
  auto o = replica_.object(objectOf(caseId));
  if (!o || o->kind != kConsentKind) return std::nullopt;
  auto r = ConsentRecord::parse(o->plaintext);
  if (!r || r->form.caseId != caseId) return std::nullopt;
  return std::move(r).value();
}

std::vector<ConsentRecord> ConsentBook::all() {
  std::vector<ConsentRecord> out;
  for (const auto& o : replica_.objects(kConsentKind)) {
    auto r = ConsentRecord::parse(o.plaintext);
    if (r && objectOf(r->form.caseId) == o.id) out.push_back(std::move(r).value());
  }
  return out;
}

std::string isoDate(std::int64_t unixSeconds) {
  const std::time_t t = static_cast<std::time_t>(unixSeconds);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string consentReceipt(const ConsentRecord& record, const std::string& caseNumber,
                           const std::map<crypto::AgencyId, std::string>& agencyNames,
                           const std::string& referringAgencyName, const std::string& contact,
                           Language language) {
  const bool sv = language == Language::Swedish;
  auto nameOf = [&](const crypto::AgencyId& a) {
    auto it = agencyNames.find(a);
    if (it != agencyNames.end()) return it->second;
    return std::string(sv ? "okänd myndighet" : "unknown agency");
  };
  const ConsentForm& f = record.form;
  std::ostringstream out;
  out << (sv ? "KVITTO PÅ SAMTYCKE" : "CONSENT RECEIPT") << "\n";
  out << (sv ? "Ärende: " : "Case: ") << caseNumber << "\n\n";
  out << (sv ? "Du gav ditt samtycke den " : "You gave your consent on ")
      << isoDate(record.registeredAt);
  if (f.method == ConsentMethod::Written) {
    out << (sv ? ", skriftligt.\n" : ", in writing.\n");
  } else {
    out << (sv ? ", muntligt, med " : ", orally, witnessed by ") << f.witness
        << (sv ? " som vittne.\n" : ".\n");
  }
  out << "\n" << (sv ? "Vad du samtyckte till: " : "What you agreed to: ") << f.oslWaiver << "\n";
  out << (sv ? "Uppgifter om dig får lämnas mellan:\n"
             : "Information about you may be shared "
               "between:\n");
  out << "  - " << referringAgencyName
      << (sv ? " (som tog emot ditt ärende)\n" : " (who received your case)\n");
  for (const auto& a : f.recipients) out << "  - " << nameOf(a) << "\n";
  out << (sv ? "Vilka uppgifter: " : "Which information: ");
  for (std::size_t i = 0; i < f.categories.size(); ++i) {
    out << (i == 0 ? "" : ", ") << consentCategoryLabel(f.categories[i], language);
  }
  out << "\n" << (sv ? "Syfte: " : "Purpose: ") << f.purpose << "\n";
  out << (sv ? "Gäller från " : "Valid from ") << isoDate(f.validFrom)
      << (sv ? " och upphör " : " until ") << isoDate(f.validUntil) << ".\n\n";
  out << (sv ? "Myndigheterna behandlar uppgifterna med stöd av: "
             : "The agencies process the information under: ")
      << f.gdprBasis << "\n"
      << (sv ? "Ditt samtycke är inte den rättsliga grunden för behandlingen; det gör att "
               "sekretessen inte hindrar att uppgifterna lämnas mellan myndigheterna.\n"
             : "Your consent is not the legal basis for that processing; it lets the agencies "
               "share the information despite confidentiality.\n");
  out << "\n";
  if (record.withdrawn()) {
    out << (sv ? "Du återkallade samtycket den " : "You withdrew your consent on ")
        << isoDate(record.withdrawnAt)
        << (sv ? ". Från den stunden kan bara " : ". From that moment only ") << referringAgencyName
        << (sv ? " läsa ärendet.\n" : " can read the case.\n");
  } else {
    out << (sv ? "Du kan när som helst återkalla ditt samtycke, helt eller delvis, utan att ange "
                 "skäl. Kontakta "
               : "You may withdraw your consent at any time, in whole or in part, without giving "
                 "a reason. Contact ")
        << referringAgencyName << (contact.empty() ? "" : ", " + contact)
        << (sv ? ". Återkallelsen gäller från den stund den registreras: de andra myndigheterna "
                 "kan då inte längre läsa ärendet.\n"
               : ". The withdrawal takes effect when it is registered: the other agencies can no "
                 "longer read the case.\n");
  }
  out << "\n"
      << (sv ? "Blankett: " : "Form: ") << f.formTemplate << (sv ? ", version " : ", version ")
      << f.formVersion << (sv ? " (kontrollsumma " : " (checksum ")
      << crypto::toHex(crypto::ByteView(f.formTextHash.bytes.data(), 8)) << ")\n";
  return out.str();
}

}  // namespace samrad::client
