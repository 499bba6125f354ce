// The de-identification scanner against an annotated corpus of Swedish
// case-brief sentences (corpus.txt): precision and recall per type, with the
// targets of the issue asserted, and focused tests for the traps, the risk
// estimate and redaction.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "samrad/deid/evaluation.h"
#include "samrad/deid/pseudonyms.h"
#include "samrad/deid/reasons.h"
#include "samrad/deid/redaction.h"
#include "samrad/deid/risk.h"
#include "samrad/deid/scanner.h"

namespace samrad::deid {
namespace {

struct Gold {
  FindingType type;
  std::size_t start;
  std::size_t end;
};

struct Sentence {
  std::string text;
  std::vector<Gold> gold;
};

// "[[NAME|Anna]] bor …" → the text without markup and its annotated spans.
Sentence parseLine(const std::string& line) {
  Sentence s;
  std::u32string out;
  const std::u32string in = decodeUtf8(line);
  std::size_t i = 0;
  while (i < in.size()) {
    if (in.compare(i, 2, U"[[") == 0) {
      const std::size_t bar = in.find(U'|', i);
      const std::size_t close = in.find(U"]]", i);
      EXPECT_NE(bar, std::u32string::npos) << line;
      EXPECT_NE(close, std::u32string::npos) << line;
      const auto type = parseType(encodeUtf8(in.substr(i + 2, bar - i - 2)));
      EXPECT_TRUE(type.has_value()) << line;
      const std::u32string span = in.substr(bar + 1, close - bar - 1);
      s.gold.push_back({*type, out.size(), out.size() + span.size()});
      out += span;
      i = close + 2;
      continue;
    }
    out.push_back(in[i++]);
  }
  s.text = encodeUtf8(out);
  return s;
}

std::vector<Sentence> corpus() {
  std::ifstream in(SAMRAD_DEID_CORPUS);
  EXPECT_TRUE(in.good()) << SAMRAD_DEID_CORPUS;
  std::vector<Sentence> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    out.push_back(parseLine(line));
  }
  return out;
}

std::shared_ptr<const Lexicon> lexicon() {
  static auto lex = std::make_shared<const Lexicon>(Lexicon::standard());
  return lex;
}

TEST(DeidScanner, TheSwedishWordListIsInstalled) {
  // deploy/install-deps.sh installs wswedish; without it common words that are
  // also names could not be told apart.
  EXPECT_TRUE(lexicon()->hasWordList());
}

TEST(DeidScanner, PrecisionAndRecallPerTypeMeetTheTargets) {
  const Scanner scanner(lexicon());
  struct Counts {
    int tp = 0, fp = 0, fn = 0;
  };
  std::map<FindingType, Counts> counts;
  for (const auto& s : corpus()) {
    const auto found = scanner.scan(s.text);
    std::vector<bool> matched(s.gold.size(), false);
    for (const auto& f : found) {
      bool hit = false;
      for (std::size_t g = 0; g < s.gold.size(); ++g) {
        if (!matched[g] && s.gold[g].type == f.type && s.gold[g].start == f.start &&
            s.gold[g].end == f.end) {
          matched[g] = true;
          hit = true;
          break;
        }
      }
      if (hit) {
        ++counts[f.type].tp;
      } else {
        ++counts[f.type].fp;
        std::printf("  unexpected %s '%s' in: %s\n", std::string(typeName(f.type)).c_str(),
                    f.text.c_str(), s.text.c_str());
      }
    }
    for (std::size_t g = 0; g < s.gold.size(); ++g) {
      if (!matched[g]) {
        ++counts[s.gold[g].type].fn;
        const std::u32string t = decodeUtf8(s.text);
        std::printf("  missed %s '%s' in: %s\n", std::string(typeName(s.gold[g].type)).c_str(),
                    encodeUtf8(t.substr(s.gold[g].start, s.gold[g].end - s.gold[g].start)).c_str(),
                    s.text.c_str());
      }
    }
  }
  for (const auto& [type, c] : counts) {
    const double precision = c.tp + c.fp == 0 ? 1.0 : static_cast<double>(c.tp) / (c.tp + c.fp);
    const double recall = c.tp + c.fn == 0 ? 1.0 : static_cast<double>(c.tp) / (c.tp + c.fn);
    std::printf("%-18s tp %3d fp %3d fn %3d  precision %.2f recall %.2f\n",
                std::string(typeName(type)).c_str(), c.tp, c.fp, c.fn, precision, recall);
    const bool structured = type != FindingType::Name && type != FindingType::Address &&
                            type != FindingType::Date && type != FindingType::Cue &&
                            type != FindingType::Place;
    if (structured) {
      EXPECT_GE(recall, 0.98) << typeName(type);
      EXPECT_GE(precision, 0.95) << typeName(type);
    } else if (type == FindingType::Name || type == FindingType::Address ||
               type == FindingType::Place) {
      EXPECT_GE(recall, 0.90) << typeName(type);
    }
  }
}

TEST(DeidScanner, SpansCountCodePointsNotBytes) {
  const Scanner scanner(lexicon());
  const auto found = scanner.scan("Åsa Öberg ringde från 070-123 45 67.");
  ASSERT_EQ(found.size(), 2U);
  EXPECT_EQ(found[0].type, FindingType::Name);
  EXPECT_EQ(found[0].start, 0U);
  EXPECT_EQ(found[0].end, 9U);
  EXPECT_EQ(found[0].text, "Åsa Öberg");
  EXPECT_EQ(found[1].type, FindingType::Phone);
  EXPECT_EQ(found[1].start, 22U);
}

TEST(DeidScanner, InvalidUtf8IsReadNotRejected) {
  const Scanner scanner(lexicon());
  const std::string junk = std::string("\xff\xfe") + "850612-1238 \xc3";
  const auto found = scanner.scan(junk);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(found[0].type, FindingType::Personnummer);
  EXPECT_EQ(found[0].start, 2U);
}

TEST(DeidRisk, SexAndExactBirthDateInASmallMunicipalityIsHigh) {
  QuasiIdentifiers q;
  q.municipality = "Uppvidinge";
  q.county = "Kronobergs län";
  q.population = 9600;
  q.sex = Sex::Female;
  q.exactBirthDate = true;
  const auto r = assessRisk(q);
  EXPECT_EQ(r.level, RiskLevel::High);
  EXPECT_LT(r.expectedMatches, 1.0);
  bool county = false;
  for (const auto& s : r.suggestions) county = county || s.to == "Kronobergs län";
  EXPECT_TRUE(county);
}

TEST(DeidRisk, AnAgeBandInALargeCityIsLowAndExactAgeSuggestsABand) {
  QuasiIdentifiers q;
  q.municipality = "Göteborg";
  q.population = 600000;
  q.sex = Sex::Female;
  q.ageBand = std::make_pair(30, 39);
  EXPECT_EQ(assessRisk(q).level, RiskLevel::Low);
  q.ageBand.reset();
  q.exactAge = 34;
  q.children = 2;
  q.childAges = {3, 7};
  q.occupation = "barnmorska";
  const auto r = assessRisk(q);
  EXPECT_NE(r.level, RiskLevel::Low);
  bool band = false;
  for (const auto& s : r.suggestions) band = band || (s.from == "34" && s.to == "30–39");
  EXPECT_TRUE(band);
}

TEST(DeidRedaction, OnlyAcceptedProposalsChangeTheText) {
  const Scanner scanner(lexicon());
  const std::string text = "Anna Svensson, född 12 april 1990, bor på Storgatan 12B.";
  const auto proposals = propose(scanner.scan(text));
  ASSERT_EQ(proposals.size(), 3U);
  EXPECT_EQ(applyAccepted(text, proposals, {true, true, true}),
            "[NAMN], född 1990, bor på [ADRESS].");
  EXPECT_EQ(applyAccepted(text, proposals, {false, true, false}),
            "Anna Svensson, född 1990, bor på Storgatan 12B.");
  EXPECT_EQ(applyAccepted(text, proposals, {false, false, false}), text);
}

// ---- whole briefs -------------------------------------------------------------

std::vector<AnnotatedBrief> briefs(const std::string& name) {
  std::ifstream in(std::string(SAMRAD_DEID_BRIEFS) + "/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = parseCorpus(text.str());
  EXPECT_TRUE(parsed.ok()) << name << ": " << parsed.error().describe();
  return parsed.ok() ? *parsed : std::vector<AnnotatedBrief>{};
}

void expectFloors(const Evaluation& e, double nameRecall, double placeRecall, double precision,
                  double numberRecall = 1.0) {
  std::printf("%s", formatTable(e).c_str());
  EXPECT_GE(e.of("NAME").recall(), nameRecall);
  EXPECT_GE(e.of("PLACE").recall(), placeRecall);
  for (const char* exact : {"ID", "PHONE", "EMAIL", "PLATE"}) {
    EXPECT_GT(e.of(exact).gold, 0U) << exact;
    EXPECT_GE(e.of(exact).recall(), numberRecall) << exact;
  }
  EXPECT_GE(e.overall.precision(), precision);
  for (const auto& m : e.misses) {
    std::printf("  missed %s %s \"%s\"\n", m.brief.c_str(), m.cls.c_str(), m.text.c_str());
  }
}

// The honest figure: briefs written blind to the scanner and its lists, with
// names and places from a list of their own, first run after the rules were
// frozen. The targets as floors, so a regression fails.
TEST(DeidBriefs, TheHeldOutBriefsMeetTheTargets) {
  const auto set = briefs("heldout.txt");
  ASSERT_GE(set.size(), 100U);
  const Scanner scanner(lexicon());
  expectFloors(evaluate(scanner, set), 0.95, 0.90, 0.90);
}

// The 200 development briefs the rules were written against: higher floors.
TEST(DeidBriefs, TheDevelopmentBriefsStayWhereTheyAre) {
  auto set = briefs("dev_a.txt");
  const auto more = briefs("dev_b.txt");
  set.insert(set.end(), more.begin(), more.end());
  ASSERT_GE(set.size(), 200U);
  const Scanner scanner(lexicon());
  // Two ten-digit numbers there are marked although they have no keyword
  // or separator: on purpose not found (a bare number that passes Luhn).
  expectFloors(evaluate(scanner, set), 0.97, 0.90, 0.95, 0.97);
}

TEST(DeidBriefs, EveryReasonTheScannerGivesHasASwedishAndAnEnglishSentence) {
  const Scanner scanner(lexicon());
  std::set<std::string> seen;
  for (const char* file : {"dev_a.txt", "dev_b.txt"}) {
    for (const auto& b : briefs(file)) {
      for (const auto& f : scanner.scan(b.text)) seen.insert(f.reason);
    }
  }
  EXPECT_GE(seen.size(), 15U);
  const auto& codes = reasonCodes();
  for (const auto& code : seen) {
    EXPECT_NE(std::find(codes.begin(), codes.end(), code), codes.end()) << code;
  }
  for (const auto code : codes) {
    const auto sv = reasonText(code, Language::Swedish);
    const auto en = reasonText(code, Language::English);
    EXPECT_NE(sv, code);
    EXPECT_NE(en, code);
    EXPECT_NE(sv, en) << code;
  }
  EXPECT_EQ(reasonText("name.after_cue", Language::English),
            "name after a word for a person (e.g. partner, neighbour, interpreter)");
  EXPECT_EQ(languageFromLocale("sv_SE.UTF-8"), Language::Swedish);
  EXPECT_EQ(languageFromLocale("en_GB.UTF-8"), Language::English);
}

TEST(DeidBriefs, AMalformedCorpusIsAClearError) {
  EXPECT_EQ(parseCorpus("### b1\nHon heter [[NAME|Anna.\n").error().reason(), "deid.corpus_marker");
  EXPECT_EQ(parseCorpus("### b1\nHon heter [[PERSON|Anna]].\n").error().reason(),
            "deid.corpus_class");
  EXPECT_EQ(parseCorpus("Text\n### b1\nHon heter [[NAME|Anna]].\n").error().reason(),
            "deid.corpus_header");
}

TEST(DeidBriefs, AMarkedSpanHalfCoveredIsAMiss) {
  // A redaction that leaves "Warsame" readable did not find the name.
  AnnotatedBrief b;
  b.id = "x";
  b.text = "Hon bor med Xq Warsame.";
  b.gold = {{"NAME", 12, 22, "Xq Warsame"}};
  const Scanner scanner(
      std::make_shared<const Lexicon>(Lexicon::fromLists({}, {"Warsame"}, {"bor", "med"})));
  const auto e = evaluate(scanner, {b});
  EXPECT_EQ(e.of("NAME").gold, 1U);
  EXPECT_EQ(e.of("NAME").recalled, e.of("NAME").predicted > 0 && e.misses.empty() ? 1U : 0U);
}

// ---- text as people paste it -------------------------------------------------------

TEST(DeidScanner, NamesInOtherScriptsDecomposedAccentsAndHiddenCharactersAreFound) {
  const Scanner scanner(lexicon());
  auto names = [&](const std::u32string& text) {
    std::vector<std::string> out;
    for (const auto& f : scanner.scan(encodeUtf8(text))) {
      if (f.type == FindingType::Name) out.push_back(f.text);
    }
    return out;
  };
  // Cyrillic, Arabic, Vietnamese.
  EXPECT_EQ(names(U"Kvinnan heter Ольга Иванова och bor hos sin bror."),
            std::vector<std::string>{"Ольга Иванова"});
  EXPECT_EQ(names(U"Mannen kallas عمر av grannarna."), std::vector<std::string>{"عمر"});
  EXPECT_EQ(names(U"Sambon Trần Văn Hùng har hotat henne."),
            std::vector<std::string>{"Trần Văn Hùng"});
  // "Åsa" pasted from a Mac: A + combining ring.
  EXPECT_EQ(names(U"Mamman A\u030asa Lindqvist ringde."),
            std::vector<std::string>{encodeUtf8(U"A\u030asa Lindqvist")});
  // A soft hyphen inside a surname does not split it.
  EXPECT_EQ(names(U"Sambon Hodan War\u00adsame ringde."),
            std::vector<std::string>{encodeUtf8(U"Hodan War\u00adsame")});
  // Capitals of Latin Extended-A: Ł, Ž.
  EXPECT_EQ(names(U"Grannen Łukasz Nowak och hans bror Željko såg det."),
            (std::vector<std::string>{"Łukasz Nowak", "Željko"}));
  // An unknown given name starting a sentence before a name.
  EXPECT_EQ(names(U"Hon är rädd. Ngozi Okonkwo slog henne igen."),
            std::vector<std::string>{"Ngozi Okonkwo"});
}

TEST(DeidScanner, ALongTextCostsInProportionToItsLength) {
  // Overlaps are resolved in n log n and compound splitting has a cap: eight
  // times the text costs about eight times as much, not sixty-four (a guard
  // against going quadratic again; it compares two runs, no fixed time).
  const Scanner scanner(lexicon());
  auto timeFor = [&](int names) {
    std::string text;
    for (int i = 0; i < names; ++i) text += "Grannen Anna Svensson ringde från Föllinge. ";
    text += std::string(static_cast<std::size_t>(names) * 10, 'a');
    const auto start = std::chrono::steady_clock::now();
    const auto found = scanner.scan(text);
    EXPECT_EQ(found.size(), static_cast<std::size_t>(names) * 2);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  timeFor(500);  // warm up
  const double small = timeFor(1500);
  const double large = timeFor(12000);
  std::printf("1,500 names: %.3f s, 12,000 names: %.3f s\n", small, large);
  EXPECT_LT(large, 20 * small);  // eight times the text: ~8x linear, ~64x quadratic
}

// ---- pseudonyms -----------------------------------------------------------------

TEST(DeidPseudonyms, TheSamePersonGetsTheSamePseudonymInTheCasesSecondBrief) {
  const Scanner scanner(lexicon());
  PseudonymBook book;
  const std::string first =
      "Sambon Hodan Warsame bor i Föllinge med sonen Liban. Hon nås på 070-123 45 67.";
  const auto p1 = book.propose(scanner.scan(first));
  EXPECT_EQ(applyAccepted(first, p1, std::vector<bool>(p1.size(), true)),
            "Sambon Person A bor i Ort 1 med sonen Person B. Hon nås på [TELEFON].");
  // Serialised and read back, as the device keeps it between briefs.
  auto kept = PseudonymBook::parse(book.serialize());
  ASSERT_TRUE(kept.ok());
  const std::string second =
      "Hodans bror ringde från Föllinge. Liban och grannen Milica såg Hodan Warsame gå.";
  const auto p2 = kept->propose(scanner.scan(second));
  EXPECT_EQ(applyAccepted(second, p2, std::vector<bool>(p2.size(), true)),
            "Person A:s bror ringde från Ort 1. Person B och grannen Person C såg Person A gå.");
  // A pseudonymised text has nothing left to find.
  const std::string done = applyAccepted(second, p2, std::vector<bool>(p2.size(), true));
  EXPECT_TRUE(scanner.scan(done).empty()) << scanner.scan(done).front().text;
  EXPECT_EQ(PseudonymBook::parse("not a book").error().reason(), "deid.pseudonyms_corrupt");

  // A family shares a surname, not a person: three people, and the surname
  // alone is nobody in particular.
  PseudonymBook family;
  const std::string hassan =
      "Ali Hassan slog sin fru Amina Hassan. Sonen Omar Hassan ringde. Hassan nekar.";
  const auto ph = family.propose(scanner.scan(hassan));
  EXPECT_EQ(applyAccepted(hassan, ph, std::vector<bool>(ph.size(), true)),
            "Person A slog sin fru Person B. Sonen Person C ringde. Person D nekar.");

  // Schools and workplaces are not places to the reader: they get their own.
  const std::string third = "Dottern går på Solrosens förskola och mamman arbetar på ICA Maxi.";
  const auto p3 = kept->propose(scanner.scan(third));
  EXPECT_EQ(applyAccepted(third, p3, std::vector<bool>(p3.size(), true)),
            "Dottern går på Skola 1 och mamman arbetar på Arbetsplats 1.");
}

}  // namespace
}  // namespace samrad::deid
