-- One row per training or posting ever written, carrying the sequence of its latest change (a deleted
-- record keeps its row as a tombstone). The index records the last sequence it applied in its commit, so a
-- start after any unclean stop replays exactly the changes after it.
CREATE TABLE record_change (
  seq  INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  id   TEXT NOT NULL UNIQUE
);

-- Names this store for the index built from it: an index built from another store (a restored backup, a
-- copied directory) is rebuilt rather than trusted.
INSERT OR REPLACE INTO meta VALUES ('store_id', lower(hex(randomblob(16))));
