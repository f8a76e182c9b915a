-- GeoNames population of each place, so place completions rank towns people mean ("Chal" -> Chalon-sur-Saône
-- before Châlonvillars). 0 when GeoNames gives none (villages under 1,000 inhabitants, town sections).
-- A store imported before this keeps 0 everywhere (completions then go nearest the border first) until its
-- next reference import: forcing one here would also drop the posts and trainings written through the API.
ALTER TABLE place ADD COLUMN population INTEGER NOT NULL DEFAULT 0;
