#include "samrad/deid/redaction.h"

#include <algorithm>

#include "text.h"

namespace samrad::deid {
namespace {

Proposal proposalFor(const Finding& f) {
  Proposal p{f, "", ""};
  switch (f.type) {
    case FindingType::Personnummer:
      p.replacement = "[PERSONNUMMER]";
      p.explanation = "personnummer tas bort helt";
      break;
    case FindingType::Samordningsnummer:
      p.replacement = "[SAMORDNINGSNUMMER]";
      p.explanation = "samordningsnummer tas bort helt";
      break;
    case FindingType::Name:
      p.replacement = "[NAMN]";
      p.explanation = "namn ersätts med en etikett";
      break;
    case FindingType::Address:
      p.replacement = "[ADRESS]";
      p.explanation = "adress eller ort ersätts med en etikett";
      break;
    case FindingType::Postcode: {
      // Keep the first digit: the postal region, not the street.
      const std::u32string t = decodeUtf8(f.text);
      p.replacement = t.empty() ? "[POSTNUMMER]" : encodeUtf8(t.substr(0, 1)) + "xx xx";
      p.explanation = "postnummer grovt till postregion";
      break;
    }
    case FindingType::Phone:
      p.replacement = "[TELEFON]";
      p.explanation = "telefonnummer tas bort";
      break;
    case FindingType::Email:
      p.replacement = "[E-POST]";
      p.explanation = "e-postadress tas bort";
      break;
    case FindingType::Plate:
      p.replacement = "[REGNR]";
      p.explanation = "registreringsnummer tas bort";
      break;
    case FindingType::Date: {
      // Keep a four-digit year when there is one: the month and day identify.
      const std::u32string t = decodeUtf8(f.text);
      std::u32string year;
      for (std::size_t i = 0; i + 4 <= t.size(); ++i) {
        bool four = true;
        for (std::size_t k = 0; k < 4; ++k) four = four && text::isDigit(t[i + k]);
        if (four && (i + 4 == t.size() || !text::isDigit(t[i + 4])) &&
            (i == 0 || !text::isDigit(t[i - 1]))) {
          year = t.substr(i, 4);
          break;
        }
      }
      p.replacement = year.empty() ? "[DATUM]" : encodeUtf8(year);
      p.explanation = year.empty() ? "datum tas bort" : "datum grovt till år";
      break;
    }
    case FindingType::Cue:
      p.replacement = "[PLATS/ARBETSPLATS]";
      p.explanation = "identifierande plats, skola eller arbetsplats ersätts";
      break;
    case FindingType::Place:
      p.replacement = "[ORT]";
      p.explanation = "ort, by eller stadsdel ersätts med en etikett";
      break;
  }
  return p;
}

}  // namespace

std::vector<Proposal> propose(const std::vector<Finding>& findings) {
  std::vector<Proposal> out;
  out.reserve(findings.size());
  for (const auto& f : findings) out.push_back(proposalFor(f));
  return out;
}

std::string applyAccepted(std::string_view utf8, const std::vector<Proposal>& proposals,
                          const std::vector<bool>& accepted) {
  std::u32string t = decodeUtf8(utf8);
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < proposals.size() && i < accepted.size(); ++i) {
    if (accepted[i]) order.push_back(i);
  }
  // Back to front, so earlier spans keep their positions.
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return proposals[a].finding.start > proposals[b].finding.start;
  });
  std::size_t limit = t.size();
  for (std::size_t i : order) {
    const Finding& f = proposals[i].finding;
    if (f.end > limit || f.start > f.end) continue;  // overlapping or stale: skip
    t.replace(f.start, f.end - f.start, decodeUtf8(proposals[i].replacement));
    limit = f.start;
  }
  return encodeUtf8(t);
}

}  // namespace samrad::deid
