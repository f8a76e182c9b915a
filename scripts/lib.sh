#!/usr/bin/env bash
# Shared by scripts/* and .ci/run: locate a JDK >= 21 (Lucene 10 needs it) without touching the
# machine's default java, which may be older.

java_major() {  # prints the major version of the java binary given, or nothing
  "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

find_jdk21() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

require_jdk21() {
  local home
  if ! home=$(find_jdk21); then
    echo "error: Passerelle needs a JDK 21 or newer (Lucene 10)." >&2
    echo "       Set JAVA_HOME to one, or install one under /usr/lib/jvm (e.g. apt-get install openjdk-21-jdk-headless or Temurin)." >&2
    exit 1
  fi
  export JAVA_HOME="$home"
  export PATH="$JAVA_HOME/bin:$PATH"
}
