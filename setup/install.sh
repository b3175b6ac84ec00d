#!/usr/bin/env bash
# One-command set-up for quotes: virtual environment, the package with its test extras,
# and Stanford CoreNLP 4.5.10 (code + English models) from Maven Central.
# Idempotent: a second run checks what is there and downloads nothing.
#
#   setup/install.sh            # venv in .venv, CoreNLP in $QUOTES_CORENLP_HOME
#
# Environment:
#   QUOTES_CORENLP_HOME  where the CoreNLP jars go (default ~/.cache/quotes/corenlp)
#   QUOTES_VENV          the virtual environment (default .venv in the project)
#   PYTHON               the interpreter to build the venv from (default python3.11 or python3)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cache_root=${XDG_CACHE_HOME:-$HOME/.cache}
corenlp_home=${QUOTES_CORENLP_HOME:-$cache_root/quotes/corenlp}
venv=${QUOTES_VENV:-$here/.venv}
corenlp_version=4.5.10
models_jar="stanford-corenlp-$corenlp_version-models.jar"
code_jar="stanford-corenlp-$corenlp_version.jar"

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# --- Python ---------------------------------------------------------------------------
py=${PYTHON:-}
if [ -z "$py" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then py=$candidate; break; fi
  done
fi
[ -n "$py" ] || die "no python3 found: install Python 3.11 or newer"
"$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || die "$py is $("$py" -V 2>&1); quotes needs Python 3.11 or newer (set PYTHON=...)"

if [ ! -x "$venv/bin/python" ]; then
  say "creating virtual environment in $venv"
  "$py" -m venv "$venv"
fi
stamp="$venv/.quotes-installed"
# Reinstall only when the dependency list changed since the last successful install.
want=$(sha256sum "$here/pyproject.toml" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing quotes and its test extras (first time: stanza pulls torch, a few minutes)"
  "$venv/bin/pip" install -q --upgrade pip >/dev/null 2>&1 || true
  "$venv/bin/pip" install -q -e "$here[test]" \
    || die "pip install failed: check network access to PyPI (pip output above)"
  echo "$want" > "$stamp"
else
  say "python packages up to date"
fi

# --- CoreNLP --------------------------------------------------------------------------
command -v java >/dev/null 2>&1 || die "java not found: install a JDK 17 (Debian: apt install openjdk-17-jre-headless)"
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
[ "${java_major:-0}" -ge 8 ] || die "java is too old (version $java_major); CoreNLP 4.5 needs Java 8+, 17 recommended"

check_models() {
  # The pipeline loads these; a truncated or wrong models jar fails here, not at run time.
  local listing
  listing=$(unzip -l "$corenlp_home/$models_jar" 2>/dev/null) || return 1
  for needed in quoteattribution/ coref/statistical/ nndep/english_UD ner/english.all.3class pos-tagger/english-left3words; do
    grep -q "$needed" <<<"$listing" || { say "models jar lacks $needed"; return 1; }
  done
}

if [ -f "$corenlp_home/$code_jar" ] && [ -f "$corenlp_home/$models_jar" ] && check_models; then
  say "CoreNLP $corenlp_version present in $corenlp_home"
else
  mkdir -p "$corenlp_home" || die "cannot create $corenlp_home (set QUOTES_CORENLP_HOME to a writable folder)"
  free_kb=$(df -Pk "$corenlp_home" | awk 'NR==2 {print $4}')
  [ "${free_kb:-0}" -gt 1200000 ] || die "need about 1.2 GB free in $corenlp_home (have $((free_kb / 1024)) MB)"
  if command -v mvn >/dev/null 2>&1; then
    say "fetching CoreNLP $corenlp_version and its models through Maven (about 500 MB, once)"
    mvn -B -q -f "$here/setup/corenlp-pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$corenlp_home" -DincludeScope=runtime \
      || die "maven could not fetch edu.stanford.nlp:stanford-corenlp:$corenlp_version: check network access to Maven Central"
  else
    say "mvn not found; falling back to stanza.install_corenlp() (needs network access to nlp.stanford.edu)"
    "$venv/bin/python" - "$corenlp_home" <<'PY' || die "no mvn and stanza.install_corenlp failed: install Maven (apt install maven) or open network access"
import sys, stanza
stanza.install_corenlp(dir=sys.argv[1], version="4.5.10")
PY
    # install_corenlp unpacks the distribution; the models jar has to be fetched separately.
    ls "$corenlp_home"/*models*.jar >/dev/null 2>&1 || "$venv/bin/python" -c "import stanza,sys; stanza.download_corenlp_models(model='english', version='4.5.10', dir=sys.argv[1])" "$corenlp_home" \
      || die "could not fetch the CoreNLP English models"
  fi
  check_models || die "the CoreNLP models jar in $corenlp_home is incomplete; delete the folder and run again"
fi

say "done. CoreNLP: $corenlp_home; python: $venv/bin/python"
say "run the seeds:  $venv/bin/quotes run        run the tests:  $venv/bin/python -m pytest"
