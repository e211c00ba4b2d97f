-- the pipeline board, kept up to date in the transactions that change opportunities: open opportunities and
-- their amounts per owner, stage and currency (a team's board adds up its members' rows)
CREATE TABLE pipeline_board_total (
    owner_id BIGINT NOT NULL REFERENCES platform_user (id),
    stage VARCHAR(20) NOT NULL,
    currency CHAR(3) NOT NULL,
    open_count BIGINT NOT NULL,
    amount_total NUMERIC(24, 2) NOT NULL,
    PRIMARY KEY (owner_id, stage, currency)
);
