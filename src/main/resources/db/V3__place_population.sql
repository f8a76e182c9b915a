-- GeoNames population of each place, so place completions rank towns people mean ("Chal" -> Chalon-sur-Saône
-- before Châlonvillars). 0 when GeoNames gives none (villages under 1,000 inhabitants, town sections).
ALTER TABLE place ADD COLUMN population INTEGER NOT NULL DEFAULT 0;
