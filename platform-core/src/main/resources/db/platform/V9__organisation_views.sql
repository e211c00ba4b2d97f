-- when a person joined: new-hire ramp-up and time to first deal
ALTER TABLE platform_user ADD COLUMN hire_date DATE;

-- The organisation as plugins may read it in SQL (joins, scoping): read-only views versioned with the SDK's
-- platform.api.org package. The platform's tables behind them may change; these views do not, within a major version.
CREATE VIEW org_user_v1 AS
    SELECT u.id, u.username, u.display_name, u.team_id, COALESCE(t.region_id, u.region_id) AS region_id, t.manager_id,
           u.active, u.hire_date, u.language
    FROM platform_user u LEFT JOIN platform_team t ON t.id = u.team_id;
CREATE VIEW org_user_role_v1 AS SELECT user_id, role FROM platform_user_role;
CREATE VIEW org_team_v1 AS SELECT id, name, region_id, manager_id FROM platform_team;
CREATE VIEW org_region_v1 AS SELECT id, code, name, manager_id FROM platform_region;
