-- The official occupation crosswalks as published (ESCO–ROME by appellation, ESCO–BE NOC by Compétent profile):
-- one row per mapping, with the file and version it comes from. ESCO concepts absent from the loaded ESCO
-- version are counted as orphans at import and not stored here.
CREATE TABLE crosswalk_mapping (
  code     TEXT NOT NULL,
  from_id  TEXT NOT NULL REFERENCES occupation(id) ON DELETE CASCADE,
  label    TEXT NOT NULL,
  esco_id  TEXT NOT NULL REFERENCES occupation(id) ON DELETE CASCADE,
  relation TEXT NOT NULL CHECK (relation IN ('exact', 'close', 'broad', 'narrow')),
  source   TEXT NOT NULL,
  version  TEXT NOT NULL,
  PRIMARY KEY (code, esco_id)
) WITHOUT ROWID;
CREATE INDEX crosswalk_mapping_from ON crosswalk_mapping(from_id);
CREATE INDEX crosswalk_mapping_esco ON crosswalk_mapping(esco_id);

-- Every occupation link says where it comes from: 'official' (source = crosswalk file and version) or
-- 'computed' (method and confidence; composed through ESCO, or the engine's own labels/search/skills).
ALTER TABLE occupation_link ADD COLUMN provenance TEXT NOT NULL DEFAULT 'computed' CHECK (provenance IN ('official', 'computed'));
ALTER TABLE occupation_link ADD COLUMN source TEXT NOT NULL DEFAULT '';

-- Stores imported before the crosswalks and ESCO's Dutch labels existed import again at next start, and the
-- bridge is rebuilt over them.
DELETE FROM occupation_link;
DELETE FROM skill_link;
DELETE FROM meta WHERE key = 'reference_imported_at';
