#!/usr/bin/env bash
# Makes a development PKI for a local Samråd server: a CA and a server TLS
# certificate for localhost / 127.0.0.1 / ::1, signed by it.
#   deploy/dev-pki.sh OUT_DIR
# Idempotent: an existing, still-valid pair is kept. Keys are 0600.
# For development and tests only; a real deployment uses the agency's own PKI.
set -euo pipefail
out=${1:?usage: dev-pki.sh OUT_DIR}
mkdir -p "$out"
chmod 700 "$out"
cd "$out"

if [ -s ca.crt ] && [ -s server.crt ] && [ -s server.key ] &&
   openssl x509 -checkend 86400 -noout -in server.crt >/dev/null 2>&1 &&
   openssl verify -CAfile ca.crt server.crt >/dev/null 2>&1; then
  exit 0
fi

umask 077
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
  -keyout ca.key -out ca.crt -days 365 -sha256 \
  -subj "/O=Samråd development/CN=Samråd development CA" \
  -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
  -keyout server.key -out server.csr -sha256 \
  -subj "/O=Samråd development/CN=localhost" 2>/dev/null
cat > server.ext <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1
EXT
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
  -out server.crt -days 90 -sha256 -extfile server.ext 2>/dev/null
rm -f server.csr server.ext ca.srl
chmod 600 ca.key server.key
chmod 644 ca.crt server.crt
