-- a stage deadline is shown as the ISO-8601 duration it was set with (P3D), not as a number of seconds
ALTER TABLE pipeline_stage_deadline ADD COLUMN within_iso VARCHAR(40);
UPDATE pipeline_stage_deadline SET within_iso = 'P3D' WHERE within_seconds = 259200;
