-- languages: what each user reads, and notifications kept as message references so that the inbox shows
-- them in the reader's language at read time
-- (numbered 8.5 so that concurrent branches can take V8 and V9 without a clash)

-- zh-CN or en; NULL follows pacesetter.default.language
ALTER TABLE platform_user ADD COLUMN language VARCHAR(10);

-- {"key":…,"args":[…]} of title, body and rule when the module gave messages; the plain columns then hold
-- the text rendered in the recipient's language when it was written, shown if the module is gone
ALTER TABLE platform_notification ADD COLUMN title_message VARCHAR(2000);
ALTER TABLE platform_notification ADD COLUMN body_message VARCHAR(8000);
ALTER TABLE platform_notification ADD COLUMN rule_message VARCHAR(2000);
