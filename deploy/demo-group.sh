#!/usr/bin/env bash
# Sets up the demo consultation group "Samråd Nordstad" through samrad-cli,
# the way five people at five agencies would: agencies bootstrapped by the
# operator, people enrolled from identity requests, the group from member
# cards, cases, a consent, a meeting with minutes and an action, and an
# advice request from a small municipality. Each person's device profile is
# a folder under DIR/profiles; all share the demo passphrase in
# DIR/passphrase (demo only — a real profile has its own).
#
#   deploy/demo-group.sh --cli PATH --server HOST:PORT --ca FILE --operator-key FILE --dir DIR
#
# Run twice against the same server, it does nothing the second time.
set -euo pipefail
cli= server= ca= opkey= dir=
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli=$2; shift ;;
    --server) server=$2; shift ;;
    --ca) ca=$2; shift ;;
    --operator-key) opkey=$2; shift ;;
    --dir) dir=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "demo-group.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
  shift
done
for v in cli server ca opkey dir; do
  [ -n "${!v}" ] || { echo "demo-group.sh: --${v/opkey/operator-key} is required" >&2; exit 2; }
done

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# The group is tied to this server: its id (from the operator key) marks it.
marker="$dir/group.done"
server_mark=$(sha256sum "$opkey" | cut -c1-16)
if [ -f "$marker" ] && [ "$(cat "$marker")" = "$server_mark" ]; then
  echo "[demo-group] the demo group already exists in $dir"
  exit 0
fi
rm -rf "$dir/profiles" "$dir/files"
mkdir -p "$dir/profiles" "$dir/files"
umask 077
pass_file="$dir/passphrase"
[ -f "$pass_file" ] || printf 'samråd demo nordstad' >"$pass_file"
f="$dir/files"

# samrad-cli as one person. SAMRAD_KDF=interactive: the lighter Argon2id
# floor, so the demo sets up in seconds; a real profile uses the default.
as() {
  local who=$1; shift
  SAMRAD_KDF=interactive "$cli" --server "$server" --ca "$ca" \
    --profile "$dir/profiles/$who" --passphrase-file "$pass_file" "$@"
}
field() { sed -n "s/^$1=//p"; }

declare -A agency root
boot() {  # name-in-profile kind display-name
  local out
  out=$(as "$1-admin" agency bootstrap --kind "$2" --name "$3" --operator-key "$opkey")
  agency[$1]=$(field agency <<<"$out")
  root[$1]=$(field root <<<"$out")
}
echo "[demo-group] five agencies and their administrators"
boot soc 2 "Socialtjänsten Nordstad"
boot pol 1 "Polisen Nordstad"
boot vard 3 "Region Nordstad, hälso- och sjukvård"
boot jur 4 "Nordstads juridiska enhet"
boot lill 5 "Lillby kommun"
declare -A names=([soc]="Socialtjänsten Nordstad" [pol]="Polisen Nordstad"
  [vard]="Region Nordstad, hälso- och sjukvård" [jur]="Nordstads juridiska enhet"
  [lill]="Lillby kommun")
# What each agency's administrator tells a newcomer: id and root key (the
# safety number of the two is compared in person).
for a in soc pol vard jur lill; do
  printf '%s agency=%s root=%s name=%s\n' "$a" "${agency[$a]}" "${root[$a]}" "${names[$a]}"
done >"$dir/agencies.txt"

declare -A user
person() {  # who agency role
  local who=$1 ag=$2 role=$3 req reg
  req=$(as "$who" profile init --agency "${agency[$ag]}" --role "$role")
  printf '%s\n' "$req" >"$f/$who.request"
  user[$who]=$(field user <<<"$req")
  reg=$(as "$ag-admin" user register --role "$role" --request "$f/$who.request" --out "$f/$who.cert")
  for a in soc pol vard jur lill; do
    as "$who" profile pin --agency "${agency[$a]}" --root "${root[$a]}" --name "${names[$a]}" >/dev/null
  done
  as "$who" profile enrol --certificate "$f/$who.cert" --code "$(field code <<<"$reg")" >/dev/null
}
echo "[demo-group] people enrol their devices"
person samordnare soc member
person polis pol member
person vard vard member
person jurist jur lawyer
person lillby lill external

echo "[demo-group] the coordinator creates the group from the members' cards"
for who in polis vard jurist; do as "$who" profile card >"$f/$who.card"; done
group=$(as samordnare group create --member "$f/polis.card:member" --member "$f/vard.card:member" \
  --member "$f/jurist.card:lawyer" | field group)
for who in polis vard jurist; do as "$who" group use --group "$group" >/dev/null; done

