#include "samrad/deid/reasons.h"

#include <algorithm>
#include <array>

namespace samrad::deid {
namespace {

struct Entry {
  std::string_view code;
  std::string_view sv;
  std::string_view en;
};

constexpr std::array kReasons = {
    Entry{"email", "e-postadress", "e-mail address"},
    Entry{"id.personnummer",
          "ser ut som ett riktigt personnummer (giltigt datum och kontrollsiffra)",
          "looks like a real personal identity number (valid date and check digit)"},
    Entry{"id.samordningsnummer",
          "ser ut som ett riktigt samordningsnummer (giltigt datum och kontrollsiffra)",
          "looks like a real coordination number (valid date and check digit)"},
    Entry{"phone.mobile", "mobilnummer (svenskt format)", "mobile number (Swedish format)"},
    Entry{"phone.landline", "telefonnummer (svenskt format)", "phone number (Swedish format)"},
    Entry{"postcode", "postnummer (NNN NN)", "postcode (NNN NN)"},
    Entry{"address.after_postcode", "ort efter postnummer", "town after a postcode"},
    Entry{"address.street", "gatuadress", "street address"},
    Entry{"address.apartment", "lägenhetsnummer", "flat number"},
    Entry{"address.co", "c/o-adress", "c/o address"},
    Entry{"address.box", "boxadress", "PO box address"},
    Entry{"plate", "registreringsnummer (ABC 123 / ABC 12A)",
          "registration number (ABC 123 / ABC 12A)"},
    Entry{"date.incident", "exakt datum för födelse eller händelse",
          "exact date of a birth or an incident"},
    Entry{"date.long_ago", "exakt datum långt bakåt (troligen födelsedatum)",
          "exact date long ago (probably a date of birth)"},
    Entry{"place.school", "namngiven skola eller förskola", "named school or preschool"},
    Entry{"place.workplace", "namngiven arbetsplats", "named workplace"},
    Entry{"place.institution", "namngiven butik, vårdinrättning, boende eller förening",
          "named shop, clinic, care home or association"},
    Entry{"place.lives", "namngiven ort där personen bor", "named place where the person lives"},
    Entry{"place.listed", "finns i listan över kommuner, orter och stadsdelar",
          "in the list of municipalities, towns and districts"},
    Entry{"place.shaped", "ser ut som ett ortnamn (slutar på -sjön, -träsk, -måla …)",
          "looks like a place name (ends in -sjön, -träsk, -måla …)"},
    Entry{"place.after_preposition",
          "ord med stor bokstav efter ”i”, ”från”, ”till” eller ”utanför” – kan vara en ort",
          "capitalised word after “in”, “from”, “to” or “outside” – may be a place"},
    Entry{"name.after_cue", "namn efter ett ord om en person (t.ex. sambon, grannen, tolken)",
          "name after a word for a person (e.g. partner, neighbour, interpreter)"},
    Entry{"name.listed", "finns i namnlistan", "in the list of names"},
    Entry{"name.genitive", "namn i genitiv", "name in the genitive"},
    Entry{"name.nickname", "smeknamn", "nickname"},
    Entry{"name.hyphenated", "dubbelnamn med bindestreck", "hyphenated name"},
    Entry{"name.capitalised_word",
          "ord som också är ett namn, skrivet med stor bokstav mitt i meningen",
          "word that is also a name, capitalised mid-sentence"},
    Entry{"name.word_as_subject",
          "ord som också är ett namn, följt av ett verb som om det vore en person",
          "word that is also a name, followed by a verb as a person would be"},
    Entry{"name.unknown_after_cue",
          "ord med stor bokstav efter ett ord om en person (t.ex. sambon, grannen)",
          "capitalised word after a word for a person (e.g. partner, neighbour)"},
    Entry{"name.part", "del av ett namn", "part of a name"},
    Entry{"name.other_script",
          "ord i ett annat skriftsystem (t.ex. arabiska, kyrilliska) – "
          "oftast ett namn",
          "word in another script (e.g. Arabic, Cyrillic) – usually a name"},
    Entry{"name.surname_after_given", "efternamn efter förnamn", "surname after a given name"},
    Entry{"name.unknown_capitalised",
          "okänt ord med stor bokstav mitt i meningen — varken vanligt ord eller känd organisation",
          "unknown capitalised word mid-sentence — neither an ordinary word nor a known "
          "organisation"},
};

}  // namespace

Language languageFromLocale(std::string_view localeName) {
  return localeName.substr(0, 2) == "sv" ? Language::Swedish : Language::English;
}

std::string reasonText(std::string_view code, Language language) {
  const auto* it = std::find_if(kReasons.begin(), kReasons.end(),
                                [&](const Entry& e) { return e.code == code; });
  if (it == kReasons.end()) return std::string(code);
  return std::string(language == Language::Swedish ? it->sv : it->en);
}

const std::vector<std::string_view>& reasonCodes() {
  static const std::vector<std::string_view> codes = [] {
    std::vector<std::string_view> out;
    out.reserve(kReasons.size());
    for (const auto& e : kReasons) out.push_back(e.code);
    return out;
  }();
  return codes;
}

}  // namespace samrad::deid
