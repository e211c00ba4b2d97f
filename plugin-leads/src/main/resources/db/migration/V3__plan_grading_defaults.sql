-- The shipped default grading rules (version 1, kept in code) graded A on high intent with a confirmed budget alone,
-- or on a total of 5 (high intent, unconfirmed budget, decision maker). The plan's rules are stricter: A needs clear
-- intent AND a confirmed budget AND the decision maker; B is intent with the rest still open; C interest only.
-- Installed as version 2, and only where no administrator ever saved rules of their own (no version stored): their
-- choice stands. Version 1 stays readable for the leads it graded (their explanation names it).
-- (leads_key_scheme's one 'phone' row only gives the SELECT one row to insert from, in H2 and PostgreSQL alike)
INSERT INTO leads_grading_rules (version, fallback, created_by, created_at)
    SELECT 2, 'C', NULL, CURRENT_TIMESTAMP FROM leads_key_scheme
    WHERE name = 'phone' AND NOT EXISTS (SELECT 1 FROM leads_grading_rules);
INSERT INTO leads_grading_rule (version, sort_order, name, grade, min_intent, min_budget, min_decision, min_total)
    SELECT 2, 0, 'clear intent, confirmed budget, decision maker', 'A', 'HIGH', 'CONFIRMED', 'DECISION_MAKER', NULL
    FROM leads_grading_rules WHERE version = 2 AND created_by IS NULL;
INSERT INTO leads_grading_rule (version, sort_order, name, grade, min_intent, min_budget, min_decision, min_total)
    SELECT 2, 1, 'intent, budget or decision maker still open', 'B', 'MEDIUM', NULL, NULL, NULL
    FROM leads_grading_rules WHERE version = 2 AND created_by IS NULL;
