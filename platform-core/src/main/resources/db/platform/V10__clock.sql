-- how far administrators moved an adjustable clock (pacesetter.clock.adjustable=true): kept, so that a restart does
-- not send a test, demo or training installation back in time
CREATE TABLE platform_clock (
    id INT PRIMARY KEY,
    advanced_by_ms BIGINT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO platform_clock (id, advanced_by_ms, updated_at) VALUES (1, 0, CURRENT_TIMESTAMP);
