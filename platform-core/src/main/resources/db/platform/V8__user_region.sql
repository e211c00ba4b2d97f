-- the region of a user who sits in no team (marketing, after-sales, integrators, HR): a team member's region is the team's
ALTER TABLE platform_user ADD COLUMN region_id BIGINT;
ALTER TABLE platform_user ADD CONSTRAINT fk_platform_user_region FOREIGN KEY (region_id) REFERENCES platform_region (id);
