// The scanner's fixed vocabularies (lower case): cue words before names,
// words that are not names, authorities, institutions, places, chains and
// the like — each a set of its own, built once on first use. The name and
// place lists themselves come from client/deid/data (name_lists.h).
#pragma once

#include <initializer_list>
#include <string>
#include <unordered_set>

namespace samrad::deid::wordsets {

using WordSet = std::unordered_set<std::u32string>;

// A set of the given UTF-8 words.
WordSet words(std::initializer_list<const char*> list);
bool contains(const WordSet& set, const std::u32string& w);

const WordSet& idContext();
const WordSet& nameCues();
const WordSet& notNames();
const WordSet& acronyms();
const WordSet& organisationHeads();
const WordSet& streetPrefixes();
const WordSet& streetWords();
const WordSet& authorities();
const WordSet& authoritySuffixes();
const WordSet& regionsAndCountries();
const WordSet& placePrepositions();
const WordSet& moveVerbs();
const WordSet& placeNouns();
const WordSet& institutionNouns();
const WordSet& schoolNouns();
const WordSet& chains();
const WordSet& chainWords();
const WordSet& streetSuffixes();
const WordSet& surnameEndings();
const WordSet& plateStoplist();
const WordSet& monthNames();
const WordSet& incidentCues();
const WordSet& subjectVerbs();
const WordSet& workCues();
const WordSet& placeCues();

}  // namespace samrad::deid::wordsets
