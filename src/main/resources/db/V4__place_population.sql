-- GeoNames population of each place, so place completions rank towns people mean ("Chal" -> Chalon-sur-Saône
-- before Châlonvillars). 0 when GeoNames gives none (villages under 1,000 inhabitants, town sections).
ALTER TABLE place ADD COLUMN population INTEGER NOT NULL DEFAULT 0;

-- Stores imported before populations existed import again at next start, so their places get them.
DELETE FROM meta WHERE key = 'reference_imported_at';
