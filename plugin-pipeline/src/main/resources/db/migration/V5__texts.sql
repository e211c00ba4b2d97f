-- texts for people follow the reader's language: a task made by a rule keeps its title as a message
-- ({"key":…,"args":[…]}, rendered from the plugin's message files when read; title stays as a fallback),
-- and the shipped defaults for the stage-deadline rule and the playbook actions become messages too
-- (texts an administrator writes stay as written)
ALTER TABLE pipeline_task ADD COLUMN title_message VARCHAR(2000);

UPDATE pipeline_stage_deadline SET rule = '{"key":"rule.proposal-no-feedback","args":[]}'
    WHERE rule = 'proposal submitted and no customer feedback for 3 days: customer care reminder';
UPDATE pipeline_tier_playbook SET action = '{"key":"playbook.executive-visit","args":[]}' WHERE action = 'Executive visit';
UPDATE pipeline_tier_playbook SET action = '{"key":"playbook.value-content-touch","args":[]}' WHERE action = 'Value-content touch';
