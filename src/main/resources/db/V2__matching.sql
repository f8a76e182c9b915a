-- The computed bridge between referentials: no official ROME <-> ESCO <-> Compétent occupation crosswalk
-- exists, so Passerelle derives one from labels and skill overlap and records how sure it is.
CREATE TABLE occupation_link (
  from_id    TEXT NOT NULL REFERENCES occupation(id) ON DELETE CASCADE,
  to_id      TEXT NOT NULL REFERENCES occupation(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('exact', 'close', 'broad', 'narrow')),
  confidence REAL NOT NULL,
  method     TEXT NOT NULL,
  PRIMARY KEY (from_id, to_id)
) WITHOUT ROWID;
CREATE INDEX occupation_link_to ON occupation_link(to_id);

-- Skill equivalences computed from identical analysed labels (ROME <-> ESCO); the official Compétent
-- mappings stay in skill_mapping.
CREATE TABLE skill_link (
  from_id    TEXT NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
  to_id      TEXT NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
  confidence REAL NOT NULL,
  method     TEXT NOT NULL,
  PRIMARY KEY (from_id, to_id)
) WITHOUT ROWID;

-- Stored candidate profiles (personal data): only here, never in the index, logs or metric labels.
CREATE TABLE candidate (
  id         TEXT PRIMARY KEY,
  data       TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