echo "[demo-group] cases, a consent, a meeting with minutes and an action"
cat >"$f/brief-041.txt" <<'TXT'
Kvinna i 40-årsåldern, sambo med gemensamma barn. Uppger upprepat fysiskt våld och hot under det senaste halvåret, senast förra veckan. Polisanmälan finns. Behöver skyddat boende och samordnat stöd.
TXT
cat >"$f/brief-043.txt" <<'TXT'
Man i 70-årsåldern som uppger ekonomiskt och psykiskt våld från vuxet barn som bor i hemmet. Hemtjänst finns. Vården har sett upprepade blåmärken. Önskar stöd men är rädd för konsekvenserna för relationen.
TXT
cat >"$f/brief-042.txt" <<'TXT'
Sara Lind (personnummer i akten) har samtyckt till att socialtjänsten, polisen och vården delar uppgifter om hennes situation. Hot från tidigare partner efter separationen, två barn 4 och 7 år. Behöver hjälp med boende och en hotbedömning.
TXT
as polis case refer --number NRS-2026-041 --urgency acute --children --brief-file "$f/brief-041.txt" >/dev/null
as vard case refer --number NRS-2026-043 --urgency planned --brief-file "$f/brief-043.txt" >/dev/null
as samordnare case refer --number NRS-2026-042 --kind consented --urgency planned --children \
  --share-with "${agency[pol]}" --share-with "${agency[vard]}" --brief-file "$f/brief-042.txt" >/dev/null
printf 'Samtyckesblankett Samråd Nordstad, version 2\n' >"$f/form.txt"
today=$(date -u +%F)
as samordnare consent register --case NRS-2026-042 --osl "OSL 12 kap. 2 §" \
  --gdpr "GDPR art. 6.1 e och 9.2 h" --recipient "${agency[pol]}" --recipient "${agency[vard]}" \
  --category "våld i nära relation" --category "boende" --purpose "samordnat skydd och stöd" \
  --from "$today" --until "$(date -u -d '+1 year' +%F)" --template "Samråd Nordstad" \
  --template-version 2 --form-text-file "$f/form.txt" >/dev/null
printf 'Det som sägs på mötet omfattas av sekretess enligt offentlighets- och sekretesslagen och stannar i rummet.\n' >"$f/statement.txt"
# The next Tuesday (never today), 09:00, weekly for four weeks.
meeting=$(date -u -d "next tuesday" +%F)
as samordnare meeting schedule --first "${meeting}T09:00" --count 4 --place "Kommunhuset, rum Ljusnan" \
  --statement-file "$f/statement.txt" >/dev/null
as samordnare meeting agenda --build --meeting "$meeting" >/dev/null
as polis meeting attend --meeting "$meeting" --statement-file "$f/statement.txt" >/dev/null
as samordnare meeting attend --meeting "$meeting" --statement-file "$f/statement.txt" >/dev/null
as samordnare meeting minutes --meeting "$meeting" --item 1 \
  --summary "Akut läge. Polisen har gjort en första riskbedömning." \
  --decision "Socialtjänsten ordnar skyddat boende." >/dev/null
as samordnare action add --case NRS-2026-041 --meeting "$meeting" --agency "${agency[pol]}" \
  --description "Hotbedömning enligt Patriark" --due "$(date -u -d '+10 days' +%F)" >/dev/null
as samordnare action add --case NRS-2026-041 --meeting "$meeting" --agency "${agency[soc]}" \
  --description "Ordna skyddat boende" --due "$(date -u -d '+3 days' +%F)" >/dev/null
as polis case followup NRS-2026-041 --living with-perpetrator --children 2 --violence physical \
  --violence psychological --risk high --risk-method Patriark \
  --measure "${agency[pol]}:hotbedömning" --measure "${agency[soc]}:skyddat boende" >/dev/null
as vard case followup NRS-2026-043 --living with-others --violence economic --violence psychological \
  --risk moderate --risk-method FREDA --after reduced --goals partly >/dev/null
as samordnare retention set --deidentified-months 6 --consented-months 24 --consent-years 10 >/dev/null

echo "[demo-group] Lillby kommun asks the group for advice"
as samordnare advice open >/dev/null
as samordnare advice allow --user "${user[lillby]}" >/dev/null
printf 'En äldre man i vår kommun utsätts sannolikt för ekonomiskt våld av sitt vuxna barn. Hur har ni arbetat när personen inte vill polisanmäla?\n' >"$f/question.txt"
as lillby advice ask --group "$group" --question-file "$f/question.txt" \
  --organisation "Lillby kommun, socialtjänsten" >/dev/null
as lillby group use --group "$group" >/dev/null 2>&1 || true

printf '%s' "$server_mark" >"$marker"
cat <<TXT
[demo-group] the group "Samråd Nordstad" is ready: group=$group
  profiles    $dir/profiles/{samordnare,polis,vard,jurist,lillby}
              (and each agency's administrator: soc-admin, pol-admin, vard-admin, jur-admin, lill-admin)
  agencies    $dir/agencies.txt (id and root key each administrator gives a newcomer)
  passphrase  $pass_file
TXT
