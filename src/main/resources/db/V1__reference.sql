-- The store of record. Entities keep their full JSON in `data` (the shape the API returns) plus the
-- columns that are queried; relations between them are plain tables with foreign keys.
CREATE TABLE source (
  name      TEXT PRIMARY KEY,
  version   TEXT NOT NULL,
  licence   TEXT NOT NULL,
  records   INTEGER NOT NULL,
  orphans   TEXT NOT NULL DEFAULT '{}',
  loaded_at TEXT NOT NULL
);

CREATE TABLE occupation (
  id     TEXT PRIMARY KEY,
  scheme TEXT NOT NULL,
  code   TEXT NOT NULL,
  data   TEXT NOT NULL
);
CREATE INDEX occupation_scheme_code ON occupation(scheme, code);

CREATE TABLE skill (
  id     TEXT PRIMARY KEY,
  scheme TEXT NOT NULL,
  code   TEXT NOT NULL,
  data   TEXT NOT NULL
);
CREATE INDEX skill_scheme_code ON skill(scheme, code);

CREATE TABLE training (
  id         TEXT PRIMARY KEY,
  data       TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE posting (
  id         TEXT PRIMARY KEY,
  data       TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- ROME fiche -> skill (core flag from unix_coherence_item) and ESCO occupation -> skill (essential/optional).
CREATE TABLE occupation_skill (
  occupation_id TEXT NOT NULL REFERENCES occupation(id) ON DELETE CASCADE,
  skill_id      TEXT NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
  relation      TEXT NOT NULL CHECK (relation IN ('essential', 'optional')),
  core          INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (occupation_id, skill_id)
) WITHOUT ROWID;
CREATE INDEX occupation_skill_by_skill ON occupation_skill(skill_id);

-- Official skill-to-skill mappings (Compétent competence -> ESCO skill) with their SKOS relation.
CREATE TABLE skill_mapping (
  from_id  TEXT NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
  to_id    TEXT NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
  relation TEXT NOT NULL,
  source   TEXT NOT NULL,
  PRIMARY KEY (from_id, to_id)
) WITHOUT ROWID;
CREATE INDEX skill_mapping_to ON skill_mapping(to_id);

-- ESCO skill hierarchy. The broader concept may be a skill group, which is not a skill record.
CREATE TABLE skill_broader (
  skill_id   TEXT NOT NULL REFERENCES skill(id) ON DELETE CASCADE,
  broader_id TEXT NOT NULL,
  PRIMARY KEY (skill_id, broader_id)
) WITHOUT ROWID;

-- ROME mobilités: ranked moves from one fiche to another (rank 1 = the closest move).
CREATE TABLE mobility (
  from_id TEXT NOT NULL REFERENCES occupation(id) ON DELETE CASCADE,
  to_id   TEXT NOT NULL REFERENCES occupation(id) ON DELETE CASCADE,
  rank    INTEGER NOT NULL,
  PRIMARY KEY (from_id, to_id)
) WITHOUT ROWID;

CREATE TABLE work_context (
  occupation_id TEXT NOT NULL REFERENCES occupation(id) ON DELETE CASCADE,
  label         TEXT NOT NULL,
  kind          TEXT NOT NULL
);
CREATE INDEX work_context_occupation ON work_context(occupation_id);

CREATE TABLE place (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL,
  lat     REAL NOT NULL,
  lon     REAL NOT NULL,
  country TEXT NOT NULL,
  admin1  TEXT NOT NULL,
  admin2  TEXT NOT NULL
);

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
