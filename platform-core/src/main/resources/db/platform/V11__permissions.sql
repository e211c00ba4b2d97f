-- which roles hold a permission, once an administrator chose them (no row: the permission's default roles, as the
-- module declares them); roles is a comma-separated list of role names, empty when only administrators and the users
-- named below hold it
CREATE TABLE platform_permission_roles (
    permission VARCHAR(120) PRIMARY KEY,
    roles VARCHAR(400) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- a permission an administrator granted to one user by name, whatever their roles
CREATE TABLE platform_permission_user (
    permission VARCHAR(120) NOT NULL,
    user_id BIGINT NOT NULL REFERENCES platform_user (id),
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (permission, user_id)
);
CREATE INDEX platform_permission_user_by_user ON platform_permission_user (user_id);
